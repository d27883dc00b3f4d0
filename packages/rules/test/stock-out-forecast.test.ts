import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastStockOut, MAX_FORECAST_WEEKS, type WeeklyAnswer } from "../src/index";

/** Four consecutive survey weeks (Wednesdays), the last one 2026-12-02. */
const WEEKS = ["2026-11-11", "2026-11-18", "2026-11-25", "2026-12-02"] as const;

/** Answers whose stock falls exactly as declared, so the observed fall adds nothing. */
function steady(stock: number, consumption: number, purchases: number): WeeklyAnswer[] {
  const net = consumption - purchases;
  return WEEKS.map((weekStart, i) => ({
    weekStart,
    stock: stock + net * (WEEKS.length - 1 - i),
    consumption,
    purchases,
  }));
}

describe("forecastStockOut — steady use", () => {
  it("10,000 pieces at 1,000 a week: 10 weeks, 70 days after the last answer", () => {
    const forecast = forecastStockOut(steady(10_000, 1000, 0));
    expect(forecast).toMatchObject({
      asOf: "2026-12-02",
      weeklyBurn: 1000,
      trend: 0,
      weeksOfCover: 10,
      stockOutDate: "2027-02-10",
      atRiskNextWeek: false,
    });
  });

  it("counts the weeks from the day of the answer when it is known", () => {
    const answers = steady(7000, 1000, 0);
    const last = answers[3];
    if (last) last.answeredOn = "2026-12-04";
    expect(forecastStockOut(answers)).toMatchObject({
      asOf: "2026-12-04",
      stockOutDate: "2027-01-22",
    });
  });

  it("net burn is consumption minus purchases (1,000 - 400 = 600)", () => {
    expect(forecastStockOut(steady(6000, 1000, 400)).weeksOfCover).toBe(10);
  });

  it("stock 0 with a positive burn runs out today", () => {
    expect(forecastStockOut(steady(0, 1000, 0))).toMatchObject({
      weeksOfCover: 0,
      stockOutDate: "2026-12-02",
      atRiskNextWeek: true,
    });
  });
});

describe("forecastStockOut — at risk next week (the rule projected one week on)", () => {
  // After this week's 1,000, next week's answer holds stock - 1,000 against 4 x 1,000.
  it.each([
    [4999, true],
    [5000, false],
    [5001, false],
  ])("stock %i at 1,000 a week → at risk %s", (stock, atRisk) => {
    expect(forecastStockOut(steady(stock, 1000, 0)).atRiskNextWeek).toBe(atRisk);
  });

  it("an SOS purchase on its way counts: 4,000 + 2,000 incoming is not at risk", () => {
    expect(forecastStockOut(steady(4000, 1000, 0)).atRiskNextWeek).toBe(true);
    expect(forecastStockOut(steady(4000, 1000, 0), { incoming: 2000 }).atRiskNextWeek).toBe(false);
  });
});

describe("forecastStockOut — '—' (null), never Infinity", () => {
  it("no answers: no forecast", () => {
    expect(forecastStockOut([])).toEqual({
      asOf: null,
      weeklyBurn: null,
      trend: 0,
      weeksOfCover: null,
      stockOutDate: null,
      atRiskNextWeek: false,
    });
  });

  it("zero consumption in the latest answer: null, whatever came before", () => {
    const answers = steady(5000, 1000, 0);
    answers[3] = { weekStart: "2026-12-02", stock: 5000, consumption: 0, purchases: 0 };
    expect(forecastStockOut(answers)).toMatchObject({
      weeksOfCover: null,
      stockOutDate: null,
      atRiskNextWeek: false,
    });
  });

  it.each([
    [1000, 1000],
    [1000, 1500],
  ])(
    "consumption %i with purchases %i: the stock does not shrink → null",
    (consumption, purchases) => {
      expect(forecastStockOut(steady(10_000, consumption, purchases))).toMatchObject({
        weeksOfCover: null,
        stockOutDate: null,
        atRiskNextWeek: false,
      });
    },
  );

  it("a burn falling to zero before the stock is used: null", () => {
    // Declared burns 3,000, 2,000, 1,000, 0 (stock falling as declared): the trend ends all use.
    const answers: WeeklyAnswer[] = [
      { weekStart: WEEKS[0], stock: 100_000, consumption: 3000, purchases: 0 },
      { weekStart: WEEKS[1], stock: 97_000, consumption: 2000, purchases: 0 },
      { weekStart: WEEKS[2], stock: 95_000, consumption: 1000, purchases: 0 },
      { weekStart: WEEKS[3], stock: 94_000, consumption: 1000, purchases: 1000 },
    ];
    expect(forecastStockOut(answers).weeksOfCover).toBeNull();
  });

  it("a stock-out beyond ten years has weeks but no date", () => {
    const forecast = forecastStockOut([
      { weekStart: "2026-12-02", stock: 10_000_000, consumption: 1, purchases: 0 },
    ]);
    expect(forecast.weeksOfCover).toBe(10_000_000);
    expect(forecast.weeksOfCover ?? 0).toBeGreaterThan(MAX_FORECAST_WEEKS);
    expect(forecast.stockOutDate).toBeNull();
  });
});

describe("forecastStockOut — trend and observed fall", () => {
  it("a rising burn (1,000 → 1,300) brings the date earlier than the latest burn alone", () => {
    // Each week's stock is the previous one less its declared burn.
    const answers: WeeklyAnswer[] = [
      { weekStart: WEEKS[0], stock: 20_000, consumption: 1000, purchases: 0 },
      { weekStart: WEEKS[1], stock: 19_000, consumption: 1100, purchases: 0 },
      { weekStart: WEEKS[2], stock: 17_900, consumption: 1200, purchases: 0 },
      { weekStart: WEEKS[3], stock: 16_700, consumption: 1300, purchases: 0 },
    ];
    const forecast = forecastStockOut(answers);
    expect(forecast.trend).toBeCloseTo(100, 9);
    expect(forecast.weeklyBurn).toBe(1300);
    expect(forecast.weeksOfCover ?? 0).toBeLessThan(16_700 / 1300);
    expect(forecast.weeksOfCover ?? 0).toBeGreaterThan(16_700 / (1300 + 4 * 100));
  });

  it("a stock falling faster than declared raises the burn halfway: 1,000 declared, 3,000 gone → 2,000", () => {
    const answers: WeeklyAnswer[] = [
      { weekStart: "2026-11-25", stock: 20_000, consumption: 1000, purchases: 0 },
      { weekStart: "2026-12-02", stock: 17_000, consumption: 1000, purchases: 0 },
    ];
    expect(forecastStockOut(answers).weeklyBurn).toBe(2000);
  });

  it("an SOS delivery received in between is added back before comparing", () => {
    const answers: WeeklyAnswer[] = [
      { weekStart: "2026-11-25", stock: 20_000, consumption: 1000, purchases: 0 },
      { weekStart: "2026-12-02", stock: 21_000, consumption: 1000, purchases: 0, received: 2000 },
    ];
    expect(forecastStockOut(answers).weeklyBurn).toBe(1000);
  });

  it("no observation across a missed week", () => {
    const answers: WeeklyAnswer[] = [
      { weekStart: "2026-11-18", stock: 20_000, consumption: 1000, purchases: 0 },
      { weekStart: "2026-12-02", stock: 15_000, consumption: 1000, purchases: 0 },
    ];
    expect(forecastStockOut(answers).weeklyBurn).toBe(1000);
  });

  it("answers in any order give the same forecast; only the last four count", () => {
    const answers = steady(10_000, 1000, 0);
    const older = { weekStart: "2026-11-04", stock: 1, consumption: 99_999, purchases: 0 };
    const [a, b, c, d] = answers;
    if (!(a && b && c && d)) throw new Error("four answers expected");
    expect(forecastStockOut([c, older, a, d, b])).toEqual(forecastStockOut(answers));
  });

  it("refuses figures that are not counts", () => {
    expect(() =>
      forecastStockOut([{ weekStart: WEEKS[0], stock: -1, consumption: 1, purchases: 0 }]),
    ).toThrow(RangeError);
    expect(() =>
      forecastStockOut([{ weekStart: WEEKS[0], stock: 1.5, consumption: 1, purchases: 0 }]),
    ).toThrow(RangeError);
    expect(() => forecastStockOut(steady(1, 1, 0), { incoming: Number.NaN })).toThrow(RangeError);
  });
});

const figure = fc.nat({ max: 10_000_000 });
const answerAt = (weekStart: string) =>
  fc.record({
    weekStart: fc.constant(weekStart),
    stock: figure,
    consumption: figure,
    purchases: figure,
  });
const history = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...WEEKS.slice(4 - n).map(answerAt)))
  .map((answers) => answers as WeeklyAnswer[]);

const withLatestStock = (answers: readonly WeeklyAnswer[], stock: number): WeeklyAnswer[] =>
  answers.map((a, i) => (i === answers.length - 1 ? { ...a, stock } : a));

/** Null dates are "never": later than every day. */
const dayOrNever = (ymd: string | null) => ymd ?? "9999-12-31";

describe("forecastStockOut — properties", () => {
  it("never NaN or Infinity: weeks are null or a finite number ≥ 0", () => {
    fc.assert(
      fc.property(history, fc.nat({ max: 10_000_000 }), (answers, incoming) => {
        const f = forecastStockOut(answers, { incoming });
        expect(f.weeklyBurn === null || Number.isFinite(f.weeklyBurn)).toBe(true);
        expect(Number.isFinite(f.trend)).toBe(true);
        expect(
          f.weeksOfCover === null || (Number.isFinite(f.weeksOfCover) && f.weeksOfCover >= 0),
        ).toBe(true);
        if (f.weeksOfCover === null) expect(f.stockOutDate).toBeNull();
      }),
    );
  });

  it("more stock never brings the date earlier, nor the weeks fewer, nor adds a risk", () => {
    fc.assert(
      fc.property(history, figure, figure, (answers, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const low = forecastStockOut(withLatestStock(answers, less));
        const high = forecastStockOut(withLatestStock(answers, more));
        expect(dayOrNever(high.stockOutDate) >= dayOrNever(low.stockOutDate)).toBe(true);
        expect(high.weeksOfCover ?? Number.MAX_VALUE).toBeGreaterThanOrEqual(
          low.weeksOfCover ?? Number.MAX_VALUE,
        );
        if (high.atRiskNextWeek) expect(low.atRiskNextWeek).toBe(true);
      }),
    );
  });

  it("zero consumption in the latest answer → no weeks, no date, no risk", () => {
    fc.assert(
      fc.property(history, (answers) => {
        const f = forecastStockOut(
          answers.map((a, i) => (i === answers.length - 1 ? { ...a, consumption: 0 } : a)),
        );
        expect([f.weeksOfCover, f.stockOutDate, f.atRiskNextWeek]).toEqual([null, null, false]);
      }),
    );
  });
});

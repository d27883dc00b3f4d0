import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessEligibility,
  PIECES_PER_SET,
  purchaseLimitSets,
  type SurveyFigures,
  weeksOfCover,
} from "../src/index";

const count = fc.nat({ max: Number.MAX_SAFE_INTEGER });
/** Figures in the range real surveys use, where shrinking finds readable counter-examples. */
const smallCount = fc.nat({ max: 100_000 });
const figures = (n: fc.Arbitrary<number>) =>
  fc.record({ stock: n, consumption: n, purchases: n }) as fc.Arbitrary<SurveyFigures>;

describe("assessEligibility — the manual's worked example", () => {
  it("stock 2,000 / consumption 1,000 / purchases 400 is eligible with shortfalls 600 and 2,400", () => {
    expect(assessEligibility({ stock: 2000, consumption: 1000, purchases: 400 })).toEqual({
      eligible: true,
      weeklyShortfall: 600,
      monthlyShortfall: 2400,
      limitSets: 2,
      limitPieces: 2000,
    });
  });
});

describe("assessEligibility — stock around the threshold (consumption 1,000, purchases 400 → 2,400)", () => {
  it.each([
    [2399, true],
    [2400, false],
    [2401, false],
    [0, true],
  ])("stock %i → eligible %s (equality is not eligible)", (stock, eligible) => {
    expect(assessEligibility({ stock, consumption: 1000, purchases: 400 }).eligible).toBe(eligible);
  });
});

describe("assessEligibility — purchases around consumption", () => {
  it("purchases = consumption - 1 leaves a shortfall of 1/week: only stock below 4 is eligible", () => {
    expect(assessEligibility({ stock: 3, consumption: 1000, purchases: 999 })).toMatchObject({
      eligible: true,
      weeklyShortfall: 1,
      monthlyShortfall: 4,
      limitSets: 2,
    });
    expect(assessEligibility({ stock: 4, consumption: 1000, purchases: 999 }).eligible).toBe(false);
  });

  it("purchases = consumption is never eligible, even with no stock", () => {
    expect(assessEligibility({ stock: 0, consumption: 1000, purchases: 1000 })).toEqual({
      eligible: false,
      weeklyShortfall: 0,
      monthlyShortfall: 0,
      limitSets: 0,
      limitPieces: 0,
    });
  });

  it("purchases = consumption + 1 is never eligible and reports a negative shortfall", () => {
    expect(assessEligibility({ stock: 0, consumption: 1000, purchases: 1001 })).toEqual({
      eligible: false,
      weeklyShortfall: -1,
      monthlyShortfall: -4,
      limitSets: 0,
      limitPieces: 0,
    });
  });
});

describe("assessEligibility — zeros", () => {
  it("all zero is not eligible (0 < 0 is false)", () => {
    expect(assessEligibility({ stock: 0, consumption: 0, purchases: 0 })).toEqual({
      eligible: false,
      weeklyShortfall: 0,
      monthlyShortfall: 0,
      limitSets: 0,
      limitPieces: 0,
    });
  });

  it("no stock, consumption 1, no purchases is eligible with the minimum 1 set", () => {
    expect(assessEligibility({ stock: 0, consumption: 1, purchases: 0 })).toEqual({
      eligible: true,
      weeklyShortfall: 1,
      monthlyShortfall: 4,
      limitSets: 1,
      limitPieces: 1000,
    });
  });

  it("zero consumption with purchases is not eligible", () => {
    expect(assessEligibility({ stock: 0, consumption: 0, purchases: 5 }).eligible).toBe(false);
  });
});

describe("assessEligibility — large values stay exact", () => {
  const max = Number.MAX_SAFE_INTEGER;

  it("threshold beyond MAX_SAFE_INTEGER is compared exactly", () => {
    // (max - 0) * 4 exceeds 2^53 but is exact; max < it.
    const a = assessEligibility({ stock: max, consumption: max, purchases: 0 });
    expect(a.eligible).toBe(true);
    expect(BigInt(a.monthlyShortfall)).toBe(BigInt(max) * 4n);
  });

  it("a difference of one piece at the top of the range still decides", () => {
    // threshold = (max - (max - 1)) * 4 = 4
    expect(assessEligibility({ stock: 3, consumption: max, purchases: max - 1 }).eligible).toBe(
      true,
    );
    expect(assessEligibility({ stock: 4, consumption: max, purchases: max - 1 }).eligible).toBe(
      false,
    );
  });

  it("the limit for the largest consumption is ceil(2 x max / 1000)", () => {
    const expected = (BigInt(max) * 2n + 999n) / 1000n;
    expect(BigInt(purchaseLimitSets(max))).toBe(expected);
  });

  it("a large realistic hospital: stock 150,000, use 60,000/week, buys 10,000", () => {
    expect(assessEligibility({ stock: 150_000, consumption: 60_000, purchases: 10_000 })).toEqual({
      eligible: true,
      weeklyShortfall: 50_000,
      monthlyShortfall: 200_000,
      limitSets: 120,
      limitPieces: 120_000,
    });
  });
});

describe("assessEligibility — invalid input is a caller bug (RangeError)", () => {
  const valid = { stock: 1, consumption: 1, purchases: 1 };
  it.each([
    ["stock", -1],
    ["stock", 1.5],
    ["stock", Number.NaN],
    ["consumption", Number.POSITIVE_INFINITY],
    ["consumption", -0.5],
    ["purchases", Number.MAX_SAFE_INTEGER + 1],
    ["purchases", -1],
  ] as const)("%s = %d throws", (field, value) => {
    expect(() => assessEligibility({ ...valid, [field]: value })).toThrow(RangeError);
  });
});

describe("purchaseLimitSets — the manual's table (consumption x 2 rounded up to 1,000)", () => {
  it.each([
    [0, 0],
    [1, 1],
    [499, 1],
    [500, 1],
    [501, 2],
    [999, 2],
    [1000, 2],
    [1001, 3],
    [1500, 3],
    [1501, 4],
    [2000, 4],
    [2001, 5],
    [25_000, 50],
    [25_001, 51],
  ])("consumption %i → %i sets", (consumption, sets) => {
    expect(purchaseLimitSets(consumption)).toBe(sets);
  });

  it.each([
    ["①", 1, 1000, 1],
    ["②", 1001, 2000, 2],
    ["③", 2001, 3000, 3],
    ["④", 3001, 4000, 4],
  ])(
    "row %s of the sheet: consumption x 2 from %i to %i → %i sets, every value",
    (_row, low, high, sets) => {
      // Every whole consumption whose double falls in the row (the double of a whole number is even).
      for (let consumption = Math.ceil(low / 2); consumption * 2 <= high; consumption++) {
        expect(purchaseLimitSets(consumption)).toBe(sets);
      }
    },
  );

  it("throws on a negative or fractional consumption", () => {
    expect(() => purchaseLimitSets(-1)).toThrow(RangeError);
    expect(() => purchaseLimitSets(0.5)).toThrow(RangeError);
  });
});

describe("weeksOfCover", () => {
  it.each([
    [2000, 1000, 400, 2000 / 600],
    [2400, 1000, 400, 4],
    [0, 1000, 400, 0],
    [1, 2, 1, 1],
  ])("stock %i, consumption %i, purchases %i → %d weeks", (s, c, p, weeks) => {
    expect(weeksOfCover(s, c, p)).toBeCloseTo(weeks, 12);
  });

  it.each([
    [1000, 1000, 1000],
    [1000, 1000, 1001],
    [0, 0, 0],
  ])("stock %i, consumption %i, purchases %i → null (the stock does not shrink)", (s, c, p) => {
    expect(weeksOfCover(s, c, p)).toBeNull();
  });

  it("throws on invalid input", () => {
    expect(() => weeksOfCover(-1, 1, 0)).toThrow(RangeError);
    expect(() => weeksOfCover(1, 1.5, 0)).toThrow(RangeError);
    expect(() => weeksOfCover(1, 1, Number.NaN)).toThrow(RangeError);
  });
});

describe("properties", () => {
  it("eligible ⇔ stock < (consumption - purchases) x 4, checked with BigInt over all safe integers", () => {
    fc.assert(
      fc.property(figures(count), (f) => {
        const threshold = (BigInt(f.consumption) - BigInt(f.purchases)) * 4n;
        expect(assessEligibility(f).eligible).toBe(BigInt(f.stock) < threshold);
      }),
    );
  });

  it("the shortfalls are consumption - purchases and four times that", () => {
    fc.assert(
      fc.property(figures(count), (f) => {
        const a = assessEligibility(f);
        expect(BigInt(a.weeklyShortfall)).toBe(BigInt(f.consumption) - BigInt(f.purchases));
        expect(BigInt(a.monthlyShortfall)).toBe(BigInt(a.weeklyShortfall) * 4n);
      }),
    );
  });

  it("purchases >= consumption is never eligible", () => {
    fc.assert(
      fc.property(count, count, count, (stock, a, b) => {
        const [consumption, purchases] = a <= b ? [a, b] : [b, a];
        expect(assessEligibility({ stock, consumption, purchases }).eligible).toBe(false);
      }),
    );
  });

  it("not eligible ⇒ limit 0; eligible ⇒ limit = purchaseLimitSets(consumption) >= 1", () => {
    fc.assert(
      fc.property(figures(smallCount), (f) => {
        const a = assessEligibility(f);
        if (a.eligible) {
          expect(a.limitSets).toBe(purchaseLimitSets(f.consumption));
          expect(a.limitSets).toBeGreaterThanOrEqual(1);
        } else {
          expect(a.limitSets).toBe(0);
        }
        expect(a.limitPieces).toBe(a.limitSets * PIECES_PER_SET);
      }),
    );
  });

  it("limitSets is the least number of sets covering two weeks' consumption", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (consumption) => {
        const sets = BigInt(purchaseLimitSets(consumption));
        const twoWeeks = BigInt(consumption) * 2n;
        expect(sets * 1000n >= twoWeeks).toBe(true);
        expect((sets - 1n) * 1000n < twoWeeks).toBe(true);
      }),
    );
  });

  it("the limit is monotonic in consumption", () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(purchaseLimitSets(lo)).toBeLessThanOrEqual(purchaseLimitSets(hi));
      }),
    );
  });

  it("one more piece of consumption raises the limit by at most one set", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (c) => {
        const step = purchaseLimitSets(c + 1) - purchaseLimitSets(c);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });

  it("raising stock never turns not eligible into eligible", () => {
    fc.assert(
      fc.property(figures(smallCount), smallCount, (f, extra) => {
        if (!assessEligibility(f).eligible) {
          expect(assessEligibility({ ...f, stock: f.stock + extra }).eligible).toBe(false);
        }
      }),
    );
  });

  it("raising purchases never turns not eligible into eligible", () => {
    fc.assert(
      fc.property(figures(smallCount), smallCount, (f, extra) => {
        if (!assessEligibility(f).eligible) {
          expect(assessEligibility({ ...f, purchases: f.purchases + extra }).eligible).toBe(false);
        }
      }),
    );
  });

  it("raising consumption never turns eligible into not eligible", () => {
    fc.assert(
      fc.property(figures(smallCount), smallCount, (f, extra) => {
        if (assessEligibility(f).eligible) {
          expect(assessEligibility({ ...f, consumption: f.consumption + extra }).eligible).toBe(
            true,
          );
        }
      }),
    );
  });

  it("eligible ⇔ weeksOfCover is defined and under four weeks", () => {
    fc.assert(
      fc.property(figures(smallCount), (f) => {
        const weeks = weeksOfCover(f.stock, f.consumption, f.purchases);
        expect(assessEligibility(f).eligible).toBe(weeks !== null && weeks < 4);
      }),
    );
  });
});

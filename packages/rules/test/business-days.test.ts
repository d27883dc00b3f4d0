import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDaysYmd,
  businessDayOnOrAfter,
  dayOfWeek,
  isBusinessDay,
  isYearEndClosure,
  japaneseHoliday,
  nextBusinessDay,
  TOKYO,
  tokyoDate,
  tokyoTime,
} from "../src/index";

/** Any day from 2000 to 2049, where the holiday data is complete. */
const anyDay = fc.integer({ min: 0, max: 50 * 365 }).map((n) => addDaysYmd("2000-01-01", n));

describe("TOKYO", () => {
  it("is the IANA name", () => {
    expect(TOKYO).toBe("Asia/Tokyo");
  });
});

describe("tokyoDate — the Tokyo calendar day of an instant (UTC+9)", () => {
  it.each([
    ["2026-11-24T14:59:59.999Z", "2026-11-24"],
    ["2026-11-24T15:00:00.000Z", "2026-11-25"],
    ["2026-11-25T00:00:00.000+09:00", "2026-11-25"],
    ["2026-11-25T23:59:59.999+09:00", "2026-11-25"],
    ["2026-11-25T08:00:00.000Z", "2026-11-25"],
    ["2026-12-31T15:00:00.000Z", "2027-01-01"],
    ["2026-11-24T10:00:00.000-10:00", "2026-11-25"],
  ])("%s → %s", (iso, ymd) => {
    expect(tokyoDate(new Date(iso))).toBe(ymd);
  });

  it("refuses an invalid Date", () => {
    expect(() => tokyoDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("tokyoTime — a Tokyo wall-clock time as an instant", () => {
  it.each([
    ["2026-11-25", 17, 0, "2026-11-25T08:00:00.000Z"],
    ["2026-11-25", 18, 35, "2026-11-25T09:35:00.000Z"],
    ["2026-11-25", 0, 0, "2026-11-24T15:00:00.000Z"],
    ["2027-01-01", 8, 59, "2026-12-31T23:59:00.000Z"],
  ])("%s %i:%i → %s", (ymd, h, m, iso) => {
    const t = tokyoTime(ymd, h, m);
    expect(t.toISOString()).toBe(iso);
    expect(Object.getPrototypeOf(t)).toBe(Date.prototype);
  });
});

describe("day strings are validated", () => {
  it.each([
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-2-3",
    "20260203",
    "",
    "2026-11-25T00:00",
    " 2026-11-25",
  ])("%j is refused", (ymd) => {
    expect(() => isBusinessDay(ymd)).toThrow(RangeError);
    expect(() => nextBusinessDay(ymd)).toThrow(RangeError);
  });

  it("accepts 29 February in a leap year only", () => {
    expect(isBusinessDay("2028-02-29")).toBe(true);
    expect(() => isBusinessDay("2027-02-29")).toThrow(RangeError);
  });
});

describe("dayOfWeek — on the Tokyo calendar", () => {
  it.each([
    ["2026-11-22", 0],
    ["2026-11-25", 3],
    ["2026-11-28", 6],
    ["2027-01-01", 5],
  ])("%s → %i", (ymd, dow) => {
    expect(dayOfWeek(ymd)).toBe(dow);
  });
});

describe("japaneseHoliday", () => {
  it.each([
    ["2026-09-21", "敬老の日"],
    ["2026-09-22", "休日"],
    ["2026-09-23", "秋分の日"],
    ["2026-05-06", "こどもの日 振替休日"],
    ["2026-02-11", "建国記念の日"],
    ["2027-01-01", "元日"],
  ])("%s is %s", (ymd, name) => {
    expect(japaneseHoliday(ymd)).toBe(name);
  });

  it.each(["2026-11-25", "2026-12-29", "2026-01-02"])("%s is not a public holiday", (ymd) => {
    expect(japaneseHoliday(ymd)).toBeNull();
  });
});

describe("isYearEndClosure — 29 December to 3 January", () => {
  it.each([
    ["2026-12-28", false],
    ["2026-12-29", true],
    ["2026-12-31", true],
    ["2027-01-01", true],
    ["2027-01-03", true],
    ["2027-01-04", false],
  ])("%s → %s", (ymd, closed) => {
    expect(isYearEndClosure(ymd)).toBe(closed);
  });
});

describe("isBusinessDay", () => {
  it.each([
    ["2026-11-25", true, "an ordinary Wednesday"],
    ["2026-11-27", true, "an ordinary Friday"],
    ["2026-11-28", false, "Saturday"],
    ["2026-11-29", false, "Sunday"],
    ["2026-11-23", false, "勤労感謝の日 (Monday)"],
    ["2026-09-21", false, "敬老の日"],
    ["2026-09-22", false, "国民の休日 between two holidays"],
    ["2026-09-23", false, "秋分の日, a Wednesday"],
    ["2026-09-24", true, "the Thursday after Silver Week"],
    ["2026-05-06", false, "substitute holiday (振替休日) on a Wednesday"],
    ["2026-02-11", false, "建国記念の日 on a Wednesday"],
    ["2026-12-28", true, "the last working day of the year"],
    ["2026-12-29", false, "year-end closure (a Tuesday, not a holiday)"],
    ["2026-12-30", false, "year-end closure on a Wednesday"],
    ["2026-01-02", false, "New Year closure on a Friday"],
    ["2026-01-05", true, "first working day of 2026"],
    ["2027-01-04", true, "first working day of 2027"],
  ])("%s → %s (%s)", (ymd, business) => {
    expect(isBusinessDay(ymd)).toBe(business);
  });
});

describe("nextBusinessDay — the first business day strictly after", () => {
  it.each([
    ["2026-11-25", "2026-11-26", "Wednesday → Thursday"],
    ["2026-11-27", "2026-11-30", "Friday → Monday"],
    ["2026-11-20", "2026-11-24", "Friday before 勤労感謝の日 → Tuesday"],
    ["2026-09-18", "2026-09-24", "Friday before Silver Week (21, 22, 23 off) → Thursday"],
    ["2026-09-21", "2026-09-24", "from inside a holiday run"],
    ["2026-05-01", "2026-05-07", "Friday before Golden Week → Thursday"],
    ["2026-12-28", "2027-01-04", "across the year-end closure"],
    ["2025-12-26", "2026-01-05", "from the last Friday of 2025"],
    ["2026-12-31", "2027-01-04", "from inside the closure"],
  ])("%s → %s (%s)", (from, to) => {
    expect(nextBusinessDay(from)).toBe(to);
  });
});

describe("businessDayOnOrAfter", () => {
  it.each([
    ["2026-11-25", "2026-11-25"],
    ["2026-09-23", "2026-09-24"],
    ["2026-12-30", "2027-01-04"],
    ["2026-11-28", "2026-11-30"],
  ])("%s → %s", (from, to) => {
    expect(businessDayOnOrAfter(from)).toBe(to);
  });
});

describe("properties", () => {
  it("nextBusinessDay(x) > x, is a business day, and no business day lies between", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const next = nextBusinessDay(day);
        expect(next > day).toBe(true);
        expect(isBusinessDay(next)).toBe(true);
        for (let d = addDaysYmd(day, 1); d < next; d = addDaysYmd(d, 1)) {
          expect(isBusinessDay(d)).toBe(false);
        }
      }),
    );
  });

  it("over every day of 2000-2050 the longest wait is 11 days, from before the 2019 ten-day Golden Week", () => {
    let longest = { from: "", gap: 0 };
    for (let day = "2000-01-01"; day <= "2050-12-31"; day = addDaysYmd(day, 1)) {
      const next = nextBusinessDay(day);
      const gap = (Date.parse(next) - Date.parse(day)) / 86_400_000;
      if (gap > longest.gap) longest = { from: day, gap };
    }
    expect(longest).toEqual({ from: "2019-04-26", gap: 11 });
    expect(nextBusinessDay("2019-04-26")).toBe("2019-05-07");
  });

  it("businessDayOnOrAfter is the day itself exactly when it is a business day", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const on = businessDayOnOrAfter(day);
        expect(on === day).toBe(isBusinessDay(day));
        expect(on).toBe(isBusinessDay(day) ? day : nextBusinessDay(day));
      }),
    );
  });

  it("weekends and the closure are never business days; public holidays never are", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const dow = dayOfWeek(day);
        if (dow === 0 || dow === 6 || isYearEndClosure(day) || japaneseHoliday(day) !== null) {
          expect(isBusinessDay(day)).toBe(false);
        } else {
          expect(isBusinessDay(day)).toBe(true);
        }
      }),
    );
  });

  it("addDaysYmd moves along the Tokyo calendar one weekday per day", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (day, n) => {
        const moved = addDaysYmd(day, n);
        expect(dayOfWeek(moved)).toBe((((dayOfWeek(day) + n) % 7) + 7) % 7);
        expect(addDaysYmd(moved, -n)).toBe(day);
      }),
    );
  });

  it("tokyoDate(tokyoTime(d, h, m)) = d for every wall-clock time", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          expect(tokyoDate(tokyoTime(d, h, m))).toBe(d);
        },
      ),
    );
  });
});

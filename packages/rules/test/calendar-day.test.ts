import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, parseDay, weekdayOf } from "../src/calendar-day";

const DAY_MS = 86_400_000;
/** Day numbers of 0100-01-01 to 9999-12-31, the days a YYYY-MM-DD string can name here. */
const anyDayNumber = fc.integer({
  min: Date.UTC(100, 0, 1) / DAY_MS,
  max: Date.UTC(9999, 11, 31) / DAY_MS,
});

describe("day numbers by arithmetic agree with Date", () => {
  it("formatDay is toISOString's day, parseDay its inverse, weekdayOf getUTCDay", () => {
    fc.assert(
      fc.property(anyDayNumber, (day) => {
        const date = new Date(day * DAY_MS);
        const ymd = date.toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(ymd);
        expect(parseDay(ymd)).toBe(day);
        expect(weekdayOf(day)).toBe(date.getUTCDay());
      }),
      { numRuns: 5000 },
    );
  });

  it("years 0000-9999 and past them format as toISOString did", () => {
    for (const day of [-719_528, -1, 0, 2_932_896, 2_932_897, 100_000_000]) {
      expect(formatDay(day)).toBe(new Date(day * DAY_MS).toISOString().slice(0, 10));
    }
  });

  it("parseDay accepts exactly the strings the regular expression and Date.UTC check accepted", () => {
    const previous = (s: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (match === null) return null;
      const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return new Date(ms).toISOString().slice(0, 10) === s ? ms / DAY_MS : null;
    };
    const accepts = (s: string) => {
      try {
        return parseDay(s);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        return null;
      }
    };
    const dayLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      );
    const noise = fc.string({ unit: fc.constantFrom(..."0123456789-０/ T"), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(dayLike, noise), (s) => {
        expect(accepts(s)).toBe(previous(s));
      }),
      { numRuns: 5000 },
    );
  });
});

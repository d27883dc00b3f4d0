import { describe, expect, it } from "vitest";
import { parseClockOffset, TEST_CLOCK_ENV, testClockOffsetMs } from "../index.js";

const DAY = 86_400_000;
// 2026-12-07 23:30 UTC: already 2026-12-08 in Tokyo.
const FROM = Date.UTC(2026, 11, 7, 23, 30);

describe("parseClockOffset", () => {
  it("is zero when nothing is asked", () => {
    expect(parseClockOffset(undefined, FROM)).toBe(0);
    expect(parseClockOffset("", FROM)).toBe(0);
    expect(parseClockOffset("0", FROM)).toBe(0);
  });

  it("takes hours, days and weeks, either way", () => {
    expect(parseClockOffset("+90d", FROM)).toBe(90 * DAY);
    expect(parseClockOffset("90d", FROM)).toBe(90 * DAY);
    expect(parseClockOffset("-2w", FROM)).toBe(-14 * DAY);
    expect(parseClockOffset("12h", FROM)).toBe(12 * 3_600_000);
  });

  it("counts months and years on the calendar", () => {
    expect(FROM + parseClockOffset("+1y", FROM)).toBe(Date.UTC(2027, 11, 7, 23, 30));
    expect(FROM + parseClockOffset("3m", FROM)).toBe(Date.UTC(2027, 2, 7, 23, 30));
    // 2028 is a leap year: a year from 2027-12-07 is 366 days.
    expect(parseClockOffset("1y", Date.UTC(2027, 11, 7))).toBe(366 * DAY);
  });

  it("moves to a date by whole days from today in Tokyo", () => {
    expect(parseClockOffset("2026-12-08", FROM)).toBe(0);
    expect(parseClockOffset("2027-03-08", FROM)).toBe(90 * DAY);
  });

  it("refuses what it cannot read, naming the variable", () => {
    expect(() => parseClockOffset("soon", FROM)).toThrow(TEST_CLOCK_ENV);
    expect(() => parseClockOffset("90", FROM)).toThrow(/\+90d/);
  });

  it("reads the environment variable", () => {
    expect(testClockOffsetMs({ [TEST_CLOCK_ENV]: "+2d" })).toBe(2 * DAY);
    expect(testClockOffsetMs({})).toBe(0);
  });
});

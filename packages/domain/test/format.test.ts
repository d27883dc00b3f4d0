import { describe, expect, it } from "vitest";
import {
  formatJaDate,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  formatSets,
  formatShortDateTime,
  formatWeekdayTime,
  surveyWeekTitle,
  toInstant,
  tokyoClock,
} from "../src/index";

const MINUS = "\u2212";

describe("formatNumber", () => {
  it("groups thousands", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1,000");
    expect(formatNumber(9_999_999)).toBe("9,999,999");
    expect(formatNumber(1_000_000_000)).toBe("1,000,000,000");
  });

  it("writes negatives with one true minus sign (U+2212), never a hyphen", () => {
    expect(formatNumber(-600)).toBe("−600");
    expect(formatNumber(-600).startsWith(MINUS)).toBe(true);
    expect(formatNumber(-1234567)).toBe(`${MINUS}1,234,567`);
    expect(formatNumber(-1)).not.toContain("-");
  });

  it("shows negative zero as plain zero", () => {
    expect(formatNumber(-0)).toBe("0");
  });
});

describe("formatPieces", () => {
  it("adds 枚 to the grouped figure", () => {
    expect(formatPieces(0)).toBe("0枚");
    expect(formatPieces(2000)).toBe("2,000枚");
    expect(formatPieces(2400)).toBe("2,400枚");
    expect(formatPieces(-200)).toBe("−200枚");
    expect(formatPieces(-600)).toBe("−600枚");
  });
});

describe("formatSets", () => {
  it("gives a limit in sets and pieces", () => {
    expect(formatSets(0)).toBe("0セット（0枚）");
    expect(formatSets(1)).toBe("1セット（1,000枚）");
    expect(formatSets(2)).toBe("2セット（2,000枚）");
    expect(formatSets(20_000)).toBe("20,000セット（20,000,000枚）");
    expect(formatSets(-2)).toBe("−2セット（−2,000枚）");
  });
});

describe("formatJaDate", () => {
  it("names the day with its weekday, every day of the week", () => {
    const week = [
      ["2026-11-29", "2026年11月29日（日）"],
      ["2026-11-30", "2026年11月30日（月）"],
      ["2026-12-01", "2026年12月1日（火）"],
      ["2026-12-02", "2026年12月2日（水）"],
      ["2026-12-03", "2026年12月3日（木）"],
      ["2026-12-04", "2026年12月4日（金）"],
      ["2026-12-05", "2026年12月5日（土）"],
    ] as const;
    for (const [ymd, text] of week) expect(formatJaDate(ymd)).toBe(text);
  });

  it("leaves the year out on request", () => {
    expect(formatJaDate("2026-11-25")).toBe("2026年11月25日（水）");
    expect(formatJaDate("2026-12-03", { withYear: false })).toBe("12月3日（木）");
    expect(formatJaDate("2027-01-04")).toBe("2027年1月4日（月）");
    expect(formatJaDate("2027-01-04", { withYear: false })).toBe("1月4日（月）");
    expect(formatJaDate("2028-02-29")).toBe("2028年2月29日（火）");
  });
});

describe("instants on the Tokyo clock, whatever the process time zone", () => {
  it("formats the weekly deadline", () => {
    expect(formatJaDateTime(new Date("2026-12-02T08:00:00Z"))).toBe("2026年12月2日（水）17:00");
    expect(formatJaDateTime(new Date("2026-11-25T07:30:00Z"))).toBe("2026年11月25日（水）16:30");
  });

  it("changes day at Tokyo's midnight, not UTC's", () => {
    // 14:59 UTC is 23:59 in Tokyo; 15:00 UTC is already the next day there.
    expect(formatJaDateTime(new Date("2026-12-01T14:59:00Z"))).toBe("2026年12月1日（火）23:59");
    expect(formatJaDateTime(new Date("2026-12-01T15:00:00Z"))).toBe("2026年12月2日（水）00:00");
    expect(formatJaDateTime(new Date("2026-12-01T15:05:00Z"))).toBe("2026年12月2日（水）00:05");
    expect(formatJaDateTime(new Date("2026-11-25T15:30:00Z"))).toBe("2026年11月26日（木）00:30");
    expect(formatJaDateTime(new Date("2026-06-02T15:05:00Z"))).toBe("2026年6月3日（水）00:05");
    expect(formatJaDateTime(new Date("2026-12-31T14:59:00Z"))).toBe("2026年12月31日（木）23:59");
    // New Year comes nine hours earlier in Tokyo.
    expect(formatJaDateTime(new Date("2026-12-31T15:00:00Z"))).toBe("2027年1月1日（金）00:00");
  });

  it("splits an instant into Tokyo's day and wall-clock time", () => {
    expect(tokyoClock(new Date("2026-12-01T15:00:00Z"))).toEqual({
      ymd: "2026-12-02",
      time: "00:00",
    });
    expect(tokyoClock(new Date("2026-12-02T14:59:59.999Z"))).toEqual({
      ymd: "2026-12-02",
      time: "23:59",
    });
  });

  it("shortens to month and day, from a Date or the API's ISO string", () => {
    expect(formatShortDateTime("2026-11-25T07:30:00.000Z")).toBe("11月25日（水）16:30");
    expect(formatShortDateTime(new Date("2026-12-31T15:00:00Z"))).toBe("1月1日（金）00:00");
    // 15:30 UTC on 2 December is 00:30 on 3 December in Tokyo.
    expect(formatShortDateTime("2026-12-02T15:30:00.000Z")).toBe("12月3日（木）00:30");
  });

  it("names a deadline by weekday and time", () => {
    expect(formatWeekdayTime(new Date("2026-12-02T08:00:00Z"))).toBe("水曜17:00");
    expect(formatWeekdayTime(new Date("2026-12-03T08:00:00Z"))).toBe("木曜17:00");
    expect(formatWeekdayTime(new Date("2026-12-02T15:00:00Z"))).toBe("木曜00:00");
  });
});

describe("surveyWeekTitle", () => {
  it("names a survey week by its deadline, one Wednesday only", () => {
    expect(surveyWeekTitle("2026-11-25")).toBe("2026年12月2日（水）17:00締切の週");
    expect(surveyWeekTitle("2026-04-29")).toBe("2026年5月6日（水）17:00締切の週");
  });

  it("gives the deadline's own year when the week crosses New Year", () => {
    expect(surveyWeekTitle("2026-12-30")).toBe("2027年1月6日（水）17:00締切の週");
  });

  it("keeps the deadline on Wednesday 17:00 when that Wednesday is a holiday", () => {
    expect(surveyWeekTitle("2026-04-22")).toBe("2026年4月29日（水）17:00締切の週");
  });
});

describe("toInstant", () => {
  it("reads ISO strings and Dates and refuses garbage", () => {
    expect(toInstant("2026-12-02T08:00:00.000Z").getTime()).toBe(Date.UTC(2026, 11, 2, 8));
    const date = new Date(Date.UTC(2026, 11, 2, 8));
    expect(toInstant(date)).toBe(date);
    expect(() => toInstant("来週")).toThrow(RangeError);
    expect(() => toInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import {
  formatJaDate,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  formatSets,
  formatWeekdayTime,
  toInstant,
} from "./format";

describe("quantities", () => {
  it("groups thousands and writes negatives with a minus sign", () => {
    expect(formatNumber(9_999_999)).toBe("9,999,999");
    expect(formatNumber(-600)).toBe("−600");
    expect(formatNumber(0)).toBe("0");
    expect(formatPieces(2400)).toBe("2,400枚");
  });

  it("gives a limit in sets and pieces", () => {
    expect(formatSets(2)).toBe("2セット（2,000枚）");
    expect(formatSets(0)).toBe("0セット（0枚）");
    expect(formatSets(20_000)).toBe("20,000セット（20,000,000枚）");
  });
});

describe("dates on the Tokyo clock", () => {
  it("names the day with its weekday", () => {
    expect(formatJaDate("2026-11-25")).toBe("2026年11月25日（水）");
    expect(formatJaDate("2026-12-03", { withYear: false })).toBe("12月3日（木）");
  });

  it("shows an instant in Tokyo whatever the device's zone", () => {
    // 07:30 UTC is 16:30 in Tokyo; 15:30 UTC on the 25th is already the 26th there.
    expect(formatJaDateTime(new Date("2026-11-25T07:30:00Z"))).toBe("2026年11月25日（水）16:30");
    expect(formatJaDateTime(new Date("2026-11-25T15:30:00Z"))).toBe("2026年11月26日（木）00:30");
    expect(formatWeekdayTime(new Date("2026-12-02T08:00:00Z"))).toBe("水曜17:00");
  });

  it("reads ISO strings and refuses garbage", () => {
    expect(toInstant("2026-12-02T08:00:00.000Z").getTime()).toBe(Date.UTC(2026, 11, 2, 8));
    expect(() => toInstant("来週")).toThrow(RangeError);
  });
});

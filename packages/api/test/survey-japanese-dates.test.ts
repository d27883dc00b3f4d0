import { describe, expect, it } from "vitest";
import {
  formatJaDate,
  formatJaDateTime,
  formatPieces,
  surveyWeekTitle,
} from "../src/services/survey";

describe("Japanese dates", () => {
  it("titles a survey week from its Wednesday to the next", () => {
    expect(surveyWeekTitle("2026-11-25")).toBe("2026年11月25日（水）〜12月2日（水）週");
    expect(surveyWeekTitle("2026-04-29")).toBe("2026年4月29日（水）〜5月6日（水）週");
  });

  it("repeats the year when the week crosses New Year", () => {
    expect(surveyWeekTitle("2026-12-30")).toBe("2026年12月30日（水）〜2027年1月6日（水）週");
  });

  it("formats days and instants on the Tokyo clock, whatever the process time zone", () => {
    expect(formatJaDate("2027-01-04")).toBe("2027年1月4日（月）");
    expect(formatJaDate("2027-01-04", { withYear: false })).toBe("1月4日（月）");
    // 15:05 UTC on the 1st is 00:05 on the 2nd in Tokyo
    expect(formatJaDateTime(new Date("2026-12-01T15:05:00Z"))).toBe("2026年12月2日（水）00:05");
    expect(formatJaDateTime(new Date("2026-12-02T08:00:00Z"))).toBe("2026年12月2日（水）17:00");
  });

  it("writes pieces with thousands separators", () => {
    expect(formatPieces(2000)).toBe("2,000枚");
    expect(formatPieces(0)).toBe("0枚");
  });
});

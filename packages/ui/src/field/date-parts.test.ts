import { describe, expect, it } from "vitest";
import { datePartsOf, dateValueOf, invalidDateMessage, isIsoDate, weekdayJa } from "./date-parts";

describe("dateValueOf", () => {
  it("reads 年・月・日 as typed, full-width digits included, into ISO 8601", () => {
    expect(dateValueOf({ year: "2026", month: "12", day: "1" })).toBe("2026-12-01");
    expect(dateValueOf({ year: "２０２６", month: "１２", day: "０１" })).toBe("2026-12-01");
    expect(dateValueOf({ year: "2028", month: "2", day: "29" })).toBe("2028-02-29");
  });

  it("gives back what was typed when it is no date, so the form refuses it", () => {
    for (const parts of [
      { year: "2026", month: "2", day: "30" },
      { year: "2027", month: "2", day: "29" },
      { year: "2026", month: "13", day: "1" },
      { year: "26", month: "12", day: "1" },
      { year: "2026", month: "12", day: "" },
      { year: "2026", month: "a", day: "1" },
    ]) {
      expect(isIsoDate(dateValueOf(parts)), JSON.stringify(parts)).toBe(false);
    }
    expect(dateValueOf({ year: "", month: "", day: "" })).toBe("");
  });

  it("splits a stored date back into the boxes", () => {
    expect(datePartsOf("2026-12-01")).toEqual({ year: "2026", month: "12", day: "1" });
    expect(datePartsOf("")).toEqual({ year: "", month: "", day: "" });
    expect(datePartsOf("2026-2-30")).toEqual({ year: "2026", month: "2", day: "30" });
  });
});

describe("weekdayJa", () => {
  it("names the day of the week on the calendar, whatever the time zone", () => {
    expect(weekdayJa("2026-12-01")).toBe("火");
    expect(weekdayJa("2026-11-25")).toBe("水");
    expect(weekdayJa("2027-01-03")).toBe("日");
  });
});

it("words an impossible date in Japanese", () => {
  expect(invalidDateMessage("適用開始日")).toBe(
    "適用開始日は正しい日付を入力してください（例：2026年12月1日）",
  );
});

import holidayJp from "@holiday-jp/holiday_jp";
import { describe, expect, it } from "vitest";
import { addDaysYmd, japaneseHoliday } from "../src/index";

describe("the holiday table (src/holidays-jp.ts)", () => {
  it("is @holiday-jp/holiday_jp's data, day for day, 1965-2055 (rerun scripts/holidays.mjs after an upgrade)", () => {
    const source = holidayJp.holidays as Readonly<Record<string, { name: string }>>;
    let holidays = 0;
    for (let day = "1965-01-01"; day <= "2055-12-31"; day = addDaysYmd(day, 1)) {
      const expected = Object.hasOwn(source, day) ? (source[day]?.name ?? null) : null;
      expect(japaneseHoliday(day), day).toBe(expected);
      if (expected !== null) holidays++;
    }
    expect(holidays).toBe(Object.keys(source).length);
  });

  it("knows no holiday outside the source's years (1970-2050)", () => {
    expect(japaneseHoliday("1969-01-01")).toBeNull();
    expect(japaneseHoliday("1970-01-01")).toBe("元日");
    expect(japaneseHoliday("2050-01-01")).toBe("元日");
    expect(japaneseHoliday("2051-01-01")).toBeNull();
  });
});

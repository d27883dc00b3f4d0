import { describe, expect, it } from "vitest";
import {
  PREFECTURES,
  PrefectureCode,
  prefectureByCode,
  prefectureName,
  REGION_LABELS,
  REGIONS,
} from "../src/index";
import { messagesOf } from "./issues";

describe("PREFECTURES", () => {
  it("holds the 47 JIS X 0401 codes 1..47 once each, in order", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
    expect(new Set(PREFECTURES.map((p) => p.nameEn)).size).toBe(47);
  });

  it("names the anchors of the code table", () => {
    expect(prefectureByCode(1)?.name).toBe("北海道");
    expect(prefectureByCode(13)).toEqual({
      code: 13,
      name: "東京都",
      nameEn: "Tokyo",
      region: "kanto",
    });
    expect(prefectureByCode(26)?.name).toBe("京都府");
    expect(prefectureByCode(27)?.name).toBe("大阪府");
    expect(prefectureByCode(47)?.name).toBe("沖縄県");
    expect(prefectureByCode(47)?.nameEn).toBe("Okinawa");
  });

  it("ends every name but 北海道・東京都・大阪府・京都府 in 県", () => {
    const exceptions = PREFECTURES.filter((p) => !p.name.endsWith("県")).map((p) => p.name);
    expect(exceptions).toEqual(["北海道", "東京都", "京都府", "大阪府"]);
  });

  it("places every prefecture in a known region, and every region is used", () => {
    const used = new Set(PREFECTURES.map((p) => p.region));
    expect([...used].sort()).toEqual([...REGIONS].sort());
    expect(REGION_LABELS.ja.kyushu_okinawa).toBe("九州・沖縄");
  });
});

describe("prefectureByCode / prefectureName", () => {
  it.each([0, 48, -1, 1.5, Number.NaN])("returns undefined for %s", (code) => {
    expect(prefectureByCode(code)).toBeUndefined();
    expect(prefectureName(code)).toBeUndefined();
  });

  it("gives the name in either locale", () => {
    expect(prefectureName(27)).toBe("大阪府");
    expect(prefectureName(27, "en")).toBe("Osaka");
  });
});

describe("PrefectureCode", () => {
  it.each([1, 13, 47])("accepts %s", (code) => {
    expect(PrefectureCode.parse(code)).toBe(code);
  });

  it.each([0, 48, 13.5, "13", null])("refuses %s in Japanese", (code) => {
    expect(messagesOf(PrefectureCode, code)).toEqual(["都道府県を選択してください"]);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_SETS, parseSets, setsDraft } from "./sets";

describe("parseSets", () => {
  it("reads sets as typed on a Japanese keyboard", () => {
    expect(parseSets("3")).toEqual({ ok: true, value: 3 });
    expect(parseSets("３")).toEqual({ ok: true, value: 3 });
    expect(parseSets(" 1,200 ")).toEqual({ ok: true, value: 1200 });
    expect(parseSets("１，２００")).toEqual({ ok: true, value: 1200 });
    expect(parseSets("5セット")).toEqual({ ok: true, value: 5 });
    expect(parseSets("５ セット")).toEqual({ ok: true, value: 5 });
    expect(parseSets("0")).toEqual({ ok: true, value: 0 });
  });

  it("refuses pieces rather than reading them as sets", () => {
    expect(parseSets("3000枚")).toEqual({ ok: false, error: "pieces" });
    expect(parseSets("３０００ 枚")).toEqual({ ok: false, error: "pieces" });
  });

  it("refuses what is not a whole number of sets", () => {
    expect(parseSets("")).toEqual({ ok: false, error: "required" });
    expect(parseSets("　")).toEqual({ ok: false, error: "required" });
    expect(parseSets("2.5")).toEqual({ ok: false, error: "not_integer" });
    expect(parseSets("-1")).toEqual({ ok: false, error: "negative" });
    expect(parseSets("三")).toEqual({ ok: false, error: "not_a_number" });
    expect(parseSets("2箱")).toEqual({ ok: false, error: "not_a_number" });
    expect(parseSets(String(MAX_SETS))).toEqual({ ok: true, value: MAX_SETS });
    expect(parseSets(String(MAX_SETS + 1))).toEqual({ ok: false, error: "too_large" });
  });
});

describe("setsDraft", () => {
  it("writes a stored number with separators, nothing for none", () => {
    expect(setsDraft(12000)).toBe("12,000");
    expect(setsDraft(0)).toBe("0");
    expect(setsDraft(null)).toBe("");
    expect(setsDraft(undefined)).toBe("");
  });
});

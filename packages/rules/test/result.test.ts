import { describe, expect, expectTypeOf, it } from "vitest";
import { err, ok, type Result } from "../src/index";

describe("Result helpers", () => {
  it("ok wraps a value", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(ok(undefined)).toEqual({ ok: true, value: undefined });
  });

  it("err wraps an error code", () => {
    expect(err("not_allowed")).toEqual({ ok: false, error: "not_allowed" });
  });

  it("narrows on the ok flag", () => {
    const parse = (s: string): Result<number, "empty"> => (s === "" ? err("empty") : ok(s.length));
    const good = parse("abc");
    const bad = parse("");
    if (good.ok) expectTypeOf(good.value).toEqualTypeOf<number>();
    if (!bad.ok) expectTypeOf(bad.error).toEqualTypeOf<"empty">();
    expect(good).toEqual({ ok: true, value: 3 });
    expect(bad).toEqual({ ok: false, error: "empty" });
  });
});

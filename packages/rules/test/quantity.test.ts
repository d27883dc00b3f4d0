import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUANTITY, parseQuantity } from "../src/index";
import { messyText, widen } from "./arbitraries";

describe("parseQuantity — accepted input", () => {
  it.each<[string | number, number]>([
    ["2000", 2000],
    ["2,000", 2000],
    ["２，０００", 2000],
    ["２０００", 2000],
    [" 2000 ", 2000],
    ["　２０００　", 2000],
    ["2000枚", 2000],
    ["2,000 枚", 2000],
    ["２，０００枚", 2000],
    ["0", 0],
    ["-0", 0],
    ["007", 7],
    ["1,234,567", 1_234_567],
    ["10,000,000", MAX_QUANTITY],
    [2000, 2000],
    [0, 0],
    [-0, 0],
    [MAX_QUANTITY, MAX_QUANTITY],
  ])("%j → %i", (input, value) => {
    const result = parseQuantity(input);
    expect(result).toEqual({ ok: true, value });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });
});

describe("parseQuantity — refused input", () => {
  it.each<[string | number, string]>([
    ["", "required"],
    ["   ", "required"],
    ["　", "required"],
    ["1.5", "not_integer"],
    ["１．５", "not_integer"],
    ["2.0", "not_integer"],
    ["2.000", "not_integer"],
    ["1,000.5", "not_integer"],
    [".5", "not_integer"],
    ["5.", "not_integer"],
    [1.5, "not_integer"],
    ["-3", "negative"],
    ["－３", "negative"],
    ["−3", "negative"],
    ["-1.5", "negative"],
    [-3, "negative"],
    [Number.NEGATIVE_INFINITY, "negative"],
    ["10,000,001", "too_large"],
    ["99999999999999999999999", "too_large"],
    [MAX_QUANTITY + 1, "too_large"],
    [Number.POSITIVE_INFINITY, "too_large"],
    ["１e3", "not_a_number"],
    ["1e3", "not_a_number"],
    ["0x10", "not_a_number"],
    ["+5", "not_a_number"],
    ["2,00", "not_a_number"],
    ["20,00", "not_a_number"],
    ["2,0000", "not_a_number"],
    [",000", "not_a_number"],
    ["2,000,", "not_a_number"],
    ["2 000", "not_a_number"],
    ["abc", "not_a_number"],
    ["二千", "not_a_number"],
    ["2箱", "not_a_number"],
    ["2セット", "not_a_number"],
    ["枚", "not_a_number"],
    ["2000枚枚", "not_a_number"],
    [".", "not_a_number"],
    ["-", "not_a_number"],
    [Number.NaN, "not_a_number"],
  ])("%j → %s", (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });
});

describe("properties", () => {
  const valid = fc.nat({ max: MAX_QUANTITY });

  it("String(n) parses back to n", () => {
    fc.assert(
      fc.property(valid, (n) => {
        expect(parseQuantity(String(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("full-width with thousands commas (ja-JP grouping) parses back to n", () => {
    fc.assert(
      fc.property(valid, (n) => {
        const typed = widen(n.toLocaleString("ja-JP"));
        expect(parseQuantity(typed)).toEqual({ ok: true, value: n });
        expect(parseQuantity(`${typed}枚`)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("a number and its decimal string give the same result", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_QUANTITY, max: 2 * MAX_QUANTITY }), (n) => {
        expect(parseQuantity(String(n))).toEqual(parseQuantity(n));
      }),
    );
  });

  it("any accepted value is a whole number within 0..MAX_QUANTITY, and re-parses to itself", () => {
    fc.assert(
      fc.property(fc.oneof(messyText, fc.string()), (s) => {
        const result = parseQuantity(s);
        if (result.ok) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(MAX_QUANTITY);
          expect(parseQuantity(String(result.value))).toEqual(result);
        }
      }),
    );
  });

  it("anything with a decimal fraction is refused", () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 1, max: 999 }), (n, fraction) => {
        const result = parseQuantity(`${n}.${fraction}`);
        expect(result.ok).toBe(false);
      }),
    );
  });
});

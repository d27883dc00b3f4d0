import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDigitsText, toHalfWidth } from "../src/index";
import { messyText, widen } from "./arbitraries";

describe("toHalfWidth", () => {
  it.each([
    ["２０２６", "2026"],
    ["ＡＢＣｘｙｚ", "ABCxyz"],
    ["！＂＃＄％＆＇（）＊＋，－．／", "!\"#$%&'()*+,-./"],
    ["：；＜＝＞？＠［＼］＾＿｀｛｜｝～", ":;<=>?@[\\]^_`{|}~"],
    ["　２０００　", "2000"],
    ["東京　太郎", "東京 太郎"],
    ["  padded\t", "padded"],
    ["ｱｲｳ", "ｱｲｳ"],
    ["カタカナ・ひらがな・漢字", "カタカナ・ひらがな・漢字"],
    ["ー", "ー"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });

  it("leaves characters just outside the full-width ASCII block alone (U+FF00, U+FF5F)", () => {
    expect(toHalfWidth("\uFF00\uFF5F")).toBe("\uFF00\uFF5F");
  });

  it("is the inverse of widening for printable ASCII", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        }),
        (s) => {
          expect(toHalfWidth(widen(s))).toBe(s);
        },
      ),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(messyText, (s) => {
        expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
      }),
    );
  });

  it("leaves no full-width ASCII or ideographic space behind", () => {
    fc.assert(
      fc.property(messyText, (s) => {
        expect(toHalfWidth(s)).not.toMatch(/[\uFF01-\uFF5E\u3000]/);
      }),
    );
  });
});

describe("normalizeDigitsText", () => {
  it.each([
    ["03‐1234‐5678", "03-1234-5678", "U+2010 hyphen"],
    ["03‑1234‑5678", "03-1234-5678", "U+2011 non-breaking hyphen"],
    ["03‒1234‒5678", "03-1234-5678", "U+2012 figure dash"],
    ["03–1234–5678", "03-1234-5678", "U+2013 en dash"],
    ["03—1234—5678", "03-1234-5678", "U+2014 em dash"],
    ["03―1234―5678", "03-1234-5678", "U+2015 horizontal bar"],
    ["03−1234−5678", "03-1234-5678", "U+2212 minus sign"],
    ["03﹣1234﹣5678", "03-1234-5678", "U+FE63 small hyphen-minus"],
    ["０３－１２３４－５６７８", "03-1234-5678", "full-width digits and hyphen-minus"],
    ["03ｰ1234ｰ5678", "03-1234-5678", "U+FF70 half-width prolonged mark"],
    ["03ー1234ー5678", "03-1234-5678", "ー between digits"],
    ["０３ー１２３４ー５６７８", "03-1234-5678", "ー between full-width digits"],
    ["1ー2ー3", "1-2-3", "consecutive ー each between digits"],
  ])("%j → %j (%s)", (input, output) => {
    expect(normalizeDigitsText(input)).toBe(output);
  });

  it.each([
    ["コーヒー", "コーヒー"],
    ["ー123", "ー123"],
    ["123ー", "123ー"],
    ["1ーー2", "1ーー2"],
    ["〒１００－０００１", "〒100-0001"],
  ])("keeps ー that is not between digits: %j → %j", (input, output) => {
    expect(normalizeDigitsText(input)).toBe(output);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(messyText, (s) => {
        expect(normalizeDigitsText(normalizeDigitsText(s))).toBe(normalizeDigitsText(s));
      }),
    );
  });

  it("leaves no hyphen look-alike behind, and no ー between digits", () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const out = normalizeDigitsText(s);
        expect(out).not.toMatch(/[\u2010-\u2015\u2212\uFE63\uFF0D\uFF70]/);
        expect(out).not.toMatch(/\dー\d/);
      }),
    );
  });
});

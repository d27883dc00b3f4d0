import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "../src/index";
import { JP_PHONE_METADATA } from "../src/phone-metadata-jp";
import { digitishText, messyText, widen } from "./arbitraries";

describe("normalizePhone — accepted", () => {
  it.each([
    ["03-1234-5678", "0312345678", "Tokyo landline"],
    ["０３－１２３４－５６７８", "0312345678", "full-width"],
    ["03ー1234ー5678", "0312345678", "kana prolonged mark as hyphen"],
    ["03(1234)5678", "0312345678", "parentheses around the local exchange"],
    ["(03)1234-5678", "0312345678", "parentheses around the area code"],
    ["（０３）１２３４－５６７８", "0312345678", "full-width parentheses"],
    ["03 1234 5678", "0312345678", "spaces"],
    ["03.1234.5678", "0312345678", "dots"],
    ["0466-12-3456", "0466123456", "4-digit area code"],
    ["045-123-4567", "0451234567", "3-digit area code"],
    ["090-1234-5678", "09012345678", "mobile 090"],
    ["080-1234-5678", "08012345678", "mobile 080"],
    ["070-1234-5678", "07012345678", "mobile 070"],
    ["050-1234-5678", "05012345678", "IP phone 050"],
    ["020-1234-5678", "02012345678", "M2M 020"],
    ["0120-123-456", "0120123456", "toll-free 0120"],
    ["0800-123-4567", "08001234567", "toll-free 0800"],
    ["0570-000-123", "0570000123", "navi dial"],
    ["+81 3-1234-5678", "0312345678", "+81 without trunk 0"],
    ["+81-90-1234-5678", "09012345678", "+81 mobile"],
    ["+81 (0)3 1234 5678", "0312345678", "+81 with (0)"],
    ["＋８１　３　１２３４　５６７８", "0312345678", "full-width +81"],
  ])("%j → %s (%s)", (input, digits) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: digits });
  });
});

describe("normalizePhone — refused", () => {
  it.each([
    ["", "required"],
    ["  ", "required"],
    ["()-", "required"],
    ["03-1234-567a", "not_digits"],
    ["03-1234-5678 内線12", "not_digits"],
    ["03#12345678", "not_digits"],
    ["3-1234-5678", "invalid_prefix"],
    ["1234567890", "invalid_prefix"],
    ["00-1234-5678", "invalid_prefix"],
    ["+1 212 555 0100", "invalid_prefix"],
    ["03-1234-567", "invalid_length"],
    ["03-1234-56789", "invalid_length"],
    ["090-1234-567", "invalid_length"],
    ["0901234567", "invalid_length"],
    ["090-1234-56789", "invalid_length"],
    ["0120-123-4567", "invalid_length"],
    ["0800-123-456", "invalid_length"],
    ["+81", "invalid_length"],
    ["+81 3-1234-567", "invalid_length"],
  ])("%j → %s", (input, error) => {
    expect(normalizePhone(input)).toEqual({ ok: false, error });
  });
});

describe("formatPhone — display grouping", () => {
  it.each([
    ["09012345678", "090-1234-5678"],
    ["08012345678", "080-1234-5678"],
    ["07012345678", "070-1234-5678"],
    ["05012345678", "050-1234-5678"],
    ["0120123456", "0120-123-456"],
    ["08001234567", "0800-123-4567"],
    ["0570000123", "0570-000-123"],
    ["0312345678", "03-1234-5678"],
    ["0612345678", "06-1234-5678"],
    ["0466123456", "0466-12-3456"],
    ["0451234567", "045-123-4567"],
    ["0112345678", "011-234-5678"],
    ["0471234567", "04-7123-4567"],
    ["0126723456", "01267-2-3456"],
    ["0990123456", "0990-123-456"],
    // An area code the numbering plan does not allocate: the simple fallback.
    ["0212345678", "0212-34-5678"],
    ["+81 3 1234 5678", "03-1234-5678"],
  ])("%s → %s", (digits, shown) => {
    expect(formatPhone(digits)).toBe(shown);
  });

  it("an invalid value is shown as it is", () => {
    expect(formatPhone("12345")).toBe("12345");
    expect(formatPhone("内線 123")).toBe("内線 123");
  });
});

describe("properties", () => {
  const subscriber = (n: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  const validPhone = fc.oneof(
    fc
      .tuple(fc.constantFrom("090", "080", "070", "050", "020", "060"), subscriber(8))
      .map(([p, s]) => p + s),
    fc.tuple(fc.constantFrom("0120", "0570"), subscriber(6)).map(([p, s]) => p + s),
    fc.tuple(fc.constant("0800"), subscriber(7)).map(([p, s]) => p + s),
    // Fixed lines: 0 + a first digit 1-9 that is not one of the 0X0 service prefixes.
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), subscriber(8))
      .map(([a, s]) => `0${a}${s}`)
      .filter((d) => !/^0[2-9]0/.test(d)),
  );

  it("round trip: formatPhone then normalizePhone returns the same digits", () => {
    fc.assert(
      fc.property(validPhone, (digits) => {
        expect(normalizePhone(digits)).toEqual({ ok: true, value: digits });
        const shown = formatPhone(digits);
        expect(shown).toMatch(/^\d{2,5}-\d{1,4}-\d{3,4}$/);
        expect(shown.replaceAll("-", "")).toBe(digits);
        expect(normalizePhone(shown)).toEqual({ ok: true, value: digits });
        expect(normalizePhone(widen(shown))).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it("the +81 form of a valid number normalises to the national form", () => {
    fc.assert(
      fc.property(validPhone, (digits) => {
        expect(normalizePhone(`+81 ${digits.slice(1)}`)).toEqual({ ok: true, value: digits });
        expect(normalizePhone(`+81 (0)${digits.slice(1)}`)).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it("is idempotent, and any accepted value is 10 or 11 digits starting with one 0", () => {
    fc.assert(
      fc.property(fc.oneof(messyText, digitishText), (s) => {
        const once = normalizePhone(s);
        if (once.ok) {
          expect(normalizePhone(once.value)).toEqual(once);
          expect(once.value).toMatch(/^0[1-9]\d{8,9}$/);
        }
        expect(formatPhone(formatPhone(s))).toBe(formatPhone(s));
      }),
    );
  });
});

describe("the bundled numbering plan", () => {
  it("is Japan's part of the installed libphonenumber-js metadata (rerun scripts/phone-metadata.mjs after an upgrade)", async () => {
    const { default: all } = await import("libphonenumber-js/metadata.min.json");
    expect(JP_PHONE_METADATA).toEqual({
      version: all.version,
      country_calling_codes: { 81: ["JP"] },
      countries: { JP: all.countries.JP },
      nonGeographic: {},
    });
  });
});

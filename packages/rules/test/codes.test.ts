import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPostcode, normalizeInstitutionCode, normalizePostcode } from "../src/index";
import { digitishText, messyText, widen } from "./arbitraries";

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });

describe("normalizeInstitutionCode — 10 digits", () => {
  it.each([
    ["1234567890", "1234567890"],
    ["１２３４５６７８９０", "1234567890"],
    [" 1234567890 ", "1234567890"],
    ["12345 67890", "12345-67890".replace("-", "")],
    ["12-3456-7890", "1234567890"],
    ["１２３４－５６７８９０", "1234567890"],
    ["12ー34ー567890", "1234567890"],
    ["0000000001", "0000000001"],
  ])("%j → %s", (input, code) => {
    expect(normalizeInstitutionCode(input)).toEqual({ ok: true, value: code });
  });

  it.each([
    ["", "required"],
    ["  ", "required"],
    ["-", "required"],
    ["123456789", "invalid_length"],
    ["12345678901", "invalid_length"],
    ["１２３４５６７８９", "invalid_length"],
    ["123456789a", "not_digits"],
    ["A234567890", "not_digits"],
    ["12345.67890", "not_digits"],
    ["123456789０a", "not_digits"],
    ["abc", "not_digits"],
    ["一二三四五六七八九〇", "not_digits"],
  ])("%j → %s", (input, error) => {
    expect(normalizeInstitutionCode(input)).toEqual({ ok: false, error });
  });

  it("any 10 digits, typed full-width or with hyphens, normalise to themselves", () => {
    fc.assert(
      fc.property(digits(10), fc.boolean(), (code, wide) => {
        const typed = `${code.slice(0, 4)}-${code.slice(4)}`;
        expect(normalizeInstitutionCode(wide ? widen(typed) : typed)).toEqual({
          ok: true,
          value: code,
        });
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(messyText, digitishText), (s) => {
        const once = normalizeInstitutionCode(s);
        if (once.ok) expect(normalizeInstitutionCode(once.value)).toEqual(once);
      }),
    );
  });
});

describe("normalizePostcode — 7 digits", () => {
  it.each([
    ["〒１００－０００１", "1000001"],
    ["〒100-0001", "1000001"],
    ["〒 100-0001", "1000001"],
    ["100-0001", "1000001"],
    ["1000001", "1000001"],
    ["１００ー０００１", "1000001"],
    ["100 0001", "1000001"],
    ["０６０－８５８８", "0608588"],
  ])("%j → %s", (input, code) => {
    expect(normalizePostcode(input)).toEqual({ ok: true, value: code });
  });

  it.each([
    ["", "required"],
    ["〒", "required"],
    ["100-001", "invalid_length"],
    ["100-00011", "invalid_length"],
    ["100-000a", "not_digits"],
    ["〒〒100-0001", "not_digits"],
    ["100-0001〒", "not_digits"],
  ])("%j → %s", (input, error) => {
    expect(normalizePostcode(input)).toEqual({ ok: false, error });
  });

  it("formatPostcode gives ddd-dddd and leaves invalid values as they are", () => {
    expect(formatPostcode("1000001")).toBe("100-0001");
    expect(formatPostcode("〒１００－０００１")).toBe("100-0001");
    expect(formatPostcode("12345")).toBe("12345");
    expect(formatPostcode("")).toBe("");
  });

  it("round trip: format then normalise returns the same digits", () => {
    fc.assert(
      fc.property(digits(7), (code) => {
        expect(formatPostcode(code)).toMatch(/^\d{3}-\d{4}$/);
        expect(normalizePostcode(formatPostcode(code))).toEqual({ ok: true, value: code });
        expect(normalizePostcode(`〒${widen(formatPostcode(code))}`)).toEqual({
          ok: true,
          value: code,
        });
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(messyText, digitishText), (s) => {
        const once = normalizePostcode(s);
        if (once.ok) expect(normalizePostcode(once.value)).toEqual(once);
        expect(formatPostcode(formatPostcode(s))).toBe(formatPostcode(s));
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeEmail } from "../src/index";
import { messyText, widen } from "./arbitraries";

describe("normalizeEmail — accepted", () => {
  it.each([
    ["taro@example.jp", "taro@example.jp"],
    ["  taro@example.jp  ", "taro@example.jp"],
    ["Taro.Yamada@Example.CO.JP", "Taro.Yamada@example.co.jp"],
    ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"],
    ["ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ", "TARO@example.jp"],
    ["　info@hospital.example.jp　", "info@hospital.example.jp"],
    ["a+tag@example.com", "a+tag@example.com"],
    ["taro..yamada.@docomo.ne.jp", "taro..yamada.@docomo.ne.jp"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["x@my-clinic.example.jp", "x@my-clinic.example.jp"],
    ["x@xn--eckwd4c7c.xn--zckzah", "x@xn--eckwd4c7c.xn--zckzah"],
  ])("%j → %s", (input, email) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: email });
  });
});

describe("normalizeEmail — refused", () => {
  it.each([
    ["", "required"],
    ["　", "required"],
    ["taro", "invalid"],
    ["@example.jp", "invalid"],
    ["taro@", "invalid"],
    ["taro@example", "invalid"],
    ["taro@@example.jp", "invalid"],
    ["ta ro@example.jp", "invalid"],
    ["taro@exa mple.jp", "invalid"],
    ["taro@example..jp", "invalid"],
    ["taro@.example.jp", "invalid"],
    ["taro@example.jp.", "invalid"],
    ["taro@-example.jp", "invalid"],
    ["taro@example.j", "invalid"],
    ["taro@example.123", "invalid"],
    ["太郎@example.jp", "invalid"],
    ["taro@例え.jp", "invalid"],
    [`${"a".repeat(65)}@example.jp`, "invalid"],
    [`a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(60)}.jp`, "invalid"],
  ])("%j → %s", (input, error) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, error });
  });
});

describe("properties", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(messyText, fc.emailAddress(), fc.emailAddress().map(widen)), (s) => {
        const once = normalizeEmail(s);
        if (once.ok) expect(normalizeEmail(once.value)).toEqual(once);
      }),
    );
  });

  it("full-width typing of an address gives the same result as half-width", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(normalizeEmail(widen(email))).toEqual(normalizeEmail(email));
      }),
    );
  });

  it("accepts every standard address and lower-cases only its domain", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const at = email.lastIndexOf("@");
        const local = email.slice(0, at);
        const domain = email.slice(at + 1);
        expect(normalizeEmail(`${local}@${domain.toUpperCase()}`)).toEqual({
          ok: true,
          value: `${local}@${domain.toLowerCase()}`,
        });
        expect(normalizeEmail(`${local.toUpperCase()}@${domain}`)).toEqual({
          ok: true,
          value: `${local.toUpperCase()}@${domain.toLowerCase()}`,
        });
      }),
    );
  });
});

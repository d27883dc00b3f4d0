import { describe, expect, it } from "vitest";
import {
  emailField,
  institutionCodeField,
  optionalField,
  phoneField,
  postcodeField,
} from "../src/index";
import { messagesOf } from "./issues";

describe("institutionCodeField", () => {
  it.each([
    ["0123456789", "0123456789"],
    ["０１２３４５６７８９", "0123456789"],
    ["01234-56789", "0123456789"],
    [" 0123 456 789 ", "0123456789"],
  ])("reads %j as %s", (input, code) => {
    expect(institutionCodeField.parse(input)).toBe(code);
  });

  it.each(["012345678", "01234567890", "012345678a", "０１２３４５６７８Ａ"])(
    "refuses %j",
    (input) => {
      expect(messagesOf(institutionCodeField, input)).toEqual([
        "医療機関コードは10桁の数字で入力してください",
      ]);
    },
  );

  it.each(["", "　", undefined])("asks for a missing code (%j)", (input) => {
    expect(messagesOf(institutionCodeField, input)).toEqual(["医療機関コードを入力してください"]);
  });
});

describe("postcodeField", () => {
  it.each([
    ["100-8916", "1008916"],
    ["1008916", "1008916"],
    ["〒１００－８９１６", "1008916"],
    ["100ー8916", "1008916"],
  ])("reads %j as %s", (input, postcode) => {
    expect(postcodeField.parse(input)).toBe(postcode);
  });

  it.each(["100-891", "1000-8916", "abc-defg"])("refuses %j", (input) => {
    expect(messagesOf(postcodeField, input)).toEqual([
      "郵便番号は7桁の数字で入力してください（例：100-8916）",
    ]);
  });

  it("asks for a missing postcode", () => {
    expect(messagesOf(postcodeField, "")).toEqual(["郵便番号を入力してください"]);
  });
});

describe("phoneField", () => {
  it.each([
    ["03-5253-1111", "0352531111"],
    ["０３－５２５３－１１１１", "0352531111"],
    ["03(5253)1111", "0352531111"],
    ["090-1234-5678", "09012345678"],
    ["+81 3-5253-1111", "0352531111"],
  ])("reads %j as %s", (input, phone) => {
    expect(phoneField.parse(input)).toBe(phone);
  });

  it.each([
    [
      "03-5253-111",
      "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
    ],
    [
      "090-1234-567",
      "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
    ],
    ["3-5253-1111", "電話番号は0から始まる国内の番号で入力してください（例：03-5253-1111）"],
    ["+1 212 555 0100", "電話番号は0から始まる国内の番号で入力してください（例：03-5253-1111）"],
    ["03-5253-111x", "電話番号は数字とハイフンで入力してください（例：03-5253-1111）"],
    ["", "電話番号を入力してください"],
  ])("refuses %j with 「%s」", (input, message) => {
    expect(messagesOf(phoneField, input)).toEqual([message]);
  });
});

describe("emailField", () => {
  it.each([
    ["taro@example.jp", "taro@example.jp"],
    ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"],
    [" Taro.Yamada@Example.JP ", "Taro.Yamada@example.jp"],
  ])("reads %j as %s", (input, email) => {
    expect(emailField.parse(input)).toBe(email);
  });

  it.each(["taro", "taro@", "@example.jp", "taro@example", "太郎@example.jp"])(
    "refuses %j",
    (input) => {
      expect(messagesOf(emailField, input)).toEqual([
        "メールアドレスの形式が正しくありません（例：taro@example.jp）",
      ]);
    },
  );

  it("asks for a missing address", () => {
    expect(messagesOf(emailField, " ")).toEqual(["メールアドレスを入力してください"]);
  });
});

describe("optionalField", () => {
  const optionalPhone = optionalField(phoneField);

  it.each(["", "  ", "　", null, undefined])("reads blank %j as null", (input) => {
    expect(optionalPhone.parse(input)).toBeNull();
  });

  it("still normalises and checks a given value", () => {
    expect(optionalPhone.parse("03-5253-1111")).toBe("0352531111");
    expect(messagesOf(optionalPhone, "03-5253")).toEqual([
      "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "#zod";
import {
  hasUnsafeCharacters,
  IsoDate,
  inputString,
  optionalText,
  passwordField,
  phoneField,
  quantityField,
  requiredText,
  SignInInput,
  SosRequestFormInput,
  UNSAFE_CHARACTER_MESSAGE,
} from "../src/index";
import { messagesAt } from "./issues";

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

describe("hasUnsafeCharacters", () => {
  it("refuses exactly NUL and the surrogates among all 65,536 single code units", () => {
    const refused: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      if (hasUnsafeCharacters(`a${String.fromCharCode(unit)}b`)) refused.push(unit);
    }
    expect(refused.length).toBe(1 + 0x800);
    expect(refused.every((unit) => unit === 0 || isSurrogate(unit))).toBe(true);
  });

  it("accepts every well-formed pair and refuses every ill-ordered one", () => {
    for (const high of [0xd800, 0xd83d, 0xdbff]) {
      for (const low of [0xdc00, 0xde00, 0xdfff]) {
        const pair = String.fromCharCode(high, low);
        expect(hasUnsafeCharacters(`x${pair}y${pair}`)).toBe(false);
        expect(hasUnsafeCharacters(String.fromCharCode(low, high))).toBe(true);
        expect(hasUnsafeCharacters(`${pair}${String.fromCharCode(low)}`)).toBe(true);
        expect(hasUnsafeCharacters(`${String.fromCharCode(high)}${pair}`)).toBe(true);
      }
    }
  });

  it("leaves the characters people do type alone: tabs, line breaks, kanji, emoji", () => {
    for (const value of ["", "山田　太郎", "備考\n2行目\r\n\t字下げ", "😀🏥", "\u007f", "\ufffd"]) {
      expect(hasUnsafeCharacters(value)).toBe(false);
    }
  });
});

describe("every field builder carries the rule, with its Japanese message", () => {
  const bad = ["NUL\u0000", "\uD83D", "\uDE00x"];

  it.each(bad)("requiredText, optionalText, phone, password refuse %j", (value) => {
    for (const field of [
      requiredText("氏名", 100),
      optionalText("備考", 100),
      phoneField,
      passwordField,
      inputString(),
    ]) {
      const result = field.safeParse(value);
      expect(result.success).toBe(false);
      // The rule aborts: the field's own checks and transforms never see the string.
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        UNSAFE_CHARACTER_MESSAGE,
      ]);
    }
  });

  it.each(bad)("a quantity refuses %j as not a number", (value) => {
    expect(quantityField.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([
      "数字で入力してください（例：1,000）",
    ]);
  });

  it("forms report it at the field's path", () => {
    expect(
      messagesAt(
        SosRequestFormInput,
        { contactName: "山田\u0000", notes: "\uDC00", conditionsConfirmed: true },
        "contactName",
      ),
    ).toEqual([UNSAFE_CHARACTER_MESSAGE]);
    expect(messagesAt(SignInInput, { username: "tokyo\u0000", password: "x" }, "username")).toEqual(
      [UNSAFE_CHARACTER_MESSAGE],
    );
  });
});

describe("IsoDate", () => {
  it("stops at a malformed date, so a refinement added to it only sees real dates", () => {
    // .check(z.refine(…)) is .refine(…) in classic zod and the only form in zod/mini.
    const wednesday = IsoDate.check(
      z.refine<string>((ymd) => new Date(`${ymd}T00:00:00Z`).getUTCDay() === 3, {
        error: "水曜日を指定してください",
      }),
    );
    const seen: string[] = [];
    const spy = IsoDate.check(
      z.refine<string>((ymd) => {
        seen.push(ymd);
        return true;
      }),
    );
    for (const value of ["山田", "2026-02-30", "2026-11-25\u0000", "\uD800"]) {
      expect(spy.safeParse(value).success).toBe(false);
    }
    expect(seen).toEqual([]);
    expect(wednesday.safeParse("2026-11-25").success).toBe(true);
    expect(wednesday.safeParse("2026-11-26").error?.issues.map((i) => i.message)).toEqual([
      "水曜日を指定してください",
    ]);
  });
});

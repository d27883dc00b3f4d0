import { describe, expect, it } from "vitest";
import { currentPasswordField, passwordField, passwordProblem, usernameField } from "../src/index";
import { messagesOf } from "./issues";

const POLICY =
  "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください";

describe("passwordField", () => {
  it.each(["Abcdefg1", "Gmis2026Tokyo", "Pass word 9", `Aa1${"x".repeat(125)}`, "Aa1!@#$%^&*()"])(
    "accepts %j unchanged",
    (password) => {
      expect(passwordField.parse(password)).toBe(password);
    },
  );

  it("never trims: surrounding spaces are part of the password", () => {
    expect(passwordField.parse("  Abcdefg1  ")).toBe("  Abcdefg1  ");
  });

  it.each([
    ["Abcdef1", "7 characters"],
    ["abcdefg1", "no upper-case letter"],
    ["ABCDEFG1", "no lower-case letter"],
    ["Abcdefgh", "no digit"],
    ["12345678", "digits only"],
  ])("refuses %j (%s) with the policy message", (password) => {
    expect(messagesOf(passwordField, password)).toEqual([POLICY]);
  });

  it("refuses full-width letters and digits instead of silently converting them", () => {
    expect(messagesOf(passwordField, "Ａｂｃｄｅｆｇ１")).toEqual([
      "パスワードには半角英数字と半角記号のみ使用できます",
    ]);
    expect(messagesOf(passwordField, "Abcdefg1パス")).toEqual([
      "パスワードには半角英数字と半角記号のみ使用できます",
    ]);
  });

  it("caps the length at 128", () => {
    expect(messagesOf(passwordField, `Aa1${"x".repeat(126)}`)).toEqual([
      "パスワードは128文字以内で入力してください",
    ]);
  });

  it("asks for a missing password", () => {
    expect(messagesOf(passwordField, "")).toEqual(["パスワードを入力してください"]);
    expect(messagesOf(passwordField, undefined)).toEqual(["パスワードを入力してください"]);
  });

  it("reports exactly one problem at a time", () => {
    expect(passwordProblem("")).toBe("required");
    expect(passwordProblem("ab")).toBe("too_weak");
    expect(passwordProblem("Abcdefg1")).toBeNull();
  });
});

describe("currentPasswordField (sign-in)", () => {
  it("accepts any non-empty password, policy or not", () => {
    expect(currentPasswordField.parse("short")).toBe("short");
  });

  it("asks for a missing one", () => {
    expect(messagesOf(currentPasswordField, "")).toEqual(["パスワードを入力してください"]);
  });
});

describe("usernameField", () => {
  it.each([
    ["tokyo-hosp01", "tokyo-hosp01"],
    ["ｔｏｋｙｏ－ｈｏｓｐ０１", "tokyo-hosp01"],
    ["  Tokyo.Hosp01 ", "Tokyo.Hosp01"],
    ["　user@g-mis.example　", "user@g-mis.example"],
  ])("reads %j as %s", (input, username) => {
    expect(usernameField.parse(input)).toBe(username);
  });

  it.each(["ab", "user name", "ユーザー", "x".repeat(65)])("refuses %j", (input) => {
    expect(messagesOf(usernameField, input)).toEqual([
      "ユーザー名は半角英数字・記号で3〜64文字で入力してください",
    ]);
  });

  it.each(["", "   ", "　", undefined])("asks for a missing name (%j)", (input) => {
    expect(messagesOf(usernameField, input)).toEqual(["ユーザー名を入力してください"]);
  });
});

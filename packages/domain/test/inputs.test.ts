import { describe, expect, it } from "vitest";
import {
  AUTH_MESSAGES,
  CONDITIONS_CONFIRMATION_LABEL,
  CONDITIONS_NOT_CONFIRMED_MESSAGE,
  CONSENT_TERMS,
  RequestPasswordResetInput,
  ResetPasswordFormInput,
  ResetPasswordInput,
  SelfCheckInput,
  SessionUser,
  SignInInput,
  SosRequestFormInput,
  SurveyAnswerInput,
} from "../src/index";
import { messagesAt } from "./issues";

describe("SignInInput", () => {
  it("normalises the username but never the password", () => {
    expect(SignInInput.parse({ username: " ｔｏｋｙｏ０１ ", password: " Secret1 " })).toEqual({
      username: "tokyo01",
      password: " Secret1 ",
    });
  });

  it("reports each missing field at its path", () => {
    const input = { username: "", password: "" };
    expect(messagesAt(SignInInput, input, "username")).toEqual(["ユーザー名を入力してください"]);
    expect(messagesAt(SignInInput, input, "password")).toEqual(["パスワードを入力してください"]);
  });
});

describe("SessionUser", () => {
  const user = {
    id: "8d6f0c1e-2b1a-4c53-9a55-0d4f6f1f2a10",
    username: "osaka-pref",
    displayName: "大阪府 健康医療部",
    role: "prefecture",
    institutionId: null,
    prefectureCode: 27,
    leadOfficer: true,
  };

  it("accepts a prefecture officer", () => {
    expect(SessionUser.parse(user)).toEqual(user);
  });

  it("refuses an unknown role or prefecture", () => {
    expect(SessionUser.safeParse({ ...user, role: "admin" }).success).toBe(false);
    expect(SessionUser.safeParse({ ...user, prefectureCode: 48 }).success).toBe(false);
  });

  it("requires the lead flag: the review console's menu depends on it", () => {
    expect(SessionUser.safeParse({ ...user, leadOfficer: undefined }).success).toBe(false);
  });
});

describe("password reset", () => {
  it("RequestPasswordResetInput takes a username", () => {
    expect(RequestPasswordResetInput.parse({ username: "ＡＢＣ１２３" })).toEqual({
      username: "ABC123",
    });
  });

  it("ResetPasswordInput checks the token's shape and the password policy", () => {
    const token = "q3kz7x2m4n5p6r7s8t9v0w1y";
    expect(ResetPasswordInput.parse({ token, password: "NewPass99" })).toEqual({
      token,
      password: "NewPass99",
    });
    expect(
      messagesAt(ResetPasswordInput, { token: "short", password: "NewPass99" }, "token"),
    ).toEqual([AUTH_MESSAGES.resetLinkInvalid]);
    expect(messagesAt(ResetPasswordInput, { token, password: "newpass" }, "password")).toEqual([
      "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください",
    ]);
  });

  it("ResetPasswordFormInput reports a mismatch on the confirmation", () => {
    const input = { password: "NewPass99", passwordConfirmation: "NewPass98" };
    expect(messagesAt(ResetPasswordFormInput, input, "passwordConfirmation")).toEqual([
      "パスワードが一致しません",
    ]);
    expect(
      ResetPasswordFormInput.parse({ password: "NewPass99", passwordConfirmation: "NewPass99" }),
    ).toEqual({ password: "NewPass99", passwordConfirmation: "NewPass99" });
  });

  it("reports the mismatch even when the password breaks the policy", () => {
    const input = { password: "weak", passwordConfirmation: "weal" };
    expect(messagesAt(ResetPasswordFormInput, input, "password")).toHaveLength(1);
    expect(messagesAt(ResetPasswordFormInput, input, "passwordConfirmation")).toEqual([
      "パスワードが一致しません",
    ]);
  });

  it("asks for the confirmation rather than calling an empty one a mismatch", () => {
    const input = { password: "NewPass99", passwordConfirmation: "" };
    expect(messagesAt(ResetPasswordFormInput, input, "passwordConfirmation")).toEqual([
      "確認のため、もう一度パスワードを入力してください",
    ]);
  });
});

describe("SurveyAnswerInput / SelfCheckInput", () => {
  it("reads the manual's worked example typed in full-width", () => {
    const typed = { stock: "２，０００", consumption: "1,000", purchases: 400 };
    expect(SurveyAnswerInput.parse(typed)).toEqual({
      stock: 2000,
      consumption: 1000,
      purchases: 400,
    });
    expect(SelfCheckInput.parse(typed)).toEqual({ stock: 2000, consumption: 1000, purchases: 400 });
  });

  it("says which figure is missing", () => {
    const empty = { stock: "", consumption: "", purchases: "" };
    expect(messagesAt(SurveyAnswerInput, empty, "stock")).toEqual(["在庫量を入力してください"]);
    expect(messagesAt(SurveyAnswerInput, empty, "consumption")).toEqual([
      "1週間の想定消費量を入力してください",
    ]);
    expect(messagesAt(SurveyAnswerInput, empty, "purchases")).toEqual([
      "1週間の購入見込み量を入力してください",
    ]);
  });
});

describe("SosRequestFormInput", () => {
  const valid = {
    contactName: "　山田　太郎 ",
    contactPhone: "０３－５２５３－１１１１",
    notes: "",
    conditionsConfirmed: true,
  };

  it("normalises a valid form", () => {
    expect(SosRequestFormInput.parse(valid)).toEqual({
      contactName: "山田　太郎",
      contactPhone: "0352531111",
      notes: "",
      conditionsConfirmed: true,
    });
  });

  it("refuses to save without the confirmation tick, with the manual's wording", () => {
    expect(CONDITIONS_NOT_CONFIRMED_MESSAGE).toBe(
      "「上記の緊急配布条件を満たしていることを確認した」にチェックを入れてください",
    );
    for (const conditionsConfirmed of [false, undefined]) {
      expect(
        messagesAt(SosRequestFormInput, { ...valid, conditionsConfirmed }, "conditionsConfirmed"),
      ).toEqual([CONDITIONS_NOT_CONFIRMED_MESSAGE]);
    }
  });

  it("treats a blank phone as not given and checks a given one", () => {
    expect(SosRequestFormInput.parse({ ...valid, contactPhone: "" }).contactPhone).toBeNull();
    expect(
      messagesAt(SosRequestFormInput, { ...valid, contactPhone: "12" }, "contactPhone"),
    ).toHaveLength(1);
  });

  it("requires a contact name and caps the notes", () => {
    expect(messagesAt(SosRequestFormInput, { ...valid, contactName: "　" }, "contactName")).toEqual(
      ["担当者氏名を入力してください"],
    );
    expect(
      messagesAt(SosRequestFormInput, { ...valid, notes: "あ".repeat(2001) }, "notes"),
    ).toEqual(["備考は2,000文字以内で入力してください"]);
    expect(SosRequestFormInput.parse({ ...valid, notes: "あ".repeat(2000) }).notes).toHaveLength(
      2000,
    );
  });
});

describe("consent texts", () => {
  it("are the manual's four terms, ④ referring to ③", () => {
    expect(CONSENT_TERMS).toHaveLength(4);
    expect(CONSENT_TERMS[0]).toContain(
      "医療機関名、医療機関コード、住所、郵便番号、電話番号、担当者氏名、メールアドレス等",
    );
    expect(CONSENT_TERMS[1]).toBe(
      "要請のあった個々の医療機関名や購入枚数等については、今後公表する可能性があること",
    );
    expect(CONSENT_TERMS[2]).toContain("転売その他営利目的の処分を行わないこと");
    expect(CONSENT_TERMS[3]?.startsWith("③について違反した場合は")).toBe(true);
    expect(CONDITIONS_CONFIRMATION_LABEL).toBe("上記の緊急配布条件を満たしていることを確認した");
  });
});

import { describe, expect, it } from "vitest";
import { passwordResetLink, passwordResetMail } from "../src/reset-mail";

describe("passwordResetLink", () => {
  it("joins the app's base URL and the token whether or not the base ends in a slash", () => {
    expect(passwordResetLink("https://sos.example.jp/vendor/", "abc234")).toBe(
      "https://sos.example.jp/vendor/reset-password?token=abc234",
    );
    expect(passwordResetLink("https://sos.example.jp/institution", "abc234")).toBe(
      "https://sos.example.jp/institution/reset-password?token=abc234",
    );
  });
});

describe("passwordResetMail", () => {
  it("is plain Japanese text with the link, the expiry and what to do if unrequested", () => {
    const mail = passwordResetMail({
      to: "tanaka@example.jp",
      from: "no-reply@sos.example.jp",
      displayName: "田中 花子",
      username: "tanaka",
      link: "https://sos.example.jp/institution/reset-password?token=abc234",
      expiresAt: new Date("2026-06-03T02:00:00Z"),
    });
    expect(mail).toMatchObject({
      kind: "password_reset",
      to: "tanaka@example.jp",
      from: "no-reply@sos.example.jp",
      subject: "【SOS Supply】パスワード再設定のご案内",
    });
    expect(mail.text.split("\n")[0]).toBe("田中 花子 様");
    expect(mail.text).toContain(
      "\nhttps://sos.example.jp/institution/reset-password?token=abc234\n",
    );
    expect(mail.text).toContain("2026年6月3日（水）11:00（日本時間）");
    expect(mail.text).toContain("お心当たりのない場合は、このメールを破棄してください");
  });
});

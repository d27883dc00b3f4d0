import { describe, expect, it } from "vitest";
import { isCommonPassword } from "../src/common-passwords";
import {
  checkPasswordPolicy,
  PASSWORD_POLICY_MESSAGES_JA,
  type PasswordPolicyError,
} from "../src/password-policy";

function refusal(password: string, username?: string): PasswordPolicyError | null {
  const result = checkPasswordPolicy(password, username === undefined ? {} : { username });
  return result.ok ? null : result.error;
}

describe("checkPasswordPolicy", () => {
  it("accepts 8+ characters with upper-case, lower-case and digits", () => {
    expect(refusal("Tq7mZp2x")).toBeNull();
    expect(refusal("Glove-Supply 2026!")).toBeNull();
  });

  it("refuses fewer than 8 characters", () => {
    expect(refusal("Tq7mZp2")).toBe("too_short");
    expect(refusal("")).toBe("too_short");
  });

  it("counts characters, not UTF-16 units", () => {
    // 7 characters but 8 UTF-16 units
    expect(refusal("Tq7mZp𠮷")).toBe("too_short");
    expect(refusal("Tq7mZp2𠮷")).toBeNull();
  });

  it("allows up to 128 characters and refuses more", () => {
    const ok128 = `Aa1${"x".repeat(125)}`;
    expect(ok128).toHaveLength(128);
    expect(refusal(ok128)).toBeNull();
    expect(refusal(`${ok128}x`)).toBe("too_long");
  });

  it("requires each of half-width upper-case, lower-case and digit", () => {
    expect(refusal("tq7mzp2x")).toBe("missing_character_classes");
    expect(refusal("TQ7MZP2X")).toBe("missing_character_classes");
    expect(refusal("TqxmZpyx")).toBe("missing_character_classes");
    // full-width letters and digits do not count as the half-width ones the rule asks for
    expect(refusal("Ｔq7mzp2x")).toBe("missing_character_classes");
    expect(refusal("Tqzmzpyx１")).toBe("missing_character_classes");
  });

  it("allows other characters as typed, including a full-width digit next to half-width ones", () => {
    expect(refusal("Passw0rd１")).toBeNull();
  });

  it("never trims: a trailing space counts towards the length", () => {
    expect(refusal("Tq7mZp2")).toBe("too_short");
    expect(refusal("Tq7mZp2 ")).toBeNull();
  });

  it("refuses common passwords whatever their case", () => {
    expect(refusal("Password1")).toBe("common");
    expect(refusal("PassW0rd")).toBe("common");
    expect(refusal("Qwerty123")).toBe("common");
    expect(refusal("Sunshine1")).toBe("common");
  });

  it("refuses a password containing the username, case-insensitively", () => {
    expect(refusal("Tanaka2026x", "tanaka")).toBe("contains_username");
    expect(refusal("xxTANAKA9a", "Tanaka")).toBe("contains_username");
    expect(refusal("Tanak2026x", "tanaka")).toBeNull();
  });

  it("has a Japanese message for every refusal", () => {
    const codes: PasswordPolicyError[] = [
      "too_short",
      "too_long",
      "missing_character_classes",
      "common",
      "contains_username",
    ];
    for (const code of codes) {
      expect(PASSWORD_POLICY_MESSAGES_JA[code]).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect(PASSWORD_POLICY_MESSAGES_JA.too_short).toContain("8文字以上");
    expect(PASSWORD_POLICY_MESSAGES_JA.too_long).toContain("128文字以内");
  });
});

describe("isCommonPassword", () => {
  it("knows the usual breach favourites and not a random string", () => {
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("PASSWORD")).toBe(true);
    expect(isCommonPassword("iloveyou1")).toBe(true);
    expect(isCommonPassword("Tq7mZp2x")).toBe(false);
  });
});

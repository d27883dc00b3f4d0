import { isCommonPassword } from "./common-passwords";
import { err, ok, type Result } from "./result";

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases are welcome; the cap only bounds the hashing work per request. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordPolicyError =
  | "too_short"
  | "too_long"
  | "missing_character_classes"
  | "common"
  | "contains_username";

export const PASSWORD_POLICY_MESSAGES_JA: Readonly<Record<PasswordPolicyError, string>> = {
  too_short: `パスワードは${PASSWORD_MIN_LENGTH}文字以上で入力してください`,
  too_long: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
  missing_character_classes:
    "パスワードには半角英大文字・半角英小文字・半角数字をそれぞれ1文字以上含めてください",
  common:
    "このパスワードはよく使われていて推測されやすいため使用できません。別のパスワードを設定してください",
  contains_username: "パスワードにユーザー名を含めることはできません",
};

export interface PasswordPolicyOptions {
  username?: string;
}

/**
 * The manual's rule (規定ルール): 8 or more characters including half-width
 * upper-case and lower-case letters and digits; plus a length cap, a
 * common-password list and no username inside. The password is judged exactly as
 * typed: other characters (symbols, spaces, full-width letters) are allowed and
 * kept, and nothing is trimmed.
 */
export function checkPasswordPolicy(
  plain: string,
  options: PasswordPolicyOptions = {},
): Result<void, PasswordPolicyError> {
  // Characters, not UTF-16 units: "𠮷" is one character to the person typing it.
  const length = [...plain].length;
  if (length > PASSWORD_MAX_LENGTH) return err("too_long");
  if (length < PASSWORD_MIN_LENGTH) return err("too_short");
  if (!/[A-Z]/.test(plain) || !/[a-z]/.test(plain) || !/[0-9]/.test(plain)) {
    return err("missing_character_classes");
  }
  const username = options.username?.toLowerCase();
  if (username && plain.toLowerCase().includes(username)) return err("contains_username");
  if (isCommonPassword(plain)) return err("common");
  return ok(undefined);
}

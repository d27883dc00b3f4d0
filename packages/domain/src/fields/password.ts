import { z } from "#zod";
import { inputString } from "./characters";

export const PASSWORD_MIN_LENGTH = 8;
/** Caps hashing work per request; no real passphrase needs more. */
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_MESSAGES = {
  required: "パスワードを入力してください",
  too_weak:
    "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください",
  too_long: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
  invalid_characters: "パスワードには半角英数字と半角記号のみ使用できます",
} as const;

export type PasswordProblem = keyof typeof PASSWORD_MESSAGES;

// Half-width printable ASCII: a full-width character in a password is almost always an
// IME accident, and would make signing in from another device impossible.
const HALF_WIDTH_PRINTABLE = /^[\x20-\x7e]*$/;

/** The G-MIS rule (規定ルール): 8+ characters with upper-case, lower-case and a digit. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length === 0) return "required";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  if (!HALF_WIDTH_PRINTABLE.test(password)) return "invalid_characters";
  const strongEnough =
    password.length >= PASSWORD_MIN_LENGTH &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /[0-9]/.test(password);
  return strongEnough ? null : "too_weak";
}

/** A new password. Never trimmed or normalised: what is typed is what is hashed. */
export const passwordField = inputString({ error: PASSWORD_MESSAGES.required }).check(
  z.superRefine((password: string, ctx) => {
    const problem = passwordProblem(password);
    if (problem !== null) {
      ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES[problem], input: password });
    }
  }),
);

/** An existing password at sign-in: only presence and the length cap are checked. */
export const currentPasswordField = inputString({ error: PASSWORD_MESSAGES.required }).check(
  z.minLength(1, { error: PASSWORD_MESSAGES.required }),
  z.maxLength(PASSWORD_MAX_LENGTH, { error: PASSWORD_MESSAGES.too_long }),
);

import { toHalfWidth } from "@sos/rules";
import { z } from "#zod";
import { inputString } from "./characters";

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 64;

export const USERNAME_MESSAGES = {
  required: "ユーザー名を入力してください",
  invalid: `ユーザー名は半角英数字・記号で${USERNAME_MIN_LENGTH}〜${USERNAME_MAX_LENGTH}文字で入力してください`,
} as const;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * A sign-in name (ユーザー名(ID)). Typed on phones, so full-width characters and stray
 * spaces are repaired; case is kept (the users.username column is citext, so
 * comparison is case-insensitive anyway).
 */
export const usernameField = z.pipe(
  inputString({ error: USERNAME_MESSAGES.required }),
  z.transform((input: string, ctx) => {
    const username = toHalfWidth(input).trim();
    if (username.length === 0) {
      ctx.issues.push({ code: "custom", message: USERNAME_MESSAGES.required, input });
      return z.NEVER;
    }
    if (
      username.length < USERNAME_MIN_LENGTH ||
      username.length > USERNAME_MAX_LENGTH ||
      !VISIBLE_ASCII.test(username)
    ) {
      ctx.issues.push({ code: "custom", message: USERNAME_MESSAGES.invalid, input });
      return z.NEVER;
    }
    return username;
  }),
);

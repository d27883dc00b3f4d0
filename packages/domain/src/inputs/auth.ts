import { z } from "zod";
import { Id } from "../entities/common";
import { inputString } from "../fields/characters";
import { currentPasswordField, passwordField } from "../fields/password";
import { usernameField } from "../fields/username";
import { PrefectureCode } from "../prefectures";
import { Role } from "../role";

/** Wording shared by the server and the screens, so both say exactly the same thing. */
export const AUTH_MESSAGES = {
  // Deliberately does not say which of the two was wrong.
  signInFailed: "ユーザー名またはパスワードが正しくありません",
  tooManyAttempts: "ログインの試行回数が上限を超えました。しばらく時間をおいてからお試しください",
  // Identical whether or not the user exists, so the form cannot be used to probe names.
  resetRequested:
    "入力されたユーザー名が登録されている場合、パスワード再設定用のメールを送信しました。",
  resetLinkInvalid:
    "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください",
  passwordChanged: "パスワードを変更しました。新しいパスワードでログインしてください",
  passwordMismatch: "パスワードが一致しません",
  confirmationRequired: "確認のため、もう一度パスワードを入力してください",
  sessionExpired: "ログインの有効期限が切れました。もう一度ログインしてください",
} as const;

export const SignInInput = z.object({
  username: usernameField,
  password: currentPasswordField,
});
export type SignInInput = z.input<typeof SignInInput>;
export type SignInValues = z.output<typeof SignInInput>;

/** What the client knows about whoever is signed in. */
export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  institutionId: Id.nullable(),
  prefectureCode: PrefectureCode.nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const RequestPasswordResetInput = z.object({ username: usernameField });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

/** Opaque token from the emailed link (base32/base64url alphabet). */
export const PasswordResetToken = inputString({ error: AUTH_MESSAGES.resetLinkInvalid }).regex(
  /^[A-Za-z0-9_-]{16,256}$/,
  { error: AUTH_MESSAGES.resetLinkInvalid },
);

export const ResetPasswordInput = z.object({
  token: PasswordResetToken,
  password: passwordField,
});
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

/** The reset screen's two boxes; the token travels separately (it is in the URL). */
export const ResetPasswordFormInput = z
  .object({
    password: passwordField,
    passwordConfirmation: inputString({ error: AUTH_MESSAGES.confirmationRequired }).min(1, {
      error: AUTH_MESSAGES.confirmationRequired,
    }),
  })
  .refine((values) => values.password === values.passwordConfirmation, {
    error: AUTH_MESSAGES.passwordMismatch,
    path: ["passwordConfirmation"],
    // Report a mismatch even while the password itself still breaks the rule, but not
    // before anything has been typed into the confirmation box.
    when: (payload) => {
      const value = payload.value as { passwordConfirmation?: unknown } | null | undefined;
      return typeof value?.passwordConfirmation === "string" && value.passwordConfirmation !== "";
    },
  });
export type ResetPasswordFormInput = z.input<typeof ResetPasswordFormInput>;

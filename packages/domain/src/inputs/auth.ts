import { z } from "#zod";
import { inputString } from "../fields/characters";
import { Id } from "../fields/id";
import { currentPasswordField, passwordField } from "../fields/password";
import { usernameField } from "../fields/username";
import { PrefectureCode } from "../prefecture-code";
import { Role } from "../role";
import { AUTH_MESSAGES } from "./auth-messages";

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
  institutionId: z.nullable(Id),
  prefectureCode: z.nullable(PrefectureCode),
  /** A prefecture's lead officer (主担当): the review console shows it the account pages. */
  leadOfficer: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const RequestPasswordResetInput = z.object({ username: usernameField });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

/** Opaque token from the emailed link (base32/base64url alphabet). */
export const PasswordResetToken = inputString({ error: AUTH_MESSAGES.resetLinkInvalid }).check(
  z.regex(/^[A-Za-z0-9_-]{16,256}$/, { error: AUTH_MESSAGES.resetLinkInvalid }),
);

export const ResetPasswordInput = z.object({
  token: PasswordResetToken,
  password: passwordField,
});
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

/** The reset screen's two boxes; the token travels separately (it is in the URL). */
const resetPasswordFields = z.object({
  password: passwordField,
  passwordConfirmation: inputString({ error: AUTH_MESSAGES.confirmationRequired }).check(
    z.minLength(1, { error: AUTH_MESSAGES.confirmationRequired }),
  ),
});

export const ResetPasswordFormInput = resetPasswordFields.check(
  z.refine<z.output<typeof resetPasswordFields>>(
    (values) => values.password === values.passwordConfirmation,
    {
      error: AUTH_MESSAGES.passwordMismatch,
      path: ["passwordConfirmation"],
      // Report a mismatch even while the password itself still breaks the rule, but not
      // before anything has been typed into the confirmation box.
      when: (payload) => {
        const value = payload.value as { passwordConfirmation?: unknown } | null | undefined;
        return typeof value?.passwordConfirmation === "string" && value.passwordConfirmation !== "";
      },
    },
  ),
);
export type ResetPasswordFormInput = z.input<typeof ResetPasswordFormInput>;

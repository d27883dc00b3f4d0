/** The audit_log actions this package writes. */
export const AUTH_AUDIT_ACTIONS = {
  signInSuccess: "auth.sign_in.success",
  signInFailure: "auth.sign_in.failure",
  /** Sustained guessing on one account, address or trusted browser (the ministry is told). */
  guessingAlert: "auth.sign_in.guessing_alert",
  signOut: "auth.sign_out",
  passwordResetRequest: "auth.password_reset.request",
  passwordResetComplete: "auth.password_reset.complete",
  passwordResetFailure: "auth.password_reset.failure",
} as const;

export type SignInFailureReason = "unknown_user" | "wrong_password" | "throttled" | "disabled";

/** Typed names are logged (to investigate attacks) but bounded: the input is anyone's. */
export function loggedUsername(username: string): string {
  return username.slice(0, 100);
}

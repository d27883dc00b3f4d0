import { AUTH_MESSAGES } from "@sos/domain";

/** Why the sign-in page was reached; travels in the history entry's state. */
export type SignInNotice = "signedOut" | "sessionExpired" | "passwordChanged";

export const SIGN_IN_NOTICES: Readonly<
  Record<SignInNotice, { tone: "success" | "info"; message: string }>
> = {
  signedOut: { tone: "success", message: "ログアウトしました。" },
  sessionExpired: { tone: "info", message: AUTH_MESSAGES.sessionExpired },
  passwordChanged: { tone: "success", message: AUTH_MESSAGES.passwordChanged },
};

export interface SignInState {
  notice?: SignInNotice;
}

export function signInNoticeOf(state: unknown): SignInNotice | undefined {
  if (typeof state !== "object" || state === null || !("notice" in state)) return undefined;
  const notice = state.notice;
  return typeof notice === "string" && notice in SIGN_IN_NOTICES
    ? (notice as SignInNotice)
    : undefined;
}

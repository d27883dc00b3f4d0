import { appendAudit, type Db } from "@sos/db";
import { AUTH_AUDIT_ACTIONS, loggedUsername, type SignInFailureReason } from "./audit-actions";
import { type AuthConfig, resolveAuthConfig } from "./config";
import {
  type DeviceCookie,
  findTrustedDevice,
  retireTrustedDevice,
  trustDevice,
} from "./device-trust";
import { alertOnSustainedGuessing } from "./guessing-alert";
import { inetOrNull, ipGroup } from "./ip";
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { err, ok, type Result } from "./result";
import { createSession, invalidateSession } from "./session";
import { type SessionUser, toSessionUser } from "./session-user";
import {
  type AttemptKeys,
  accountThrottleKey,
  admitSignInAttempt,
  deviceThrottleKey,
  ipThrottleKey,
  settleSuccessfulAttempt,
} from "./throttle";

export type SignInError =
  | { code: "invalid_credentials" }
  | { code: "throttled"; retryAfterSeconds: number };

export interface SignInSuccess {
  /** The secret for the session cookie; new at every sign-in. */
  token: string;
  user: SessionUser;
  /** The session's absolute end, also the cookie's expiry. */
  expiresAt: Date;
  /** The device cookie this browser is to hold from now on (this account's token renewed). */
  device: DeviceCookie;
}

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
  now: Date;
  /** Tokens from the browser's device cookie (parseDeviceCookie); none for a new browser. */
  deviceTokens?: readonly string[];
  /** Sender of the alert mail to the ministry on sustained guessing. */
  mailFrom: string;
  config?: Partial<AuthConfig>;
  /**
   * For an institution's user signing in from a browser that has signed in to the
   * account before (a trusted device): the session lasts until this instant, with
   * no idle timeout. The API passes the close of the survey week, so one sign-in a
   * week carries an institution through the deadline day.
   */
  institutionTrustedSessionUntil?: Date | null;
}

/** One message for every refusal of credentials, so it never tells which part was wrong. */
export const SIGN_IN_INVALID_CREDENTIALS_MESSAGE_JA =
  "ユーザー名またはパスワードが正しくありません";

/** Japanese text for a refused sign-in, with the wait rounded up to whole minutes. */
export function signInErrorMessageJa(error: SignInError): string {
  if (error.code === "invalid_credentials") return SIGN_IN_INVALID_CREDENTIALS_MESSAGE_JA;
  const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
  return `ログインの試行回数が上限に達したため、一時的にログインできません。${minutes}分ほど時間をおいてから、もう一度お試しください。`;
}

/**
 * Checks the credentials and, when they are right, starts a new session and
 * renews the browser's device cookie for the account.
 *
 * Order matters: the attempt is admitted by the throttle before the password is
 * looked at, so a blocked attempt learns nothing about the password and costs no
 * argon2 work; a browser holding the account's device cookie is throttled on its
 * own, so others' guessing cannot lock the owner out; an unknown username still
 * costs one argon2 verification; every outcome is audited without the password.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
): Promise<Result<SignInSuccess, SignInError>> {
  const config = resolveAuthConfig(input.config);
  const presented = input.deviceTokens ?? [];
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", input.username)
    .executeTakeFirst();
  const deviceId = await findTrustedDevice(db, input.username, presented, input.now);
  const keys: AttemptKeys = deviceId
    ? { device: deviceThrottleKey(deviceId) }
    : { account: accountThrottleKey(input.username), ip: ipThrottleKey(input.ip) };
  const trustedDevice = deviceId !== null;

  const auditFailure = (reason: SignInFailureReason, extra: Record<string, unknown> = {}) =>
    appendAudit(db, {
      action: AUTH_AUDIT_ACTIONS.signInFailure,
      actorUserId: user?.id ?? null,
      actorRole: user?.role ?? null,
      targetType: "user",
      targetId: user?.id ?? null,
      ip: inetOrNull(input.ip),
      details: { username: loggedUsername(input.username), reason, trustedDevice, ...extra },
    });

  const admission = await admitSignInAttempt(db, keys, input.now, config);
  await alertOnSustainedGuessing(db, admission.pressure, {
    now: input.now,
    config,
    mailFrom: input.mailFrom,
    ip: input.ip,
    subjects: {
      account: loggedUsername(input.username),
      ip: ipGroup(input.ip),
      device: user?.username ?? loggedUsername(input.username),
    },
  });
  const block = admission.block;
  if (block) {
    await auditFailure("throttled", {
      scope: block.scope,
      retryAfterSeconds: block.retryAfterSeconds,
    });
    return err({ code: "throttled", retryAfterSeconds: block.retryAfterSeconds });
  }

  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? DUMMY_PASSWORD_HASH,
    input.password,
  );
  if (!user || !passwordMatches || user.disabledAt !== null) {
    await auditFailure(!user ? "unknown_user" : !passwordMatches ? "wrong_password" : "disabled");
    return err({ code: "invalid_credentials" });
  }

  const upgradedHash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const sessionUser = toSessionUser(user);
  const { token, session, device } = await db.transaction().execute(async (trx) => {
    await settleSuccessfulAttempt(trx, keys, config);
    if (upgradedHash !== null) {
      await trx
        .updateTable("users")
        .set({ passwordHash: upgradedHash })
        .where("id", "=", user.id)
        .execute();
    }
    const created = await createSession(trx, user.id, {
      now: input.now,
      ip: input.ip,
      userAgent: input.userAgent,
      config,
      lastsUntil:
        trustedDevice && user.role === "institution"
          ? (input.institutionTrustedSessionUntil ?? null)
          : null,
    });
    if (deviceId !== null) await retireTrustedDevice(trx, deviceId);
    const device = await trustDevice(trx, {
      userId: user.id,
      now: input.now,
      config,
      presented,
      retired: new Set(deviceId === null ? [] : [deviceId]),
    });
    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.signInSuccess,
      actorUserId: user.id,
      actorRole: user.role,
      targetType: "user",
      targetId: user.id,
      ip: inetOrNull(input.ip),
      details: { username: user.username, trustedDevice },
    });
    return { ...created, device };
  });
  return ok({ token, user: sessionUser, expiresAt: session.expiresAt, device });
}

export interface SignOutInput {
  sessionId: string;
  user: SessionUser;
  ip: string;
  /** Part of the contract for symmetry; audit_log stamps its own time. */
  now: Date;
}

/** Ends the session on the server (the cookie alone is not trusted to go away). */
export async function signOut(db: Db, input: SignOutInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await invalidateSession(trx, input.sessionId);
    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.signOut,
      actorUserId: input.user.id,
      actorRole: input.user.role,
      targetType: "user",
      targetId: input.user.id,
      ip: inetOrNull(input.ip),
    });
  });
}

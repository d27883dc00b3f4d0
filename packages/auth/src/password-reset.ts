import { appendAudit, type Db } from "@sos/db";
import { AUTH_AUDIT_ACTIONS } from "./audit-actions";
import { type AuthConfig, resolveAuthConfig } from "./config";
import { type DeviceCookie, revokeTrustedDevices, trustDevice } from "./device-trust";
import { inetOrNull } from "./ip";
import { hashPassword } from "./password-hash";
import {
  checkPasswordPolicy,
  PASSWORD_POLICY_MESSAGES_JA,
  type PasswordPolicyError,
} from "./password-policy";
import { err, ok, type Result } from "./result";
import { clearAccountThrottle } from "./throttle";
import { hashToken } from "./tokens";

export type ResetPasswordError = "invalid_or_expired" | PasswordPolicyError;

export const RESET_PASSWORD_MESSAGES_JA: Readonly<Record<ResetPasswordError, string>> = {
  invalid_or_expired:
    "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください",
  ...PASSWORD_POLICY_MESSAGES_JA,
};

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  ip: string;
  now: Date;
  /** Tokens from the browser's device cookie, kept for the other accounts they name. */
  deviceTokens?: readonly string[];
  config?: Partial<AuthConfig>;
}

export interface ResetPasswordSuccess {
  userId: string;
  /** The device cookie the browser that completed the reset is to hold. */
  device: DeviceCookie;
}

type ResetFailureReason = "unknown_token" | "expired" | "used" | "disabled" | PasswordPolicyError;

/**
 * Sets a new password with a reset token. The token is spent atomically (of two
 * concurrent uses exactly one succeeds), all of the user's sessions end, the
 * user's other unused tokens are retired, and the account's sign-in failures are
 * forgotten. A password refused by the policy does not spend the token, so the
 * user can try another one from the same link.
 *
 * Every browser trusted for the account stops being trusted (one may be an
 * intruder's), and the browser that completed the reset becomes trusted instead:
 * it has just proven control of the registered mailbox, the out-of-band path
 * OWASP gives an owner locked out by someone else's guessing.
 */
export async function resetPassword(
  db: Db,
  input: ResetPasswordInput,
): Promise<Result<ResetPasswordSuccess, ResetPasswordError>> {
  const config = resolveAuthConfig(input.config);
  const tokenHash = hashToken(input.token);
  const ip = inetOrNull(input.ip);
  const found = await db
    .selectFrom("passwordResetTokens")
    .innerJoin("users", "users.id", "passwordResetTokens.userId")
    .select([
      "passwordResetTokens.userId",
      "passwordResetTokens.expiresAt",
      "passwordResetTokens.usedAt",
      "users.username",
      "users.role",
      "users.disabledAt",
    ])
    .where("passwordResetTokens.id", "=", tokenHash)
    .executeTakeFirst();

  const fail = async (
    reason: ResetFailureReason,
    error: ResetPasswordError,
  ): Promise<Result<never, ResetPasswordError>> => {
    await appendAudit(db, {
      action: AUTH_AUDIT_ACTIONS.passwordResetFailure,
      actorUserId: found?.userId ?? null,
      actorRole: found?.role ?? null,
      targetType: "user",
      targetId: found?.userId ?? null,
      ip,
      details: { reason },
    });
    return err(error);
  };

  if (!found) return fail("unknown_token", "invalid_or_expired");
  if (found.usedAt !== null) return fail("used", "invalid_or_expired");
  if (input.now.getTime() >= found.expiresAt.getTime())
    return fail("expired", "invalid_or_expired");
  if (found.disabledAt !== null) return fail("disabled", "invalid_or_expired");

  const policy = checkPasswordPolicy(input.newPassword, { username: found.username });
  if (!policy.ok) return fail(policy.error, policy.error);

  const passwordHash = await hashPassword(input.newPassword);
  const device = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("passwordResetTokens")
      .set({ usedAt: input.now })
      .where("id", "=", tokenHash)
      .where("usedAt", "is", null)
      .where("expiresAt", ">", input.now)
      .returning("userId")
      .executeTakeFirst();
    if (!claimed) return null;

    await trx
      .updateTable("users")
      .set({ passwordHash, passwordChangedAt: input.now })
      .where("id", "=", found.userId)
      .execute();
    await trx
      .updateTable("passwordResetTokens")
      .set({ usedAt: input.now })
      .where("userId", "=", found.userId)
      .where("usedAt", "is", null)
      .execute();
    const ended = await trx
      .deleteFrom("sessions")
      .where("userId", "=", found.userId)
      .executeTakeFirst();
    await clearAccountThrottle(trx, found.username);
    const revoked = await revokeTrustedDevices(trx, found.userId);
    const device = await trustDevice(trx, {
      userId: found.userId,
      now: input.now,
      config,
      presented: input.deviceTokens ?? [],
      retired: revoked,
    });
    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.passwordResetComplete,
      actorUserId: found.userId,
      actorRole: found.role,
      targetType: "user",
      targetId: found.userId,
      ip,
      details: { sessionsEnded: Number(ended.numDeletedRows), devicesRevoked: revoked.size },
    });
    return device;
  });
  if (!device) return fail("used", "invalid_or_expired");
  return ok({ userId: found.userId, device });
}

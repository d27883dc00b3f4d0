import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { AUTH_AUDIT_ACTIONS, loggedUsername } from "./audit-actions";
import { type AuthConfig, resolveAuthConfig } from "./config";
import { inetOrNull } from "./ip";
import { hashPassword } from "./password-hash";
import {
  checkPasswordPolicy,
  PASSWORD_POLICY_MESSAGES_JA,
  type PasswordPolicyError,
} from "./password-policy";
import { passwordResetLink, passwordResetMail } from "./reset-mail";
import { err, ok, type Result } from "./result";
import type { Role } from "./session-user";
import { clearAccountThrottle } from "./throttle";
import { generateSecureToken, hashToken } from "./tokens";

const HOUR_MS = 3_600_000;

export interface RequestPasswordResetInput {
  username: string;
  ip: string;
  now: Date;
  /** Base URL of the app the user signs in to (institution, review or vendor). */
  appBaseUrl: (role: Role) => string;
  mailFrom: string;
  config?: Partial<AuthConfig>;
}

type RequestOutcome = "sent" | "unknown_user" | "disabled" | "rate_limited";

/**
 * Emails a single-use reset link to the user's registered address. Returns
 * nothing and behaves the same whether or not the username exists: the token is
 * generated and hashed either way, and only the database writes differ.
 *
 * The token (160 random bits) goes into the mail only; the table keeps its
 * SHA-256. Issuing a token retires the user's earlier unused ones, and the token
 * and its mail are written in one transaction, so there is never a mail without
 * a valid token or a token whose mail was lost.
 */
export async function requestPasswordReset(
  db: Db,
  input: RequestPasswordResetInput,
): Promise<void> {
  const config = resolveAuthConfig(input.config);
  const token = generateSecureToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + config.passwordResetTokenLifetimeMs);

  await db.transaction().execute(async (trx) => {
    // Locking the user row serialises concurrent requests for one user, so the
    // hourly cap and the retiring of older tokens cannot be raced.
    const user = await trx
      .selectFrom("users")
      .select(["id", "username", "displayName", "email", "role", "disabledAt"])
      .where("username", "=", input.username)
      .forUpdate()
      .executeTakeFirst();

    let outcome: RequestOutcome;
    if (!user) {
      outcome = "unknown_user";
    } else if (user.disabledAt !== null) {
      outcome = "disabled";
    } else {
      const recent = await trx
        .selectFrom("passwordResetTokens")
        .select((eb) => eb.fn.countAll<string>().as("count"))
        .where("userId", "=", user.id)
        .where("createdAt", ">", new Date(input.now.getTime() - HOUR_MS))
        .executeTakeFirstOrThrow();
      outcome = Number(recent.count) >= config.passwordResetMailsPerHour ? "rate_limited" : "sent";
    }

    if (user && outcome === "sent") {
      await trx
        .updateTable("passwordResetTokens")
        .set({ usedAt: input.now })
        .where("userId", "=", user.id)
        .where("usedAt", "is", null)
        .execute();
      await trx
        .insertInto("passwordResetTokens")
        .values({ id: tokenHash, userId: user.id, createdAt: input.now, expiresAt })
        .execute();
      await enqueueMail(
        trx,
        passwordResetMail({
          to: user.email,
          from: input.mailFrom,
          displayName: user.displayName,
          username: user.username,
          link: passwordResetLink(input.appBaseUrl(user.role), token),
          expiresAt,
        }),
      );
    }

    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.passwordResetRequest,
      actorUserId: user?.id ?? null,
      actorRole: user?.role ?? null,
      targetType: "user",
      targetId: user?.id ?? null,
      ip: inetOrNull(input.ip),
      details: { username: loggedUsername(input.username), outcome },
    });
  });
}

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
}

type ResetFailureReason = "unknown_token" | "expired" | "used" | "disabled" | PasswordPolicyError;

/**
 * Sets a new password with a reset token. The token is spent atomically (of two
 * concurrent uses exactly one succeeds), all of the user's sessions end, the
 * user's other unused tokens are retired, and the account's sign-in failures are
 * forgotten. A password refused by the policy does not spend the token, so the
 * user can try another one from the same link.
 */
export async function resetPassword(
  db: Db,
  input: ResetPasswordInput,
): Promise<Result<{ userId: string }, ResetPasswordError>> {
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
  const spent = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("passwordResetTokens")
      .set({ usedAt: input.now })
      .where("id", "=", tokenHash)
      .where("usedAt", "is", null)
      .where("expiresAt", ">", input.now)
      .returning("userId")
      .executeTakeFirst();
    if (!claimed) return false;

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
    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.passwordResetComplete,
      actorUserId: found.userId,
      actorRole: found.role,
      targetType: "user",
      targetId: found.userId,
      ip,
      details: { sessionsEnded: Number(ended.numDeletedRows) },
    });
    return true;
  });
  if (!spent) return fail("used", "invalid_or_expired");
  return ok({ userId: found.userId });
}

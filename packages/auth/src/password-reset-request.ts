import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { sql } from "kysely";
import { AUTH_AUDIT_ACTIONS, loggedUsername } from "./audit-actions";
import { type AuthConfig, resolveAuthConfig } from "./config";
import { inetOrNull } from "./ip";
import { passwordResetLink, passwordResetMail } from "./reset-mail";
import type { Role } from "./session-user";
import { generateSecureToken, hashToken } from "./tokens";

const HOUR_MS = 3_600_000;

/** Matches no user: stands in for the user id when there is none, so every statement still runs. */
const NO_USER = "00000000-0000-0000-0000-000000000000";

/** Addressee of the mail that is written and undone when nothing is to be sent. */
const NOBODY = {
  email: "nobody@invalid",
  displayName: "（該当なし）",
  role: "institution" as Role,
};

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
 * nothing, and answers the same way in the same time whether or not the username exists: a known name
 * answering slower would tell a stranger which names are real. So every request
 * runs the same statements in the same order; only their rows differ. The token
 * is generated and hashed either way; the token write selects from users, so it
 * writes nothing without a user; and the mail and its job are always written
 * inside a savepoint that is released when the mail is to go and rolled back
 * when it is not (unknown name, disabled account, hourly cap reached).
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
    const recent = await trx
      .selectFrom("passwordResetTokens")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("userId", "=", user?.id ?? NO_USER)
      .where("createdAt", ">", new Date(input.now.getTime() - HOUR_MS))
      .executeTakeFirstOrThrow();
    const outcome: RequestOutcome = !user
      ? "unknown_user"
      : user.disabledAt !== null
        ? "disabled"
        : Number(recent.count) >= config.passwordResetMailsPerHour
          ? "rate_limited"
          : "sent";
    const recipient = outcome === "sent" && user ? user : null;
    const recipientId = recipient?.id ?? NO_USER;

    await trx
      .updateTable("passwordResetTokens")
      .set({ usedAt: input.now })
      .where("userId", "=", recipientId)
      .where("usedAt", "is", null)
      .execute();
    await trx
      .insertInto("passwordResetTokens")
      .columns(["id", "userId", "createdAt", "expiresAt"])
      .expression((eb) =>
        eb
          .selectFrom("users")
          .select([
            sql<string>`${tokenHash}::char(64)`.as("id"),
            "users.id as userId",
            sql<Date>`${input.now}::timestamptz`.as("createdAt"),
            sql<Date>`${expiresAt}::timestamptz`.as("expiresAt"),
          ])
          .where("users.id", "=", recipientId),
      )
      .execute();

    const addressee = recipient ?? { ...NOBODY, username: loggedUsername(input.username) };
    await sql`savepoint reset_mail`.execute(trx);
    await enqueueMail(
      trx,
      passwordResetMail({
        to: addressee.email,
        from: input.mailFrom,
        displayName: addressee.displayName,
        username: addressee.username,
        link: passwordResetLink(input.appBaseUrl(addressee.role), token),
        expiresAt,
      }),
    );
    await (recipient
      ? sql`release savepoint reset_mail`
      : sql`rollback to savepoint reset_mail`
    ).execute(trx);

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

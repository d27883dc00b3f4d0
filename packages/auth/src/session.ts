import type { Db } from "@sos/db";
import { type AuthConfig, resolveAuthConfig } from "./config";
import { hostCookieName } from "./cookie-names";
import { inetOrNull } from "./ip";
import { type SessionUser, toSessionUser } from "./session-user";
import { generateSessionToken, hashToken } from "./tokens";

/** The session cookie's name over plain http; see sessionCookieName. */
export const SESSION_COOKIE_NAME = "sos_session";

/** `__Host-sos_session` over https, `sos_session` over plain http. */
export function sessionCookieName(secure: boolean): string {
  return hostCookieName(SESSION_COOKIE_NAME, secure);
}

/** Longest User-Agent kept with a session; the rest is noise or abuse. */
const USER_AGENT_MAX_LENGTH = 512;

export interface AuthSession {
  /** SHA-256 (hex) of the token; the token itself exists only in the cookie. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end: sign-in time plus the absolute lifetime. */
  expiresAt: Date;
  /** When the session ends if no further request arrives (never after expiresAt). */
  idleExpiresAt: Date;
}

export interface SessionValidation {
  session: AuthSession;
  user: SessionUser;
}

interface SessionTimes {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

function withIdleExpiry(row: SessionTimes, config: AuthConfig): AuthSession {
  return {
    id: row.id,
    userId: row.userId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    idleExpiresAt: new Date(
      Math.min(row.lastSeenAt.getTime() + config.sessionIdleTimeoutMs, row.expiresAt.getTime()),
    ),
  };
}

export interface CreateSessionOptions {
  now: Date;
  ip?: string | null;
  userAgent?: string | null;
  config?: Partial<AuthConfig>;
}

/** Starts a session with a fresh random token; only the token's hash is stored. */
export async function createSession(
  db: Db,
  userId: string,
  options: CreateSessionOptions,
): Promise<{ token: string; session: AuthSession }> {
  const config = resolveAuthConfig(options.config);
  const token = generateSessionToken();
  const row: SessionTimes = {
    id: hashToken(token),
    userId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + config.sessionAbsoluteLifetimeMs),
  };
  await db
    .insertInto("sessions")
    .values({
      ...row,
      ip: inetOrNull(options.ip),
      userAgent: options.userAgent ? options.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
    })
    .execute();
  return { token, session: withIdleExpiry(row, config) };
}

/** Session tokens are 32 base32 characters; anything much longer is not worth hashing. */
const TOKEN_MAX_LENGTH = 128;

/**
 * The session behind a cookie, or null. Enforces on the server both the idle
 * timeout and the absolute lifetime (an expired session is deleted), refuses
 * disabled users, and moves last_seen_at forward at most once per touch interval.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date,
  overrides?: Partial<AuthConfig>,
): Promise<SessionValidation | null> {
  if (token.length === 0 || token.length > TOKEN_MAX_LENGTH) return null;
  const config = resolveAuthConfig(overrides);
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "sessions.id",
      "sessions.userId",
      "sessions.createdAt",
      "sessions.lastSeenAt",
      "sessions.expiresAt",
      "users.username",
      "users.displayName",
      "users.role",
      "users.institutionId",
      "users.prefectureCode",
      "users.email",
      "users.disabledAt",
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;

  const nowMs = now.getTime();
  const idleExpired = nowMs >= row.lastSeenAt.getTime() + config.sessionIdleTimeoutMs;
  const absoluteExpired = nowMs >= row.expiresAt.getTime();
  if (idleExpired || absoluteExpired || row.disabledAt !== null) {
    await invalidateSession(db, sessionId);
    return null;
  }

  let lastSeenAt = row.lastSeenAt;
  if (nowMs - lastSeenAt.getTime() >= config.sessionTouchIntervalMs) {
    // The guard makes concurrent requests write once, and never moves the time back.
    await db
      .updateTable("sessions")
      .set({ lastSeenAt: now })
      .where("id", "=", sessionId)
      .where("lastSeenAt", "<", now)
      .execute();
    lastSeenAt = now;
  }

  return {
    session: withIdleExpiry({ ...row, id: sessionId, lastSeenAt }, config),
    user: toSessionUser({ ...row, id: row.userId }),
  };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of a user (password reset, account disabled). Returns how many ended. */
export async function invalidateUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("userId", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  /** Seconds from receipt: what the browser honours, whatever its own clock says. */
  maxAge: number;
  /** For clients that know no Max-Age; Max-Age wins where both are given (RFC 6265 5.3). */
  expires: Date;
}

/**
 * Attributes for the session cookie: out of reach of scripts, not sent on
 * cross-site subrequests, Secure whenever the site is served over https, Path=/
 * and no Domain (as the `__Host-` prefix requires), and
 * gone from the browser when the session's absolute lifetime ends. The lifetime
 * goes as Max-Age, counted on the server's clock: a PC whose clock is a day off
 * (or a test browser on a fixed clock) would otherwise drop a fresh cookie as
 * already expired and never stay signed in.
 */
export function sessionCookieOptions(options: {
  secure: boolean;
  expiresAt: Date;
  now: Date;
}): SessionCookieOptions {
  const seconds = Math.floor((options.expiresAt.getTime() - options.now.getTime()) / 1000);
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    maxAge: Math.max(0, seconds),
    expires: options.expiresAt,
  };
}

/** Attributes that make the browser drop the session cookie at once (sign-out). */
export function expiredSessionCookieOptions(options: { secure: boolean }): SessionCookieOptions {
  const epoch = new Date(0);
  return sessionCookieOptions({ secure: options.secure, expiresAt: epoch, now: epoch });
}

import { compiledStatement, type Db } from "@sos/db";
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
  /**
   * The ministry's read-only switch (maintenance_mode), read by the same
   * statement so that a write needs no second one to learn it.
   */
  readOnly: boolean;
}

interface SessionTimes {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** false: the session ends only at expiresAt. */
  idleTimeout: boolean;
}

function withIdleExpiry(row: SessionTimes, config: AuthConfig): AuthSession {
  const idleEnd = row.idleTimeout
    ? row.lastSeenAt.getTime() + config.sessionIdleTimeoutMs
    : row.expiresAt.getTime();
  return {
    id: row.id,
    userId: row.userId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    idleExpiresAt: new Date(Math.min(idleEnd, row.expiresAt.getTime())),
  };
}

export interface CreateSessionOptions {
  now: Date;
  ip?: string | null;
  userAgent?: string | null;
  config?: Partial<AuthConfig>;
  /**
   * The session lasts until this instant, without an idle timeout, when that is
   * later than the usual absolute lifetime (an institution's trusted browser
   * until its survey week closes; see signIn).
   */
  lastsUntil?: Date | null;
}

/** Starts a session with a fresh random token; only the token's hash is stored. */
export async function createSession(
  db: Db,
  userId: string,
  options: CreateSessionOptions,
): Promise<{ token: string; session: AuthSession }> {
  const config = resolveAuthConfig(options.config);
  const token = generateSessionToken();
  const usualEnd = options.now.getTime() + config.sessionAbsoluteLifetimeMs;
  const lastsLonger = options.lastsUntil != null && options.lastsUntil.getTime() > usualEnd;
  const row: SessionTimes = {
    id: hashToken(token),
    userId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: lastsLonger && options.lastsUntil ? options.lastsUntil : new Date(usualEnd),
    idleTimeout: !lastsLonger,
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

interface ValidationRow extends SessionTimes {
  idleTimeout: boolean;
  username: string;
  displayName: string;
  role: SessionUser["role"];
  institutionId: string | null;
  prefectureCode: number | null;
  email: string;
  leadOfficer: boolean;
  /** The session is over (idle, absolute end, or a disabled user) and was deleted. */
  ended: boolean;
  readOnly: boolean;
}

// Every request runs this, so it is one statement: it reads the session with
// its user (and the read-only switch), deletes it when it is over, and otherwise moves last_seen_at
// forward at most once per touch interval (the guard makes concurrent requests
// write once and never moves the time back). The rules are those the function
// documents below; $3 is the idle timeout, $4 the touch interval, both in ms;
// $5 false reads without moving last_seen_at (a request the user did not make).
const VALIDATE_SESSION = compiledStatement<
  ValidationRow,
  [sessionId: string, now: Date, idleTimeoutMs: number, touchIntervalMs: number, touch: boolean]
>(`
with found as (
  select s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.idle_timeout,
    u.username, u.display_name, u.role, u.institution_id, u.prefecture_code, u.email, u.lead_officer,
    ($2::timestamptz >= s.expires_at
      or (s.idle_timeout
        and $2::timestamptz >= s.last_seen_at + $3::double precision * interval '1 millisecond')
      or u.disabled_at is not null) as ended,
    coalesce((select read_only from maintenance_mode), false) as read_only
  from sessions s
  join users u on u.id = s.user_id
  where s.id = $1::char(64)
),
ended as (
  delete from sessions
  where id = $1::char(64) and (select ended from found)
),
touched as (
  update sessions
  set last_seen_at = $2::timestamptz
  where id = $1::char(64) and $5::boolean and not (select ended from found)
    and last_seen_at < $2::timestamptz
    and last_seen_at <= $2::timestamptz - $4::double precision * interval '1 millisecond'
)
select * from found
`);

/**
 * The session behind a cookie, or null. Enforces on the server both the idle
 * timeout and the absolute lifetime (an expired session is deleted), refuses
 * disabled users, and moves last_seen_at forward at most once per touch interval.
 * A session without an idle timeout (an institution's trusted browser, see
 * createSession's lastsUntil) ends only at its absolute end.
 *
 * `touch: false` is for a request the user did not make (a page's background poll):
 * it is answered as usual but does not keep the session alive, so an open but
 * unattended page still ends at the idle timeout.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date,
  overrides?: Partial<AuthConfig>,
  { touch = true }: { touch?: boolean } = {},
): Promise<SessionValidation | null> {
  if (token.length === 0 || token.length > TOKEN_MAX_LENGTH) return null;
  const config = resolveAuthConfig(overrides);
  const sessionId = hashToken(token);
  const result = await VALIDATE_SESSION.execute(
    db,
    sessionId,
    now,
    config.sessionIdleTimeoutMs,
    config.sessionTouchIntervalMs,
    touch,
  );
  const row = result.rows[0];
  if (!row || row.ended) return null;

  // What the statement wrote (or a concurrent request did, at the same moment).
  const touched =
    touch && now.getTime() - row.lastSeenAt.getTime() >= config.sessionTouchIntervalMs;
  const lastSeenAt = touched ? now : row.lastSeenAt;
  return {
    session: withIdleExpiry({ ...row, id: sessionId, lastSeenAt }, config),
    user: toSessionUser({ ...row, id: row.userId }),
    readOnly: row.readOnly,
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

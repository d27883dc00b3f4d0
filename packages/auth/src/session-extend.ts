import type { Db } from "@sos/db";
import { sql } from "kysely";
import { type AuthConfig, resolveAuthConfig } from "./config";

// What the apps' idle warning needs (issue 16): how long the session has left,
// counted on the server's clock and sent as durations, so a browser whose clock is
// off still warns at the right moment; and 「延長」, which moves last_seen_at to now.

export interface SessionTimeLeft {
  /**
   * Milliseconds until the session ends for want of a request; null when it has no
   * idle timeout (an institution's trusted browser), or when its absolute end comes
   * first, so that extending could not help.
   */
  idleExpiresInMs: number | null;
  /** Milliseconds until the absolute end, which nothing extends. */
  expiresInMs: number;
}

interface TimesRow {
  lastSeenAt: Date;
  expiresAt: Date;
  idleTimeout: boolean;
}

function timeLeft(row: TimesRow, now: Date, config: AuthConfig): SessionTimeLeft | null {
  const absoluteEnd = row.expiresAt.getTime();
  const idleEnd = row.lastSeenAt.getTime() + config.sessionIdleTimeoutMs;
  const ended = now.getTime() >= absoluteEnd || (row.idleTimeout && now.getTime() >= idleEnd);
  if (ended) return null;
  return {
    idleExpiresInMs: row.idleTimeout && idleEnd < absoluteEnd ? idleEnd - now.getTime() : null,
    expiresInMs: absoluteEnd - now.getTime(),
  };
}

/**
 * How long this session has left, read without moving last_seen_at (asking must
 * not keep an unattended page signed in). Null when it is over or unknown.
 */
export async function sessionTimeLeft(
  db: Db,
  sessionId: string,
  now: Date,
  overrides?: Partial<AuthConfig>,
): Promise<SessionTimeLeft | null> {
  const row = await db
    .selectFrom("sessions")
    .select(["lastSeenAt", "expiresAt", "idleTimeout"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return row ? timeLeft(row, now, resolveAuthConfig(overrides)) : null;
}

/**
 * 「延長」: the session's idle timeout starts again from now, whatever the touch
 * interval says, in one statement that never moves last_seen_at back and leaves an
 * ended session ended (null; the next request deletes it). The absolute end stays.
 */
export async function extendSession(
  db: Db,
  sessionId: string,
  now: Date,
  overrides?: Partial<AuthConfig>,
): Promise<SessionTimeLeft | null> {
  const config = resolveAuthConfig(overrides);
  const idleCutoff = new Date(now.getTime() - config.sessionIdleTimeoutMs);
  const row = await db
    .updateTable("sessions")
    .set({ lastSeenAt: sql<Date>`greatest(last_seen_at, ${now}::timestamptz)` })
    .where("id", "=", sessionId)
    .where("expiresAt", ">", now)
    .where((eb) => eb.or([eb("idleTimeout", "=", false), eb("lastSeenAt", ">", idleCutoff)]))
    .returning(["lastSeenAt", "expiresAt", "idleTimeout"])
    .executeTakeFirst();
  return row ? timeLeft(row, now, config) : null;
}

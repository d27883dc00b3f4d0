import type { Db } from "@sos/db";
import { sql } from "kysely";
import { type AuthConfig, resolveAuthConfig } from "./config";

const HOUR_MS = 3_600_000;

/**
 * Housekeeping for a periodic job: deletes sessions past either expiry, reset
 * tokens a day after they expired (kept that long for the hourly mail cap and
 * investigations), throttle rows with neither a live block nor a recent
 * failure, and trusted browsers past their trust. Returns how many rows went
 * from each table.
 */
export async function purgeExpiredAuthRecords(
  db: Db,
  now: Date,
  overrides?: Partial<AuthConfig>,
): Promise<{
  sessions: number;
  passwordResetTokens: number;
  signInThrottle: number;
  trustedDevices: number;
}> {
  const config = resolveAuthConfig(overrides);
  const idleBefore = new Date(now.getTime() - config.sessionIdleTimeoutMs);
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expiresAt", "<=", now), eb("lastSeenAt", "<=", idleBefore)]))
    .executeTakeFirst();
  const tokens = await db
    .deleteFrom("passwordResetTokens")
    .where("expiresAt", "<=", new Date(now.getTime() - 24 * HOUR_MS))
    .executeTakeFirst();
  const staleBefore = new Date(
    now.getTime() - Math.max(config.accountQuietResetMs, config.ipWindowMs),
  );
  const throttle = await sql`
    delete from sign_in_throttle
    where last_failure_at <= ${staleBefore} and (blocked_until is null or blocked_until <= ${now})
  `.execute(db);
  const devices = await db
    .deleteFrom("trustedDevices")
    .where("expiresAt", "<=", now)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    passwordResetTokens: Number(tokens.numDeletedRows),
    signInThrottle: Number(throttle.numAffectedRows ?? 0n),
    trustedDevices: Number(devices.numDeletedRows),
  };
}

import { ipGroup } from "@sos/auth";
import type { Db } from "@sos/db";
import { sql } from "kysely";

/**
 * Light abuse control for the public registration form: attempts per client
 * address in a fixed window. It reuses sign_in_throttle (whose housekeeping
 * already purges stale rows) under its own key prefix, so it never touches a
 * sign-in count; `failures` there counts attempts here, successful or not,
 * since both a spray of fake facilities and probing which codes are registered
 * are what it should slow down.
 */
export const REGISTRATION_THROTTLE = {
  /** Attempts allowed per address in a window: far above what one facility needs. */
  attempts: 30,
  windowMs: 60 * 60 * 1000,
  blockMs: 60 * 60 * 1000,
} as const;

export function registrationThrottleKey(ip: string): string {
  return `ip:register:${ipGroup(ip)}`;
}

/** Counts one attempt; false when the address is blocked (then nothing is counted). */
export async function admitRegistrationAttempt(db: Db, ip: string, now: Date): Promise<boolean> {
  const { attempts, windowMs, blockMs } = REGISTRATION_THROTTLE;
  const windowStart = new Date(now.getTime() - windowMs);
  const blockEnd = new Date(now.getTime() + blockMs);
  const count = sql<number>`(case when t.first_failure_at <= ${windowStart} then 1 else t.failures + 1 end)`;
  const result = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${registrationThrottleKey(ip)}, 1, ${now}, ${now}, null)
    on conflict (key) do update set
      failures = ${count},
      first_failure_at = case when t.first_failure_at <= ${windowStart} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${count} > ${attempts} then ${blockEnd}::timestamptz end
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures
  `.execute(db);
  const row = result.rows[0];
  return row !== undefined && row.failures <= attempts;
}

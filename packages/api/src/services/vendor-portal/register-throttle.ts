import { ipGroup } from "@sos/auth";
import type { Db } from "@sos/db";
import { countRegistrationAttempt } from "@sos/db/repositories/registration";

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
  const failures = await countRegistrationAttempt(db, registrationThrottleKey(ip), {
    now,
    windowStart,
    blockEnd,
    attempts,
  });
  return failures !== null && failures <= attempts;
}

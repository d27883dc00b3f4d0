import type { Db } from "@sos/db";
import { sql } from "kysely";
import type { AuthConfig } from "./config";
import { ipGroup } from "./ip";

export type ThrottleScope = "account" | "ip";

/** Lower-cased whether or not the account exists, so probing names changes nothing. */
export function accountThrottleKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ipGroup(ip)}`;
}

export interface ThrottleBlock {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

class Blocked extends Error {
  constructor(readonly block: ThrottleBlock) {
    super(`sign-in blocked (${block.scope})`);
  }
}

function dateAt(value: number): Date {
  return new Date(value);
}

async function blockedUntil(db: Db, key: string): Promise<Date | null> {
  const row = await db
    .selectFrom("signInThrottle")
    .select("blockedUntil")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.blockedUntil ?? null;
}

function retryAfterSeconds(until: Date | null, now: Date): number {
  if (!until) return 1;
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/**
 * Counts the attempt against the account before its password is checked, in one
 * statement that does nothing while the account is blocked. Counting first
 * means a burst of parallel guesses cannot all slip in before the first failure
 * is written; a success undoes it (settleSuccessfulAttempt).
 *
 * From the Nth consecutive failure the account is blocked for the base time,
 * doubling with each further failure up to the cap; a success, or a quiet day,
 * starts the count again. So an attacker gets a handful of guesses per hour and
 * the owner is never locked out for longer than the cap.
 */
async function countAccountAttempt(
  trx: Db,
  key: string,
  now: Date,
  config: AuthConfig,
): Promise<boolean> {
  const quietBefore = dateAt(now.getTime() - config.accountQuietResetMs);
  const failures = sql<number>`(case when t.last_failure_at <= ${quietBefore} then 1 else t.failures + 1 end)`;
  const threshold = config.accountFailuresBeforeBlock;
  // The exponent is capped so power() cannot overflow after thousands of failures.
  const blockFor = (n: typeof failures) =>
    sql`least(${config.accountBaseBlockMs}::float8 * power(2, least(${n} - ${threshold}, 30)), ${config.accountMaxBlockMs}::float8) * interval '1 millisecond'`;
  const result = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${now},
      case when 1 >= ${threshold} then ${now}::timestamptz + ${blockFor(sql`1`)} end)
    on conflict (key) do update set
      failures = ${failures},
      first_failure_at = case when t.last_failure_at <= ${quietBefore} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${failures} >= ${threshold}
        then ${now}::timestamptz + ${blockFor(failures)} end
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures
  `.execute(trx);
  return result.rows.length > 0;
}

/**
 * Counts the attempt against the client's address: failures in a fixed window,
 * and a fixed block once they reach the limit. This stops one client from
 * spraying guesses across many usernames.
 */
async function countIpAttempt(
  trx: Db,
  key: string,
  now: Date,
  config: AuthConfig,
): Promise<boolean> {
  const windowStart = dateAt(now.getTime() - config.ipWindowMs);
  const blockEnd = dateAt(now.getTime() + config.ipBlockMs);
  const failures = sql<number>`(case when t.first_failure_at <= ${windowStart} then 1 else t.failures + 1 end)`;
  const threshold = config.ipFailuresBeforeBlock;
  const result = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${now}, case when 1 >= ${threshold} then ${blockEnd}::timestamptz end)
    on conflict (key) do update set
      failures = ${failures},
      first_failure_at = case when t.first_failure_at <= ${windowStart} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${failures} >= ${threshold} then ${blockEnd}::timestamptz end
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures
  `.execute(trx);
  return result.rows.length > 0;
}

export interface AttemptKeys {
  account: string;
  ip: string;
}

/**
 * Admits a sign-in attempt (counting it as a failure until it proves otherwise),
 * or reports the block that refuses it. A refused attempt changes nothing: both
 * counts are written in one transaction, rolled back when either key is blocked.
 * The account row is always locked before the address row, so concurrent attempts
 * cannot deadlock.
 */
export async function admitSignInAttempt(
  db: Db,
  keys: AttemptKeys,
  now: Date,
  config: AuthConfig,
): Promise<ThrottleBlock | null> {
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await countAccountAttempt(trx, keys.account, now, config))) {
        const until = await blockedUntil(trx, keys.account);
        throw new Blocked({ scope: "account", retryAfterSeconds: retryAfterSeconds(until, now) });
      }
      if (!(await countIpAttempt(trx, keys.ip, now, config))) {
        const until = await blockedUntil(trx, keys.ip);
        throw new Blocked({ scope: "ip", retryAfterSeconds: retryAfterSeconds(until, now) });
      }
    });
    return null;
  } catch (error) {
    if (error instanceof Blocked) return error.block;
    throw error;
  }
}

/**
 * A correct password: the account's count starts again, and the attempt is taken
 * back from the address's count (colleagues behind one hospital NAT signing in
 * successfully must not add up to a block).
 */
export async function settleSuccessfulAttempt(
  db: Db,
  keys: AttemptKeys,
  config: AuthConfig,
): Promise<void> {
  await db.deleteFrom("signInThrottle").where("key", "=", keys.account).execute();
  await sql`
    update sign_in_throttle set
      failures = greatest(failures - 1, 0),
      blocked_until = case when failures - 1 < ${config.ipFailuresBeforeBlock} then null else blocked_until end
    where key = ${keys.ip}
  `.execute(db);
}

/** Forgets an account's failures, e.g. once its owner has proven control by resetting the password. */
export async function clearAccountThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom("signInThrottle").where("key", "=", accountThrottleKey(username)).execute();
}

import type { Db } from "@sos/db";
import { sql } from "kysely";
import type { AuthConfig } from "./config";
import { ipGroup } from "./ip";

export type ThrottleScope = "account" | "ip" | "device";

/** Lower-cased whether or not the account exists, so probing names changes nothing. */
export function accountThrottleKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ipGroup(ip)}`;
}

/** One trusted browser of an account (see device-trust.ts), by its device id. */
export function deviceThrottleKey(deviceId: string): string {
  return `device:${deviceId}`;
}

/**
 * Whose failures an attempt counts against. A browser trusted for the account
 * is counted on its own row only: others' failures cannot hold it back, its own
 * still do. Any other client is counted against the account (all untrusted
 * clients together) and against its address.
 */
export type AttemptKeys = { device: string } | { account: string; ip: string };

export interface ThrottleBlock {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

/** A key's attempts (failed or turned away) since its count began, for the alert on sustained guessing. */
export interface KeyPressure {
  scope: ThrottleScope;
  key: string;
  attempts: number;
  since: Date;
  alertedAt: Date | null;
}

export interface Admission {
  block: ThrottleBlock | null;
  pressure: KeyPressure[];
}

/** Raw results come back camelCased too (CamelCasePlugin). */
interface CountRow {
  key: string;
  failures: number;
  refused: number;
  firstFailureAt: Date;
  alertedAt: Date | null;
  blockedUntil: Date | null;
}

const RETURNING = sql`returning key, failures, refused, first_failure_at, alerted_at, blocked_until`;

class Blocked extends Error {
  constructor(readonly scope: ThrottleScope) {
    super(`sign-in blocked (${scope})`);
  }
}

function dateAt(value: number): Date {
  return new Date(value);
}

function retryAfterSeconds(until: Date | null | undefined, now: Date): number {
  if (!until) return 1;
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/**
 * Counts the attempt as a failure before its password is checked, in one
 * statement that does nothing while the key is blocked. Counting first means a
 * burst of parallel guesses cannot all slip in before the first failure is
 * written; a success takes it back (settleSuccessfulAttempt).
 *
 * From the Nth consecutive failure the key is blocked for the base time,
 * doubling with each further failure up to the cap; a quiet day starts the count
 * again. So guessing gets a handful of tries per hour, and whoever the block
 * holds back waits at most the cap. Used for the untrusted clients of an account
 * and for one trusted browser.
 */
async function countConsecutiveFailure(
  trx: Db,
  key: string,
  now: Date,
  config: AuthConfig,
): Promise<CountRow | undefined> {
  const quietBefore = dateAt(now.getTime() - config.accountQuietResetMs);
  // A row whose failures were all taken back (successes) holds no count to continue.
  const restart = sql<boolean>`(t.last_failure_at <= ${quietBefore} or t.failures = 0)`;
  const failures = sql<number>`(case when ${restart} then 1 else t.failures + 1 end)`;
  const threshold = config.accountFailuresBeforeBlock;
  // The exponent is capped so power() cannot overflow after thousands of failures.
  const blockFor = (n: typeof failures) =>
    sql`least(${config.accountBaseBlockMs}::float8 * power(2, least(${n} - ${threshold}, 30)), ${config.accountMaxBlockMs}::float8) * interval '1 millisecond'`;
  const result = await sql<CountRow>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${now},
      case when 1 >= ${threshold} then ${now}::timestamptz + ${blockFor(sql`1`)} end)
    on conflict (key) do update set
      failures = ${failures},
      refused = case when ${restart} then 0 else t.refused end,
      first_failure_at = case when ${restart} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${failures} >= ${threshold}
        then ${now}::timestamptz + ${blockFor(failures)} end
    where t.blocked_until is null or t.blocked_until <= ${now}
    ${RETURNING}
  `.execute(trx);
  return result.rows[0];
}

/**
 * Counts the attempt against the client's address: failures in a fixed window,
 * and a fixed block once they reach the limit. This stops one client from
 * spraying guesses across many usernames.
 */
async function countWindowFailure(
  trx: Db,
  key: string,
  now: Date,
  config: AuthConfig,
): Promise<CountRow | undefined> {
  const windowStart = dateAt(now.getTime() - config.ipWindowMs);
  const blockEnd = dateAt(now.getTime() + config.ipBlockMs);
  const restart = sql<boolean>`(t.first_failure_at <= ${windowStart} or t.failures = 0)`;
  const failures = sql<number>`(case when ${restart} then 1 else t.failures + 1 end)`;
  const threshold = config.ipFailuresBeforeBlock;
  const result = await sql<CountRow>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${now}, case when 1 >= ${threshold} then ${blockEnd}::timestamptz end)
    on conflict (key) do update set
      failures = ${failures},
      refused = case when ${restart} then 0 else t.refused end,
      first_failure_at = case when ${restart} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${failures} >= ${threshold} then ${blockEnd}::timestamptz end
    where t.blocked_until is null or t.blocked_until <= ${now}
    ${RETURNING}
  `.execute(trx);
  return result.rows[0];
}

/** An attempt turned away by a live block: counted apart, so it never lengthens the block. */
async function countRefusal(db: Db, key: string, now: Date): Promise<CountRow | undefined> {
  const result = await sql<CountRow>`
    update sign_in_throttle set refused = refused + 1
    where key = ${key} and blocked_until > ${now}
    ${RETURNING}
  `.execute(db);
  return result.rows[0];
}

function pressureOf(scope: ThrottleScope, row: CountRow): KeyPressure {
  return {
    scope,
    key: row.key,
    attempts: row.failures + row.refused,
    since: row.firstFailureAt,
    alertedAt: row.alertedAt,
  };
}

type Counter = (
  trx: Db,
  key: string,
  now: Date,
  config: AuthConfig,
) => Promise<CountRow | undefined>;

function countersFor(keys: AttemptKeys): Array<[ThrottleScope, string, Counter]> {
  if ("device" in keys) return [["device", keys.device, countConsecutiveFailure]];
  // The account row is always locked before the address row, so concurrent attempts cannot deadlock.
  return [
    ["account", keys.account, countConsecutiveFailure],
    ["ip", keys.ip, countWindowFailure],
  ];
}

/**
 * Admits a sign-in attempt (counting it as a failure until it proves otherwise),
 * or reports the block that refuses it. A refused attempt adds nothing to the
 * failure counts: they are written in one transaction, rolled back when any key
 * is blocked; only the blocking key's count of refusals goes up.
 */
export async function admitSignInAttempt(
  db: Db,
  keys: AttemptKeys,
  now: Date,
  config: AuthConfig,
): Promise<Admission> {
  const counters = countersFor(keys);
  // Under attack most attempts meet a live block: one statement turns them away.
  const refused = await refuseIfBlocked(db, counters, now);
  if (refused) return refused;
  try {
    const pressure = await db.transaction().execute(async (trx) => {
      const counted: KeyPressure[] = [];
      for (const [scope, key, count] of counters) {
        const row = await count(trx, key, now, config);
        if (!row) throw new Blocked(scope);
        counted.push(pressureOf(scope, row));
      }
      return counted;
    });
    return { block: null, pressure };
  } catch (error) {
    // A block set by a concurrent attempt since the first look.
    if (!(error instanceof Blocked)) throw error;
    return (
      (await refuseIfBlocked(db, counters, now)) ?? {
        block: { scope: error.scope, retryAfterSeconds: 1 },
        pressure: [],
      }
    );
  }
}

/**
 * The first key (in counting order) with a live block refuses the attempt. One
 * statement per key, each on its own, so no lock is held while another is awaited.
 */
async function refuseIfBlocked(
  db: Db,
  counters: ReadonlyArray<[ThrottleScope, string, Counter]>,
  now: Date,
): Promise<Admission | null> {
  for (const [scope, key] of counters) {
    const row = await countRefusal(db, key, now);
    if (row) {
      return {
        block: { scope, retryAfterSeconds: retryAfterSeconds(row.blockedUntil, now) },
        pressure: [pressureOf(scope, row)],
      };
    }
  }
  return null;
}

/**
 * A correct password. A trusted browser's count starts again: its failures were
 * its owner's typos. From any other client the attempt is only taken back: the
 * failures of the account's untrusted clients may be someone else's guesses,
 * and the owner signing in must not hand that someone a fresh set; nor must
 * colleagues behind one hospital NAT signing in add up to a block of the address.
 */
export async function settleSuccessfulAttempt(
  db: Db,
  keys: AttemptKeys,
  config: AuthConfig,
): Promise<void> {
  if ("device" in keys) {
    await db.deleteFrom("signInThrottle").where("key", "=", keys.device).execute();
    return;
  }
  // The account had no live block when this attempt was admitted, and while its
  // own count blocks the account no other attempt is admitted: any block now is
  // the one this attempt set.
  await sql`
    update sign_in_throttle set failures = greatest(failures - 1, 0), blocked_until = null
    where key = ${keys.account}
  `.execute(db);
  // Attempts from one address are admitted side by side up to the limit, so the
  // block stays when the others alone reach it.
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

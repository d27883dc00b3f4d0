import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import type { AuthConfig } from "../src/config";
import { type SignInError, signIn } from "../src/sign-in";
import {
  at,
  auditRows,
  GOOD_PASSWORD,
  HOUR,
  insertUser,
  MAIL_FROM,
  MINUTE,
  SECOND,
  uniqueUsername,
} from "./fixtures";

let testDb: TestDatabase;
let db: Db;
const T0 = new Date("2026-06-03T01:00:00.000Z");
const UA = "vitest";

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.destroy();
});

let lastOctet = 0;
function freshIp(): string {
  lastOctet += 1;
  return `192.0.2.${lastOctet}`;
}

interface Attempt {
  username: string;
  password?: string;
  ip: string;
  now: Date;
  config?: Partial<AuthConfig>;
}

async function attempt(input: Attempt) {
  return signIn(db, {
    username: input.username,
    password: input.password ?? "Wrong-Passw0rd",
    ip: input.ip,
    userAgent: UA,
    mailFrom: MAIL_FROM,
    now: input.now,
    ...(input.config ? { config: input.config } : {}),
  });
}

function throttled(retryAfterSeconds: number): { ok: false; error: SignInError } {
  return { ok: false, error: { code: "throttled", retryAfterSeconds } };
}

const INVALID = { ok: false, error: { code: "invalid_credentials" } };

async function failTimes(n: number, input: Attempt) {
  for (let i = 0; i < n; i += 1) {
    expect(await attempt({ ...input, now: at(input.now, i * SECOND) })).toEqual(INVALID);
  }
}

async function throttleRow(key: string) {
  return db.selectFrom("signInThrottle").selectAll().where("key", "=", key).executeTakeFirst();
}

describe("per-account throttling", () => {
  it("blocks the account for a minute after 5 consecutive failures, even for the right password", async () => {
    const user = await insertUser(db);
    const ip = freshIp();
    await failTimes(5, { username: user.username, ip, now: T0 });
    // the 5th failure was at T0+4s, so the block runs to T0+64s
    const now = at(T0, 10 * SECOND);
    expect(await attempt({ username: user.username, ip, now })).toEqual(throttled(54));
    expect(
      await attempt({ username: user.username, password: GOOD_PASSWORD, ip: freshIp(), now }),
    ).toEqual(throttled(54));

    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.signInFailure)).filter(
      (row) => row.targetId === user.id,
    );
    expect(audit.map((row) => (row.details as { reason: string }).reason)).toEqual([
      "wrong_password",
      "wrong_password",
      "wrong_password",
      "wrong_password",
      "wrong_password",
      "throttled",
      "throttled",
    ]);
    expect(audit[6]?.details).toMatchObject({ scope: "account", retryAfterSeconds: 54 });
  });

  it("lets the owner in once the block has passed; the success takes back only its own attempt", async () => {
    const user = await insertUser(db);
    const ip = freshIp();
    await failTimes(5, { username: user.username, ip, now: T0 });
    const blockEnd = at(T0, 4 * SECOND + MINUTE);
    expect(
      await attempt({
        username: user.username,
        password: GOOD_PASSWORD,
        ip,
        now: at(blockEnd, -1),
      }),
    ).toMatchObject({ ok: false, error: { code: "throttled", retryAfterSeconds: 1 } });
    const ok = await attempt({
      username: user.username,
      password: GOOD_PASSWORD,
      ip,
      now: blockEnd,
    });
    expect(ok.ok).toBe(true);
    // The five failures may be someone else's guesses: the owner's success does not wipe them ...
    expect(await throttleRow(`user:${user.username}`)).toMatchObject({
      failures: 5,
      blockedUntil: null,
    });
    // ... so the next failure from an untrusted client blocks again, for twice as long.
    expect(await attempt({ username: user.username, ip, now: at(blockEnd, SECOND) })).toEqual(
      INVALID,
    );
    expect(
      await attempt({
        username: user.username,
        password: GOOD_PASSWORD,
        ip: freshIp(),
        now: at(blockEnd, 2 * SECOND),
      }),
    ).toEqual(throttled(119));
  });

  it("does not let refused attempts extend the block", async () => {
    const username = uniqueUsername("ghost");
    const ip = freshIp();
    await failTimes(5, { username, ip, now: T0 });
    for (const seconds of [10, 20, 30, 40, 50, 60]) {
      expect(await attempt({ username, ip, now: at(T0, seconds * SECOND) })).toEqual(
        throttled(64 - seconds),
      );
    }
    expect(await attempt({ username, ip, now: at(T0, 64 * SECOND) })).toEqual(INVALID);
  });

  it("doubles the block with each further failure, up to 15 minutes", async () => {
    const username = uniqueUsername("ghost");
    const ip = freshIp();
    await failTimes(5, { username, ip, now: T0 });
    let now = at(T0, 4 * SECOND);
    const blocks: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const refused = await attempt({ username, ip, now: at(now, SECOND) });
      if (refused.ok || refused.error.code !== "throttled") throw new Error("expected a block");
      const wait = refused.error.retryAfterSeconds + 1;
      blocks.push(wait);
      now = at(now, wait * SECOND);
      expect(await attempt({ username, ip, now })).toEqual(INVALID);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it("forgets failures after 24 hours without one", async () => {
    const username = uniqueUsername("ghost");
    const ip = freshIp();
    await failTimes(4, { username, ip, now: T0 });
    // one more failure within the day blocks ...
    const other = uniqueUsername("ghost");
    await failTimes(4, { username: other, ip, now: T0 });
    await failTimes(1, { username: other, ip, now: at(T0, 23 * HOUR) });
    expect(await attempt({ username: other, ip, now: at(T0, 23 * HOUR + SECOND) })).toMatchObject({
      error: { code: "throttled" },
    });
    // ... but after a quiet day the count starts again
    await failTimes(1, { username, ip, now: at(T0, 24 * HOUR + 3 * SECOND) });
    expect(await attempt({ username, ip, now: at(T0, 24 * HOUR + 5 * SECOND) })).toEqual(INVALID);
    expect((await throttleRow(`user:${username}`))?.failures).toBe(2);
  });

  it("keys the account on the lower-cased username, whether or not it exists", async () => {
    const ip = freshIp();
    const username = uniqueUsername("nobody");
    await failTimes(3, { username, ip, now: T0 });
    await failTimes(2, { username: username.toUpperCase(), ip, now: at(T0, 3 * SECOND) });
    expect((await throttleRow(`user:${username}`))?.failures).toBe(5);
    expect(
      await attempt({
        username: `${username[0]?.toUpperCase()}${username.slice(1)}`,
        ip,
        now: at(T0, 6 * SECOND),
      }),
    ).toMatchObject({
      error: { code: "throttled" },
    });
  });

  it("counts concurrent failures without losing any", async () => {
    const username = uniqueUsername("ghost");
    const ip = freshIp();
    await Promise.all(Array.from({ length: 4 }, () => attempt({ username, ip, now: T0 })));
    expect((await throttleRow(`user:${username}`))?.failures).toBe(4);
    expect((await throttleRow(`ip:${ip}`))?.failures).toBe(4);
  });

  it("admits exactly five of a burst of parallel guesses", async () => {
    const user = await insertUser(db);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        attempt({ username: user.username, ip: freshIp(), now: T0 }),
      ),
    );
    const codes = results.map((r) => (r.ok ? "ok" : r.error.code));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(5);
    expect(codes.filter((c) => c === "throttled")).toHaveLength(7);
    expect((await throttleRow(`user:${user.username}`))?.failures).toBe(5);
  });
});

describe("per-address throttling", () => {
  it("blocks an address for 15 minutes after 50 failures across usernames", async () => {
    const ip = freshIp();
    for (let i = 0; i < 50; i += 1) {
      expect(
        await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, i * SECOND) }),
      ).toEqual(INVALID);
    }
    const user = await insertUser(db);
    const now = at(T0, 60 * SECOND);
    // the 50th failure was at T0+49s: blocked until T0+49s+15min
    expect(await attempt({ username: user.username, password: GOOD_PASSWORD, ip, now })).toEqual(
      throttled(15 * 60 - 11),
    );
    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.signInFailure)).filter(
      (row) => row.targetId === user.id,
    );
    expect(audit.at(-1)?.details).toMatchObject({ reason: "throttled", scope: "ip" });
    // the refused attempt did not count against the account
    expect(await throttleRow(`user:${user.username}`)).toBeUndefined();
    // another address is not affected
    expect(
      (await attempt({ username: user.username, password: GOOD_PASSWORD, ip: freshIp(), now })).ok,
    ).toBe(true);
    // and the block ends
    const after = at(T0, 49 * SECOND + 15 * MINUTE);
    expect(
      (await attempt({ username: user.username, password: GOOD_PASSWORD, ip, now: after })).ok,
    ).toBe(true);
  });

  it("counts failures in a 15-minute window only", async () => {
    const ip = freshIp();
    const config = { ipFailuresBeforeBlock: 3 };
    await attempt({ username: uniqueUsername("spray"), ip, now: T0, config });
    await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, MINUTE), config });
    // the window that began at T0 is over: this failure starts a new count
    await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, 15 * MINUTE), config });
    expect((await throttleRow(`ip:${ip}`))?.failures).toBe(1);
    await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, 16 * MINUTE), config });
    await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, 17 * MINUTE), config });
    expect(
      await attempt({ username: uniqueUsername("spray"), ip, now: at(T0, 18 * MINUTE), config }),
    ).toEqual(throttled(14 * 60));
  });

  it("treats every address of one IPv6 /64 as one client", async () => {
    const config = { ipFailuresBeforeBlock: 2 };
    await attempt({ username: uniqueUsername("v6"), ip: "2001:db8:7:1::a", now: T0, config });
    await attempt({ username: uniqueUsername("v6"), ip: "2001:db8:7:1::b", now: T0, config });
    expect(
      await attempt({
        username: uniqueUsername("v6"),
        ip: "2001:db8:7:1:ffff::1",
        now: T0,
        config,
      }),
    ).toMatchObject({ error: { code: "throttled" } });
    expect(
      await attempt({ username: uniqueUsername("v6"), ip: "2001:db8:7:2::1", now: T0, config }),
    ).toEqual(INVALID);
  });

  it("does not count successful sign-ins from a shared address", async () => {
    const ip = freshIp();
    const config = { ipFailuresBeforeBlock: 3 };
    for (let i = 0; i < 6; i += 1) {
      const user = await insertUser(db);
      const result = await attempt({
        username: user.username,
        password: GOOD_PASSWORD,
        ip,
        now: T0,
        config,
      });
      expect(result.ok).toBe(true);
    }
    expect((await throttleRow(`ip:${ip}`))?.failures).toBe(0);
    await attempt({ username: uniqueUsername("x"), ip, now: T0, config });
    await attempt({ username: uniqueUsername("x"), ip, now: T0, config });
    // two real failures, then a success that was the third counted attempt: no block
    const user = await insertUser(db);
    expect(
      (await attempt({ username: user.username, password: GOOD_PASSWORD, ip, now: T0, config })).ok,
    ).toBe(true);
    expect(await throttleRow(`ip:${ip}`)).toMatchObject({ failures: 2, blockedUntil: null });
  });
});

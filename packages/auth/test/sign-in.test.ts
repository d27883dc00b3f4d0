import { hash } from "@node-rs/argon2";
import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import { needsRehash, PASSWORD_HASH_OPTIONS, verifyPassword } from "../src/password-hash";
import { validateSessionToken } from "../src/session";
import {
  SIGN_IN_INVALID_CREDENTIALS_MESSAGE_JA,
  signIn,
  signInErrorMessageJa,
  signOut,
} from "../src/sign-in";
import { hashToken } from "../src/tokens";
import {
  at,
  auditRows,
  GOOD_PASSWORD,
  HOUR,
  insertUser,
  MAIL_FROM,
  SECOND,
  uniqueUsername,
} from "./fixtures";

let testDb: TestDatabase;
let db: Db;
const T0 = new Date("2026-06-03T01:00:00.000Z");
const IP = "203.0.113.7";
const UA = "Mozilla/5.0 (Windows NT 10.0)";

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.destroy();
});

/** Each test signs in from its own address so the per-address count never interferes. */
let lastOctet = 0;
function freshIp(): string {
  lastOctet += 1;
  return `198.51.100.${lastOctet}`;
}

async function auditFor(action: string, userIdOrUsername: string) {
  return (await auditRows(db, action)).filter(
    (row) =>
      row.targetId === userIdOrUsername ||
      (row.details as { username?: string }).username === userIdOrUsername,
  );
}

describe("signIn", () => {
  it("signs in with the right password and starts a session for the returned token", async () => {
    const user = await insertUser(db);
    const result = await signIn(db, {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: IP,
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
    expect(result.value.user).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "ministry",
      institutionId: null,
      prefectureCode: null,
      email: user.email,
      leadOfficer: false,
    });
    expect(result.value.expiresAt).toEqual(at(T0, 12 * HOUR));
    const validated = await validateSessionToken(db, result.value.token, at(T0, SECOND));
    expect(validated?.user.id).toBe(user.id);
    const session = await db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", hashToken(result.value.token))
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ ip: IP, userAgent: UA });

    const audit = await auditFor(AUTH_AUDIT_ACTIONS.signInSuccess, user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, actorRole: "ministry", ip: IP });
    expect(JSON.stringify(audit)).not.toContain(GOOD_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(result.value.token);
  });

  it("accepts the username in any case", async () => {
    const user = await insertUser(db, { username: uniqueUsername("Sato.") });
    const result = await signIn(db, {
      username: user.username.toUpperCase(),
      password: GOOD_PASSWORD,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result.ok).toBe(true);
  });

  it("issues a new token at every sign-in, and earlier sessions stay valid", async () => {
    const user = await insertUser(db);
    const input = {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
    };
    const first = await signIn(db, { ...input, now: T0 });
    const second = await signIn(db, { ...input, now: at(T0, SECOND) });
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(first.value.token).not.toBe(second.value.token);
    expect(await validateSessionToken(db, first.value.token, at(T0, 2 * SECOND))).not.toBeNull();
    expect(await validateSessionToken(db, second.value.token, at(T0, 2 * SECOND))).not.toBeNull();
  });

  it("refuses a wrong password with the generic error and audits why", async () => {
    const user = await insertUser(db);
    const result = await signIn(db, {
      username: user.username,
      password: "Wrong-Passw0rd",
      ip: IP,
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result).toEqual({ ok: false, error: { code: "invalid_credentials" } });
    const audit = await auditFor(AUTH_AUDIT_ACTIONS.signInFailure, user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({
      username: user.username,
      reason: "wrong_password",
      trustedDevice: false,
    });
    expect(audit[0]?.ip).toBe(IP);
    expect(JSON.stringify(audit)).not.toContain("Wrong-Passw0rd");
    expect(await db.selectFrom("sessions").where("userId", "=", user.id).execute()).toEqual([]);
  });

  it("refuses a password that differs only by a trailing space or a full-width digit", async () => {
    const user = await insertUser(db, { password: "Passw0rd１" });
    const base = {
      username: user.username,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    };
    expect((await signIn(db, { ...base, password: "Passw0rd１ " })).ok).toBe(false);
    expect((await signIn(db, { ...base, password: "Passw0rd1" })).ok).toBe(false);
    expect((await signIn(db, { ...base, password: "Passw0rd１" })).ok).toBe(true);
  });

  it("refuses an unknown username with the same error and audits it", async () => {
    const username = uniqueUsername("ghost");
    const result = await signIn(db, {
      username,
      password: "Some-Passw0rd",
      ip: IP,
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result).toEqual({ ok: false, error: { code: "invalid_credentials" } });
    const audit = await auditFor(AUTH_AUDIT_ACTIONS.signInFailure, username);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: null, targetId: null });
    expect(audit[0]?.details).toEqual({ username, reason: "unknown_user", trustedDevice: false });
    expect(JSON.stringify(audit)).not.toContain("Some-Passw0rd");
  });

  it("refuses a disabled user even with the right password, without saying so", async () => {
    const user = await insertUser(db, { disabledAt: T0 });
    const result = await signIn(db, {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result).toEqual({ ok: false, error: { code: "invalid_credentials" } });
    expect(await db.selectFrom("sessions").where("userId", "=", user.id).execute()).toEqual([]);
    const audit = await auditFor(AUTH_AUDIT_ACTIONS.signInFailure, user.id);
    expect(audit[0]?.details).toMatchObject({ reason: "disabled" });
  });

  it("upgrades a hash made with older parameters at the next successful sign-in", async () => {
    const legacy = await hash(GOOD_PASSWORD, { ...PASSWORD_HASH_OPTIONS, timeCost: 1 });
    const user = await insertUser(db, { passwordHash: legacy });
    const result = await signIn(db, {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result.ok).toBe(true);
    const { passwordHash } = await db
      .selectFrom("users")
      .select("passwordHash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(passwordHash).not.toBe(legacy);
    expect(needsRehash(passwordHash)).toBe(false);
    expect(await verifyPassword(passwordHash, GOOD_PASSWORD)).toBe(true);
  });

  it("does not fail when the client address is not an IP address", async () => {
    const user = await insertUser(db);
    const result = await signIn(db, {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: "unknown",
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    expect(result.ok).toBe(true);
  });
});

describe("signOut", () => {
  it("deletes the session on the server and audits it", async () => {
    const user = await insertUser(db);
    const result = await signIn(db, {
      username: user.username,
      password: GOOD_PASSWORD,
      ip: freshIp(),
      userAgent: UA,
      mailFrom: MAIL_FROM,
      now: T0,
    });
    if (!result.ok) throw new Error("sign-in failed");
    const validated = await validateSessionToken(db, result.value.token, at(T0, SECOND));
    if (!validated) throw new Error("session missing");
    await signOut(db, {
      sessionId: validated.session.id,
      user: validated.user,
      ip: IP,
      now: at(T0, 2 * SECOND),
    });
    expect(await validateSessionToken(db, result.value.token, at(T0, 3 * SECOND))).toBeNull();
    const audit = await auditFor(AUTH_AUDIT_ACTIONS.signOut, user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, actorRole: "ministry", ip: IP });
  });
});

describe("signInErrorMessageJa", () => {
  it("words each refusal in Japanese, with the wait in whole minutes", () => {
    expect(signInErrorMessageJa({ code: "invalid_credentials" })).toBe(
      SIGN_IN_INVALID_CREDENTIALS_MESSAGE_JA,
    );
    expect(signInErrorMessageJa({ code: "throttled", retryAfterSeconds: 60 })).toContain("1分");
    expect(signInErrorMessageJa({ code: "throttled", retryAfterSeconds: 61 })).toContain("2分");
    expect(signInErrorMessageJa({ code: "throttled", retryAfterSeconds: 5 })).toContain("1分");
  });
});

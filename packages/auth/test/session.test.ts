import { createDb, type Db, switchReadOnly } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  expiredSessionCookieOptions,
  invalidateSession,
  invalidateUserSessions,
  SESSION_COOKIE_NAME,
  sessionCookieOptions,
  validateSessionToken,
} from "../src/session";
import { hashToken } from "../src/tokens";
import { at, HOUR, insertUser, MINUTE, SECOND } from "./fixtures";

let testDb: TestDatabase;
let db: Db;
const T0 = new Date("2026-06-03T01:00:00.000Z");

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.destroy();
});

async function storedSession(id: string) {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

describe("createSession", () => {
  it("stores only the SHA-256 of the token, with the absolute expiry and the client", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, {
      now: T0,
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (iPhone)",
    });
    expect(session.id).toBe(hashToken(token));
    const row = await storedSession(session.id);
    expect(row).toMatchObject({
      userId: user.id,
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: at(T0, 12 * HOUR),
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (iPhone)",
    });
    const everything = JSON.stringify(await db.selectFrom("sessions").selectAll().execute());
    expect(everything).not.toContain(token);
    expect(session.idleExpiresAt).toEqual(at(T0, 30 * MINUTE));
  });

  it("issues a different token for every session", async () => {
    const user = await insertUser(db);
    const a = await createSession(db, user.id, { now: T0 });
    const b = await createSession(db, user.id, { now: T0 });
    expect(a.token).not.toBe(b.token);
  });

  it("keeps a session even when the client address is not a valid IP", async () => {
    const user = await insertUser(db);
    const { session } = await createSession(db, user.id, { now: T0, ip: "unknown" });
    expect((await storedSession(session.id))?.ip).toBeNull();
  });
});

describe("validateSessionToken", () => {
  it("returns the session and the signed-in user without secrets", async () => {
    const user = await insertUser(db);
    const { token } = await createSession(db, user.id, { now: T0 });
    const result = await validateSessionToken(db, token, at(T0, 5 * SECOND));
    expect(result?.user).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "ministry",
      institutionId: null,
      prefectureCode: null,
      email: user.email,
      leadOfficer: false,
    });
    expect(result?.session.userId).toBe(user.id);
  });

  it("returns null for an unknown, empty or absurdly long token", async () => {
    expect(await validateSessionToken(db, "a".repeat(32), T0)).toBeNull();
    expect(await validateSessionToken(db, "", T0)).toBeNull();
    expect(await validateSessionToken(db, "a".repeat(10_000), T0)).toBeNull();
  });

  it("ends a session after 30 minutes without a request, and deletes it", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    expect(await validateSessionToken(db, token, at(T0, 30 * MINUTE - 1))).not.toBeNull();

    const other = await createSession(db, user.id, { now: T0 });
    expect(await validateSessionToken(db, other.token, at(T0, 30 * MINUTE))).toBeNull();
    expect(await storedSession(other.session.id)).toBeUndefined();
    expect(await storedSession(session.id)).toBeDefined();
  });

  it("slides the idle expiry forward with activity", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    const first = await validateSessionToken(db, token, at(T0, 29 * MINUTE));
    expect(first?.session.idleExpiresAt).toEqual(at(T0, 59 * MINUTE));
    expect(await validateSessionToken(db, token, at(T0, 58 * MINUTE))).not.toBeNull();
    expect((await storedSession(session.id))?.lastSeenAt).toEqual(at(T0, 58 * MINUTE));
    expect(await validateSessionToken(db, token, at(T0, 88 * MINUTE))).toBeNull();
  });

  it("writes last_seen_at at most once a minute", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    await validateSessionToken(db, token, at(T0, 30 * SECOND));
    await validateSessionToken(db, token, at(T0, 59 * SECOND));
    expect((await storedSession(session.id))?.lastSeenAt).toEqual(T0);
    await validateSessionToken(db, token, at(T0, 60 * SECOND));
    expect((await storedSession(session.id))?.lastSeenAt).toEqual(at(T0, 60 * SECOND));
    await validateSessionToken(db, token, at(T0, 90 * SECOND));
    expect((await storedSession(session.id))?.lastSeenAt).toEqual(at(T0, 60 * SECOND));
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await validateSessionToken(db, token, at(T0, minutes * MINUTE))).not.toBeNull();
    }
    const last = await validateSessionToken(db, token, at(T0, 12 * HOUR - 1));
    expect(last?.session.idleExpiresAt).toEqual(at(T0, 12 * HOUR));
    expect(await validateSessionToken(db, token, at(T0, 12 * HOUR))).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it("honours overridden lifetimes", async () => {
    const user = await insertUser(db);
    const config = { sessionIdleTimeoutMs: 5 * MINUTE, sessionAbsoluteLifetimeMs: HOUR };
    const { token, session } = await createSession(db, user.id, { now: T0, config });
    expect(session.expiresAt).toEqual(at(T0, HOUR));
    expect(await validateSessionToken(db, token, at(T0, 4 * MINUTE), config)).not.toBeNull();
    expect(await validateSessionToken(db, token, at(T0, 9 * MINUTE), config)).toBeNull();
  });

  it("refuses and deletes the sessions of a disabled user", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    await db.updateTable("users").set({ disabledAt: T0 }).where("id", "=", user.id).execute();
    expect(await validateSessionToken(db, token, at(T0, SECOND))).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });
});

describe("validateSessionToken's cost", () => {
  it("is one statement whether it reads, slides or ends the session", async () => {
    const statements: string[] = [];
    const counted = createDb(testDb.url, {
      max: 1,
      log: (event) => {
        if (event.level === "query") statements.push(event.query.sql);
      },
    });
    try {
      const user = await insertUser(db);
      const { token, session } = await createSession(db, user.id, { now: T0 });
      expect(await validateSessionToken(counted, token, at(T0, SECOND))).not.toBeNull();
      expect(statements).toHaveLength(1);
      expect(await validateSessionToken(counted, token, at(T0, 2 * MINUTE))).not.toBeNull();
      expect((await storedSession(session.id))?.lastSeenAt).toEqual(at(T0, 2 * MINUTE));
      expect(statements).toHaveLength(2);
      expect(await validateSessionToken(counted, token, at(T0, 40 * MINUTE))).toBeNull();
      expect(await storedSession(session.id)).toBeUndefined();
      expect(statements).toHaveLength(3);
    } finally {
      await counted.destroy();
    }
  });

  it("reads the ministry's read-only switch in the same statement", async () => {
    const user = await insertUser(db);
    const { token } = await createSession(db, user.id, { now: T0 });
    expect((await validateSessionToken(db, token, at(T0, SECOND)))?.readOnly).toBe(false);
    await switchReadOnly(db, { readOnly: true, reason: "試験", at: T0, actor: null, via: "cli" });
    try {
      expect((await validateSessionToken(db, token, at(T0, 2 * SECOND)))?.readOnly).toBe(true);
    } finally {
      await switchReadOnly(db, {
        readOnly: false,
        reason: "試験",
        at: T0,
        actor: null,
        via: "cli",
      });
    }
  });
});

describe("a session that lasts until a given instant (lastsUntil)", () => {
  const WEEK_CLOSES = at(T0, 5 * 24 * HOUR);

  it("has no idle timeout and ends at that instant, not 12 hours after sign-in", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, {
      now: T0,
      lastsUntil: WEEK_CLOSES,
    });
    expect(session.expiresAt).toEqual(WEEK_CLOSES);
    expect(session.idleExpiresAt).toEqual(WEEK_CLOSES);
    expect((await storedSession(session.id))?.idleTimeout).toBe(false);
    // Two days without a request, then past the usual 12 hours: still signed in.
    const later = await validateSessionToken(db, token, at(T0, 48 * HOUR));
    expect(later?.session.idleExpiresAt).toEqual(WEEK_CLOSES);
    expect(await validateSessionToken(db, token, at(WEEK_CLOSES, -1))).not.toBeNull();
    expect(await validateSessionToken(db, token, WEEK_CLOSES)).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it("keeps the usual limits when the instant comes sooner than 12 hours", async () => {
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, {
      now: T0,
      lastsUntil: at(T0, HOUR),
    });
    expect(session.expiresAt).toEqual(at(T0, 12 * HOUR));
    expect(await validateSessionToken(db, token, at(T0, 30 * MINUTE))).toBeNull();
  });

  it("still ends when the user is disabled", async () => {
    const user = await insertUser(db);
    const { token } = await createSession(db, user.id, { now: T0, lastsUntil: WEEK_CLOSES });
    await db.updateTable("users").set({ disabledAt: T0 }).where("id", "=", user.id).execute();
    expect(await validateSessionToken(db, token, at(T0, SECOND))).toBeNull();
  });
});

describe("invalidating sessions", () => {
  it("invalidateSession ends exactly that session", async () => {
    const user = await insertUser(db);
    const a = await createSession(db, user.id, { now: T0 });
    const b = await createSession(db, user.id, { now: T0 });
    await invalidateSession(db, a.session.id);
    expect(await validateSessionToken(db, a.token, T0)).toBeNull();
    expect(await validateSessionToken(db, b.token, T0)).not.toBeNull();
  });

  it("invalidateUserSessions ends every session of the user and no one else's", async () => {
    const user = await insertUser(db);
    const other = await insertUser(db);
    const a = await createSession(db, user.id, { now: T0 });
    const b = await createSession(db, user.id, { now: T0 });
    const c = await createSession(db, other.id, { now: T0 });
    expect(await invalidateUserSessions(db, user.id)).toBe(2);
    expect(await validateSessionToken(db, a.token, T0)).toBeNull();
    expect(await validateSessionToken(db, b.token, T0)).toBeNull();
    expect(await validateSessionToken(db, c.token, T0)).not.toBeNull();
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, site-wide and expires with the session", () => {
    const expiresAt = at(T0, 12 * HOUR);
    expect(SESSION_COOKIE_NAME).toBe("sos_session");
    expect(sessionCookieOptions({ secure: true, expiresAt, now: T0 })).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      maxAge: 12 * 60 * 60,
      expires: expiresAt,
    });
    expect(sessionCookieOptions({ secure: false, expiresAt, now: T0 }).secure).toBe(false);
  });

  it("counts its lifetime in seconds from the server's now, never below zero", () => {
    const expiresAt = at(T0, 12 * HOUR);
    expect(sessionCookieOptions({ secure: true, expiresAt, now: at(T0, 1500) }).maxAge).toBe(
      12 * 60 * 60 - 2,
    );
    expect(sessionCookieOptions({ secure: true, expiresAt, now: at(T0, 13 * HOUR) }).maxAge).toBe(
      0,
    );
  });

  it("is cleared with an expiry in the past", () => {
    const cleared = expiredSessionCookieOptions({ secure: true });
    expect(cleared.expires.getTime()).toBe(0);
    expect(cleared.maxAge).toBe(0);
    expect(cleared).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredAuthRecords } from "../src/housekeeping";
import { createSession } from "../src/session";
import { at, HOUR, insertUser, MINUTE } from "./fixtures";

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

describe("purgeExpiredAuthRecords", () => {
  it("deletes what can no longer be used and keeps what still can", async () => {
    const user = await insertUser(db);
    const now = at(T0, 13 * HOUR);
    const idle = await createSession(db, user.id, { now: at(now, -31 * MINUTE) });
    const live = await createSession(db, user.id, { now: at(now, -5 * MINUTE) });
    const pastAbsolute = await createSession(db, user.id, { now: T0 });
    await db
      .updateTable("sessions")
      .set({ lastSeenAt: at(now, -MINUTE) })
      .where("id", "=", pastAbsolute.session.id)
      .execute();

    await db
      .insertInto("passwordResetTokens")
      .values([
        { id: "1".repeat(64), userId: user.id, createdAt: T0, expiresAt: at(T0, HOUR) },
        {
          id: "2".repeat(64),
          userId: user.id,
          createdAt: at(now, -HOUR),
          expiresAt: now,
        },
      ])
      .execute();
    const day = 24 * HOUR;
    await db
      .insertInto("signInThrottle")
      .values([
        {
          key: "user:stale",
          failures: 3,
          firstFailureAt: at(now, -2 * day),
          lastFailureAt: at(now, -day - 1),
        },
        {
          key: "user:recent",
          failures: 3,
          firstFailureAt: at(now, -HOUR),
          lastFailureAt: at(now, -HOUR),
        },
        {
          key: "user:blocked",
          failures: 9,
          firstFailureAt: at(now, -2 * day),
          lastFailureAt: at(now, -2 * day),
          blockedUntil: at(now, MINUTE),
        },
      ])
      .execute();
    await db
      .insertInto("trustedDevices")
      .values([
        { id: "a".repeat(64), userId: user.id, createdAt: at(now, -200 * day), expiresAt: now },
        { id: "b".repeat(64), userId: user.id, createdAt: now, expiresAt: at(now, day) },
      ])
      .execute();

    // tokens are kept for a day after expiring; the first one expired 12 hours ago
    expect(await purgeExpiredAuthRecords(db, now)).toEqual({
      sessions: 2,
      passwordResetTokens: 0,
      signInThrottle: 1,
      trustedDevices: 1,
    });
    const devices = await db.selectFrom("trustedDevices").select("id").execute();
    expect(devices.map((d) => d.id)).toEqual(["b".repeat(64)]);
    const sessions = await db.selectFrom("sessions").select("id").execute();
    expect(sessions.map((s) => s.id)).toEqual([live.session.id]);
    expect(sessions.map((s) => s.id)).not.toContain(idle.session.id);
    const keys = (await db.selectFrom("signInThrottle").select("key").execute()).map((r) => r.key);
    expect(keys.sort()).toEqual(["user:blocked", "user:recent"]);

    const later = at(T0, HOUR + day);
    const purged = await purgeExpiredAuthRecords(db, later);
    expect(purged.passwordResetTokens).toBe(1);
    const tokens = await db.selectFrom("passwordResetTokens").select("id").execute();
    expect(tokens.map((t) => t.id)).toEqual(["2".repeat(64)]);
  });
});

import { describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "../src/session";
import { extendSession, sessionTimeLeft } from "../src/session-extend";
import { at, HOUR, insertUser, MINUTE, SECOND, useTestDatabase } from "./fixtures";

const database = useTestDatabase();
const T0 = new Date("2026-06-03T01:00:00.000Z");

async function lastSeen(id: string) {
  const row = await database.db
    .selectFrom("sessions")
    .select("lastSeenAt")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.lastSeenAt;
}

/** A request every 20 minutes from T0 up to `until`, so the idle timeout never ends it. */
async function keepBusy(token: string, until: number) {
  for (let offset = 20 * MINUTE; offset <= until; offset += 20 * MINUTE) {
    expect(await validateSessionToken(database.db, token, at(T0, offset))).not.toBeNull();
  }
}

describe("a request the user did not make (touch: false)", () => {
  it("is answered but does not keep the session alive", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    // A background poll every minute for 29 minutes moves nothing.
    for (let minute = 1; minute < 30; minute += 1) {
      const polled = await validateSessionToken(db, token, at(T0, minute * MINUTE), undefined, {
        touch: false,
      });
      expect(polled?.session.idleExpiresAt).toEqual(at(T0, 30 * MINUTE));
    }
    expect(await lastSeen(session.id)).toEqual(T0);
    expect(
      await validateSessionToken(db, token, at(T0, 30 * MINUTE), undefined, { touch: false }),
    ).toBeNull();
  });

  it("leaves an ordinary request sliding the session as before", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    await validateSessionToken(db, token, at(T0, 10 * MINUTE));
    expect(await lastSeen(session.id)).toEqual(at(T0, 10 * MINUTE));
  });
});

describe("sessionTimeLeft", () => {
  it("counts the idle and absolute ends from the server's now, without sliding", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { session } = await createSession(db, user.id, { now: T0 });
    expect(await sessionTimeLeft(db, session.id, at(T0, 28 * MINUTE))).toEqual({
      idleExpiresInMs: 2 * MINUTE,
      expiresInMs: 12 * HOUR - 28 * MINUTE,
    });
    expect(await lastSeen(session.id)).toEqual(T0);
    expect(await sessionTimeLeft(db, session.id, at(T0, 30 * MINUTE))).toBeNull();
    expect(await sessionTimeLeft(db, "0".repeat(64), T0)).toBeNull();
  });

  it("has no idle end for a session without an idle timeout", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const until = at(T0, 48 * HOUR);
    const { session } = await createSession(db, user.id, { now: T0, lastsUntil: until });
    expect(await sessionTimeLeft(db, session.id, at(T0, HOUR))).toEqual({
      idleExpiresInMs: null,
      expiresInMs: 47 * HOUR,
    });
  });

  it("has no idle end once the absolute end comes first (extending could not help)", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    await keepBusy(token, 11 * HOUR + 40 * MINUTE);
    expect(await sessionTimeLeft(db, session.id, at(T0, 11 * HOUR + 50 * MINUTE))).toEqual({
      idleExpiresInMs: null,
      expiresInMs: 10 * MINUTE,
    });
  });
});

describe("extendSession (延長)", () => {
  it("starts the idle timeout again from now, so the session outlives its old end", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { token, session } = await createSession(db, user.id, { now: T0 });
    const extended = await extendSession(db, session.id, at(T0, 28 * MINUTE));
    expect(extended).toEqual({
      idleExpiresInMs: 30 * MINUTE,
      expiresInMs: 12 * HOUR - 28 * MINUTE,
    });
    expect(await lastSeen(session.id)).toEqual(at(T0, 28 * MINUTE));
    // Past the old end (T0 + 30 min) and up to the new one, still signed in.
    expect(await validateSessionToken(db, token, at(T0, 57 * MINUTE))).not.toBeNull();
  });

  it("extends even within the touch interval of the last request", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { session } = await createSession(db, user.id, { now: T0 });
    expect(await extendSession(db, session.id, at(T0, 30 * SECOND))).toMatchObject({
      idleExpiresInMs: 30 * MINUTE,
    });
    expect(await lastSeen(session.id)).toEqual(at(T0, 30 * SECOND));
  });

  it("never moves last_seen_at back", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const { session } = await createSession(db, user.id, { now: at(T0, 5 * MINUTE) });
    expect(await extendSession(db, session.id, T0)).toMatchObject({
      idleExpiresInMs: 35 * MINUTE,
    });
    expect(await lastSeen(session.id)).toEqual(at(T0, 5 * MINUTE));
  });

  it("cannot revive a session that has already ended, nor pass the absolute end", async () => {
    const { db } = database;
    const user = await insertUser(db);
    const idle = await createSession(db, user.id, { now: T0 });
    expect(await extendSession(db, idle.session.id, at(T0, 30 * MINUTE))).toBeNull();
    expect(await lastSeen(idle.session.id)).toEqual(T0);

    const busy = await createSession(db, user.id, { now: T0 });
    await keepBusy(busy.token, 11 * HOUR + 40 * MINUTE);
    const nearEnd = await extendSession(db, busy.session.id, at(T0, 11 * HOUR + 45 * MINUTE));
    expect(nearEnd).toEqual({ idleExpiresInMs: null, expiresInMs: 15 * MINUTE });
    expect(await validateSessionToken(db, busy.token, at(T0, 12 * HOUR))).toBeNull();
  });
});

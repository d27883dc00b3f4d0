import { validateSessionToken } from "@sos/auth";
import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, createTestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { jst } from "./fixtures/institution-world";

// The deadline-day sign-in wall: an institution that signs in from a browser it
// has signed in from before keeps that session until its survey week closes
// (Wednesday 18:35 Tokyo), so one sign-in a week carries it through the
// deadline without another argon2 check in the busiest hour.

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});

afterAll(async () => {
  await tdb.destroy();
});

/** Signs in through auth.signIn at `local` Tokyo time; returns the cookies it set. */
async function signInAt(
  user: { username: string; password: string },
  local: string,
  deviceTokens: readonly string[] = [],
) {
  const ctx = createTestContext(db, { now: () => jst(local), deviceTokens });
  await createTestCaller(ctx).auth.signIn({ username: user.username, password: user.password });
  const session = ctx.cookies.set[0];
  const device = ctx.cookies.device[0];
  if (!session || !device) throw new Error("signed in without cookies");
  return { session, device };
}

describe("an institution's session on a browser it signed in from before", () => {
  it("lasts until the survey week closes, without the idle timeout", async () => {
    const staff = await createTestUser(db, "institution");
    // Thursday: a new browser gets the usual 12 hours (and a device cookie).
    const first = await signInAt(staff, "2026-12-03 09:00");
    expect(first.session.expiresAt).toEqual(jst("2026-12-03 21:00"));

    // Friday, the same browser: until Wednesday 18:35, the week's close.
    const second = await signInAt(staff, "2026-12-04 09:00", first.device.tokens);
    expect(second.session.expiresAt).toEqual(jst("2026-12-09 18:35"));
    // Untouched over the weekend, still signed in on the deadline afternoon; over at the close.
    const token = second.session.token;
    expect(await validateSessionToken(db, token, jst("2026-12-09 16:59:59"))).not.toBeNull();
    expect(await validateSessionToken(db, token, jst("2026-12-09 18:35"))).toBeNull();
  });

  it("keeps 12 hours and the idle timeout for other roles and for a new browser", async () => {
    const officer = await createTestUser(db, "prefecture");
    const first = await signInAt(officer, "2026-12-03 09:00");
    const again = await signInAt(officer, "2026-12-04 09:00", first.device.tokens);
    expect(again.session.expiresAt).toEqual(jst("2026-12-04 21:00"));
    expect(await validateSessionToken(db, again.session.token, jst("2026-12-04 09:31"))).toBeNull();

    const staff = await createTestUser(db, "institution");
    const elsewhere = await signInAt(staff, "2026-12-04 09:00", ["a".repeat(32)]);
    expect(elsewhere.session.expiresAt).toEqual(jst("2026-12-04 21:00"));
  });

  it("never ends sooner than the usual 12 hours near the close", async () => {
    const staff = await createTestUser(db, "institution");
    const first = await signInAt(staff, "2026-12-09 09:00");
    const late = await signInAt(staff, "2026-12-09 18:00", first.device.tokens);
    expect(late.session.expiresAt).toEqual(jst("2026-12-10 06:00"));
  });
});

import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { DOMAIN_ERROR_MESSAGES } from "@sos/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestUser, type TestUser } from "../src/testing";

// auth.session and auth.extendSession (「延長」, issue 16): each caller reads and
// extends its own session only, on the server's clock.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date("2026-11-25T01:00:00.000Z");

let tdb: TestDatabase;
let institutionA: TestUser;
let institutionB: TestUser;
let officer: TestUser;
let vendor: TestUser;
let clock = T0;
const now = () => clock;

beforeAll(async () => {
  tdb = await createTestDatabase();
  institutionA = await createTestUser(tdb.db, "institution");
  institutionB = await createTestUser(tdb.db, "institution");
  officer = await createTestUser(tdb.db, "prefecture", { prefectureCode: 13 });
  vendor = await createTestUser(tdb.db, "vendor");
});

afterAll(async () => {
  await tdb.destroy();
});

async function lastSeen(sessionId: string) {
  const row = await tdb.db
    .selectFrom("sessions")
    .select("lastSeenAt")
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return row?.lastSeenAt;
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("auth.session", () => {
  it("tells how long the caller's own session has left, without extending it", async () => {
    clock = T0;
    const { ctx, caller } = await callerFor(tdb.db, institutionA.user, { now });
    clock = new Date(T0.getTime() + 28 * MINUTE);
    expect(await caller.auth.session()).toEqual({
      idleExpiresInMs: 2 * MINUTE,
      expiresInMs: 12 * HOUR - 28 * MINUTE,
    });
    expect(await lastSeen(ctx.session?.id ?? "")).toEqual(T0);
  });

  it("answers null signed out, and once the session is over", async () => {
    clock = T0;
    const anonymous = await callerFor(tdb.db, null, { now });
    expect(await anonymous.caller.auth.session()).toBeNull();
    const { caller } = await callerFor(tdb.db, vendor.user, { now });
    clock = new Date(T0.getTime() + 30 * MINUTE);
    expect(await caller.auth.session()).toBeNull();
  });
});

describe("auth.extendSession (延長)", () => {
  it("starts the caller's idle timeout again from now", async () => {
    clock = T0;
    const { ctx, caller } = await callerFor(tdb.db, institutionA.user, { now });
    clock = new Date(T0.getTime() + 28 * MINUTE);
    expect(await caller.auth.extendSession()).toEqual({
      idleExpiresInMs: 30 * MINUTE,
      expiresInMs: 12 * HOUR - 28 * MINUTE,
    });
    expect(await lastSeen(ctx.session?.id ?? "")).toEqual(clock);
    clock = new Date(T0.getTime() + 50 * MINUTE);
    expect(await caller.auth.session()).toMatchObject({ idleExpiresInMs: 8 * MINUTE });
  });

  it("extends only the caller's session: another institution's stays as it was", async () => {
    clock = T0;
    const a = await callerFor(tdb.db, institutionA.user, { now });
    const b = await callerFor(tdb.db, institutionB.user, { now });
    clock = new Date(T0.getTime() + 20 * MINUTE);
    await a.caller.auth.extendSession();
    expect(await lastSeen(a.ctx.session?.id ?? "")).toEqual(clock);
    expect(await lastSeen(b.ctx.session?.id ?? "")).toEqual(T0);
    expect(await b.caller.auth.session()).toMatchObject({ idleExpiresInMs: 10 * MINUTE });
  });

  it("lets an officer and a vendor extend their own sessions, nobody else's", async () => {
    clock = T0;
    const a = await callerFor(tdb.db, institutionA.user, { now });
    const prefecture = await callerFor(tdb.db, officer.user, { now });
    const shop = await callerFor(tdb.db, vendor.user, { now });
    clock = new Date(T0.getTime() + 25 * MINUTE);
    await expect(prefecture.caller.auth.extendSession()).resolves.toMatchObject({
      idleExpiresInMs: 30 * MINUTE,
    });
    await expect(shop.caller.auth.extendSession()).resolves.toMatchObject({
      idleExpiresInMs: 30 * MINUTE,
    });
    expect(await lastSeen(prefecture.ctx.session?.id ?? "")).toEqual(clock);
    expect(await lastSeen(shop.ctx.session?.id ?? "")).toEqual(clock);
    expect(await lastSeen(a.ctx.session?.id ?? "")).toEqual(T0);
  });

  it("refuses a visitor, and a session that already ended, in Japanese", async () => {
    clock = T0;
    const anonymous = await callerFor(tdb.db, null, { now });
    const refused = await rejection(anonymous.caller.auth.extendSession());
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(refused.message).toBe(DOMAIN_ERROR_MESSAGES.UNAUTHENTICATED);

    const { ctx, caller } = await callerFor(tdb.db, institutionA.user, { now });
    clock = new Date(T0.getTime() + 30 * MINUTE);
    const late = await rejection(caller.auth.extendSession());
    expect(late.code).toBe("UNAUTHORIZED");
    expect(late.message).toBe(DOMAIN_ERROR_MESSAGES.UNAUTHENTICATED);
    expect(await lastSeen(ctx.session?.id ?? "")).toEqual(T0);
  });
});

import { createTestUser, type TestUser } from "@sos/api/testing";
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from "@sos/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let clock = new Date("2026-06-03T01:00:00Z");
let tokyo: TestUser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  tokyo = await createTestUser(server.tdb.db, "prefecture", { prefectureCode: 13 });
});

afterAll(async () => {
  await server.close();
});

async function signIn(user: TestUser): Promise<string> {
  const result = await mutate(server.url, "auth.signIn", {
    username: user.username,
    password: user.password,
  });
  expect(result.status).toBe(200);
  expect(result.sessionCookie).toMatch(/^[a-z0-9]{20,}$/);
  return result.sessionCookie ?? "";
}

describe("sign-in over HTTP", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and me() recognises it", async () => {
    const signedIn = await mutate(server.url, "auth.signIn", {
      username: tokyo.username,
      password: tokyo.password,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.result?.data).toMatchObject({ id: tokyo.user.id, role: "prefecture" });
    const cookie = signedIn.setCookie ?? "";
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    const expires = /Expires=([^;]+)/.exec(cookie)?.[1] ?? "";
    expect(new Date(expires).getTime()).toBe(
      Math.floor((clock.getTime() + SESSION_ABSOLUTE_LIFETIME_MS) / 1000) * 1000,
    );
    // Counted from receipt, so a browser whose clock is off still keeps the cookie.
    expect(cookie).toMatch(new RegExp(`; Max-Age=${SESSION_ABSOLUTE_LIFETIME_MS / 1000}(;|$)`));
    expect(signedIn.body.result?.data).not.toHaveProperty("email");

    const me = await query(server.url, "auth.me", undefined, { token: signedIn.sessionCookie });
    expect(me.body.result?.data).toMatchObject({ id: tokyo.user.id, prefectureCode: 13 });
    // A procedure only officers may call answers with the cookie the sign-in set.
    const deadlines = await query(server.url, "review.deadlines", undefined, {
      token: signedIn.sessionCookie,
    });
    expect(deadlines.status).toBe(200);
  });

  it("signs out: the cookie is cleared and the old token no longer works", async () => {
    const token = await signIn(tokyo);
    const out = await mutate(server.url, "auth.signOut", null, { token });
    expect(out.status).toBe(200);
    expect(out.body.result?.data).toEqual({ ok: true });
    expect(out.sessionCookie).toBe("");
    expect(out.setCookie).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(out.setCookie).toMatch(/; Max-Age=0(;|$)/);

    const me = await query(server.url, "auth.me", undefined, { token });
    expect(me.body.result?.data).toBeNull();
    // The browser is told to drop a cookie the server no longer honours.
    expect(me.sessionCookie).toBe("");
    const deadlines = await query(server.url, "review.deadlines", undefined, { token });
    expect(deadlines.status).toBe(401);
  });

  it("answers 401 when signed out and 403 for the wrong role", async () => {
    const anonymous = await query(server.url, "review.deadlines");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    const vendor = await createTestUser(server.tdb.db, "vendor");
    const token = await signIn(vendor);
    const denied = await query(server.url, "review.deadlines", undefined, { token });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.message).toBe("この操作を行う権限がありません。");
    expect(denied.body.error?.data).toMatchObject({ domainCode: "FORBIDDEN" });
  });

  it("refuses wrong credentials with 401 and a Japanese message", async () => {
    const result = await mutate(server.url, "auth.signIn", {
      username: tokyo.username,
      password: "Wrong-Password-1",
    });
    expect(result.status).toBe(401);
    expect(result.body.error?.message).toBe("ユーザー名またはパスワードが正しくありません。");
    expect(result.sessionCookie).toBeUndefined();
  });

  /** Signs `user` in from a browser whose session cookie is `token`. */
  async function signInHolding(token: string, user: TestUser) {
    const result = await mutate(
      server.url,
      "auth.signIn",
      { username: user.username, password: user.password },
      { token },
    );
    expect(result.status).toBe(200);
    return result;
  }

  async function whoIs(token: string | undefined): Promise<unknown> {
    return (await query(server.url, "auth.me", undefined, { token })).body.result?.data ?? null;
  }

  it("ends the session this browser held when it signs in again; other browsers' sessions stay", async () => {
    const otherBrowser = await signIn(tokyo);
    const earlier = await signIn(tokyo);
    const sessions = async () =>
      (
        await server.tdb.db
          .selectFrom("sessions")
          .select("id")
          .where("userId", "=", tokyo.user.id)
          .execute()
      ).length;
    const before = await sessions();

    const later = (await signInHolding(earlier, tokyo)).sessionCookie ?? "";
    expect(later).toMatch(/^[a-z0-9]{20,}$/);
    expect(later).not.toBe(earlier);
    // One session ended on the server, one begun: the earlier token is no good to anyone.
    expect(await sessions()).toBe(before);
    expect(await whoIs(earlier)).toBeNull();
    expect(
      (await query(server.url, "review.deadlines", undefined, { token: earlier })).status,
    ).toBe(401);
    expect(await whoIs(later)).toMatchObject({ id: tokyo.user.id });
    expect(await whoIs(otherBrowser)).toMatchObject({ id: tokyo.user.id });
    await mutate(server.url, "auth.signOut", null, { token: later });
    await mutate(server.url, "auth.signOut", null, { token: otherBrowser });
  });

  it("ends the earlier user's session when another user signs in on the same browser", async () => {
    const officer = await signIn(tokyo);
    const vendor = await createTestUser(server.tdb.db, "vendor");
    const switched = await signInHolding(officer, vendor);
    expect(switched.body.result?.data).toMatchObject({ id: vendor.user.id });
    expect(await whoIs(officer)).toBeNull();
    expect(await whoIs(switched.sessionCookie)).toMatchObject({ id: vendor.user.id });
    await mutate(server.url, "auth.signOut", null, { token: switched.sessionCookie });
  });

  it("records the client's address and user agent on the session", async () => {
    const token = await signIn(tokyo);
    const rows = await server.tdb.db
      .selectFrom("sessions")
      .select(["ip", "userAgent"])
      .where("userId", "=", tokyo.user.id)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.ip === "127.0.0.1")).toBe(true);
    await mutate(server.url, "auth.signOut", null, { token });
  });
});

describe("session expiry (server clock)", () => {
  it("ends a session after the idle timeout", async () => {
    const token = await signIn(tokyo);
    clock = new Date(clock.getTime() + SESSION_IDLE_TIMEOUT_MS - 60_000);
    expect(
      (await query(server.url, "auth.me", undefined, { token })).body.result?.data,
    ).not.toBeNull();
    // Activity slid the idle window; now stay away longer than the timeout.
    clock = new Date(clock.getTime() + SESSION_IDLE_TIMEOUT_MS + 1000);
    const me = await query(server.url, "auth.me", undefined, { token });
    expect(me.body.result?.data).toBeNull();
    expect(me.sessionCookie).toBe("");
    expect((await query(server.url, "review.deadlines", undefined, { token })).status).toBe(401);
  });

  it("ends a busy session at its absolute lifetime", async () => {
    const token = await signIn(tokyo);
    const end = clock.getTime() + SESSION_ABSOLUTE_LIFETIME_MS;
    // Keep it busy: a request every 20 minutes never lets it go idle.
    while (clock.getTime() + 20 * 60_000 < end) {
      clock = new Date(clock.getTime() + 20 * 60_000);
      const me = await query(server.url, "auth.me", undefined, { token });
      expect(me.body.result?.data).not.toBeNull();
    }
    clock = new Date(end);
    expect((await query(server.url, "auth.me", undefined, { token })).body.result?.data).toBeNull();
  });
});

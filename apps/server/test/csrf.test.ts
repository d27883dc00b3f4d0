import { createTestUser, type TestUser } from "@sos/api/testing";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let vendor: TestUser;

const REFUSAL =
  "別のサイトからの送信のため、処理を中止しました。このサービスの画面から操作してください。";

beforeAll(async () => {
  // The public name differs from the address the tests dial, as behind a proxy.
  server = await startTestServer({ settings: { publicOrigin: "https://sos.example.jp" } });
  vendor = await createTestUser(server.tdb.db, "vendor");
});

afterAll(async () => {
  await server.close();
});

async function signIn(): Promise<string> {
  const result = await mutate(server.url, "auth.signIn", {
    username: vendor.username,
    password: vendor.password,
  });
  expect(result.status).toBe(200);
  return result.sessionCookie ?? "";
}

async function stillSignedIn(token: string): Promise<boolean> {
  const me = await query(server.url, "auth.me", undefined, { token });
  return me.body.result?.data !== null;
}

async function sessionCount(): Promise<number> {
  const rows = await server.tdb.db
    .selectFrom("sessions")
    .select("id")
    .where("userId", "=", vendor.user.id)
    .execute();
  return rows.length;
}

describe("origin check on state-changing requests", () => {
  it("refuses a mutation from a foreign Origin with 403 and changes nothing", async () => {
    const before = await sessionCount();
    const result = await mutate(
      server.url,
      "auth.signIn",
      { username: vendor.username, password: vendor.password },
      { origin: "https://evil.example" },
    );
    expect(result.status).toBe(403);
    expect(result.body.error?.message).toBe(REFUSAL);
    expect(result.body.error?.data).toMatchObject({
      code: "FORBIDDEN",
      domainCode: "CROSS_ORIGIN",
    });
    expect(result.sessionCookie).toBeUndefined();
    expect(await sessionCount()).toBe(before);

    const token = await signIn();
    const out = await mutate(server.url, "auth.signOut", null, {
      token,
      origin: "https://evil.example",
    });
    expect(out.status).toBe(403);
    expect(await stillSignedIn(token)).toBe(true);
  });

  it("refuses a cross-site HTML form post (urlencoded or multipart) to a mutation", async () => {
    const token = await signIn();
    const urlencoded = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
        cookie: `${SESSION_COOKIE_NAME}=${token}`,
      },
      body: "x=1",
    });
    expect(urlencoded.status).toBe(403);

    const form = new FormData();
    form.set("x", "1");
    const multipart = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: { origin: "https://evil.example", cookie: `${SESSION_COOKIE_NAME}=${token}` },
      body: form,
    });
    expect(multipart.status).toBe(403);
    expect(((await multipart.json()) as { error: { message: string } }).error.message).toBe(
      REFUSAL,
    );

    // A form from a page whose Origin is hidden ("null", e.g. a sandboxed frame) is no better.
    const hidden = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: { origin: "null", cookie: `${SESSION_COOKIE_NAME}=${token}` },
      body: form,
    });
    expect(hidden.status).toBe(403);
    expect(await stillSignedIn(token)).toBe(true);
  });

  it("refuses a mutation that names neither Origin nor Referer", async () => {
    const token = await signIn();
    const result = await mutate(server.url, "auth.signOut", null, { token, origin: null });
    expect(result.status).toBe(403);
    expect(await stillSignedIn(token)).toBe(true);
  });

  it("judges by the Referer when there is no Origin", async () => {
    const token = await signIn();
    const foreign = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        referer: "https://evil.example/page",
        cookie: `${SESSION_COOKIE_NAME}=${token}`,
      },
      body: "null",
    });
    expect(foreign.status).toBe(403);
    expect(await stillSignedIn(token)).toBe(true);

    const own = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        referer: `${server.url}/vendor/orders?x=1`,
        cookie: `${SESSION_COOKIE_NAME}=${token}`,
      },
      body: "null",
    });
    expect(own.status).toBe(200);
    expect(await stillSignedIn(token)).toBe(false);
  });

  it("accepts both the configured public origin and the request's own host", async () => {
    const viaPublic = await mutate(
      server.url,
      "auth.signIn",
      { username: vendor.username, password: vendor.password },
      { origin: "https://sos.example.jp" },
    );
    expect(viaPublic.status).toBe(200);
    const viaHost = await mutate(
      server.url,
      "auth.signIn",
      { username: vendor.username, password: vendor.password },
      { origin: server.url },
    );
    expect(viaHost.status).toBe(200);
    // A look-alike that merely starts with the right text is foreign.
    const lookalike = await mutate(
      server.url,
      "auth.signIn",
      { username: vendor.username, password: vendor.password },
      { origin: "https://sos.example.jp.evil.example" },
    );
    expect(lookalike.status).toBe(403);
  });

  it("leaves queries (GET) alone: reading needs no Origin", async () => {
    const token = await signIn();
    const me = await fetch(`${server.url}/trpc/auth.me`, {
      headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` },
    });
    expect(me.status).toBe(200);
  });

  it("cannot be bypassed by sending a mutation as GET", async () => {
    const token = await signIn();
    const viaGet = await fetch(`${server.url}/trpc/auth.signOut`, {
      headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` },
    });
    expect(viaGet.status).toBe(405);
    expect(await stillSignedIn(token)).toBe(true);
  });
});

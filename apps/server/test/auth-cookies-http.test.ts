import { randomUUID } from "node:crypto";
import { createTestUser, type TestUser } from "@sos/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server";

// Issue 12: the session cookie is `__Host-` prefixed when served over https
// (item 8), and a browser's device cookie lets its owner sign in while someone
// else's guessing holds every other client back (item 5), over real HTTP.

let clock = new Date("2026-06-03T07:55:00Z");
const now = () => clock;

interface Reply {
  status: number;
  /** Set-Cookie lines by cookie name. */
  cookies: Map<string, string>;
  body: { result?: { data: unknown }; error?: { message: string } };
}

async function call(
  server: TestServer,
  method: "GET" | "POST",
  path: string,
  input: unknown,
  cookie: string,
): Promise<Reply> {
  const url = new URL(`${server.url}/trpc/${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const response = await fetch(url, {
    method,
    headers: {
      ...(method === "POST" ? { "content-type": "application/json", origin: server.url } : {}),
      ...(cookie ? { cookie } : {}),
    },
    ...(method === "POST" ? { body: JSON.stringify(input ?? null) } : {}),
  });
  const cookies = new Map(
    response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line]),
  );
  return { status: response.status, cookies, body: (await response.json()) as Reply["body"] };
}

function cookieValue(setCookie: string | undefined): string {
  return setCookie?.slice(setCookie.indexOf("=") + 1).split(";")[0] ?? "";
}

function signIn(server: TestServer, user: TestUser, cookie = "", password = user.password) {
  return call(server, "POST", "auth.signIn", { username: user.username, password }, cookie);
}

describe("over https (Secure cookies)", () => {
  let server: TestServer;
  let ministry: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ now, settings: { sessionSecure: true } });
    ministry = await createTestUser(server.tdb.db, "ministry");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("names both cookies __Host-, Secure, Path=/ and without Domain", async () => {
    const reply = await signIn(server, ministry);
    expect(reply.status).toBe(200);
    expect([...reply.cookies.keys()].sort()).toEqual(["__Host-sos_device", "__Host-sos_session"]);
    const session = reply.cookies.get("__Host-sos_session") ?? "";
    const device = reply.cookies.get("__Host-sos_device") ?? "";
    for (const line of [session, device]) {
      expect(line).toMatch(/; Secure(;|$)/);
      expect(line).toMatch(/; Path=\/(;|$)/);
      expect(line).toMatch(/; HttpOnly(;|$)/);
      expect(line).not.toMatch(/Domain=/i);
    }
    expect(session).toMatch(/; SameSite=Lax(;|$)/);
    expect(device).toMatch(/; SameSite=Strict(;|$)/);
    expect(device).toMatch(/; Max-Age=15552000(;|$)/); // 180 days
  });

  it("reads the session only under the __Host- name, and clears it under that name", async () => {
    const token = cookieValue((await signIn(server, ministry)).cookies.get("__Host-sos_session"));
    const me = await call(server, "GET", "auth.me", undefined, `__Host-sos_session=${token}`);
    expect(me.body.result?.data).toMatchObject({ id: ministry.user.id });
    // A bare-named cookie could have been planted over plain http or by a subdomain.
    const bare = await call(server, "GET", "auth.me", undefined, `sos_session=${token}`);
    expect(bare.body.result?.data).toBeNull();

    const out = await call(server, "POST", "auth.signOut", null, `__Host-sos_session=${token}`);
    expect(out.cookies.get("__Host-sos_session")).toMatch(/^__Host-sos_session=; Max-Age=0;/);
    // The device cookie outlives the session: the browser stays one the owner used.
    expect(out.cookies.has("__Host-sos_device")).toBe(false);
  });

  it("lets the target-list download read the __Host- session cookie, and only that", async () => {
    const token = cookieValue((await signIn(server, ministry)).cookies.get("__Host-sos_session"));
    const file = `${server.url}/api/target-lists/${randomUUID()}.csv`;
    const prefixed = await fetch(file, { headers: { cookie: `__Host-sos_session=${token}` } });
    expect(prefixed.status).toBe(404); // signed in: the list simply does not exist
    const bare = await fetch(file, { headers: { cookie: `sos_session=${token}` } });
    expect(bare.status).toBe(401);
  });
});

describe("over plain http", () => {
  let server: TestServer;
  let owner: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ now });
    owner = await createTestUser(server.tdb.db, "institution");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("uses the bare names, which a browser accepts without https", async () => {
    const reply = await signIn(server, owner);
    expect([...reply.cookies.keys()].sort()).toEqual(["sos_device", "sos_session"]);
    expect(reply.cookies.get("sos_session")).not.toMatch(/; Secure/);
    const token = cookieValue(reply.cookies.get("sos_session"));
    const prefixed = await call(server, "GET", "auth.me", undefined, `__Host-sos_session=${token}`);
    expect(prefixed.body.result?.data).toBeNull();
  });

  it("lets the owner's browser in while guesses from the same address are refused", async () => {
    const first = await signIn(server, owner);
    let device = cookieValue(first.cookies.get("sos_device"));
    expect(device).toMatch(/^[a-z2-7]{32}$/);

    const refusals: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      clock = new Date(clock.getTime() + 1000);
      const guess = await signIn(server, owner, "", `Guess-${i}-Passw0rd`);
      refusals.push(guess.status);
      if (i % 5 === 4) {
        const own = await signIn(server, owner, `sos_device=${device}`);
        expect(own.status).toBe(200);
        // Each sign-in renews the token.
        const renewed = cookieValue(own.cookies.get("sos_device"));
        expect(renewed).not.toBe(device);
        device = renewed;
      }
    }
    expect(refusals.filter((s) => s === 401)).toHaveLength(5);
    expect(refusals.filter((s) => s === 429)).toHaveLength(15);
    // The attacker's client with the right password is refused too, with a way out.
    const right = await signIn(server, owner);
    expect(right.status).toBe(429);
    expect(right.body.error?.message).toMatch(/パスワードをお忘れですか？」から再設定/);
  });
});

import { createTestUser, type TestUser } from "@sos/api/testing";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, signInOverHttp } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

// The idle warning's server side (issue 16): a page's own polls do not keep an
// unattended session alive, and 「延長」 (auth.extendSession) really does.

const MINUTE = 60_000;
const T0 = new Date("2026-06-03T01:00:00Z");

let server: TestServer;
let clock = T0;
let officer: TestUser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  officer = await createTestUser(server.tdb.db, "prefecture", { prefectureCode: 13 });
});

afterAll(async () => {
  await server.close();
});

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MINUTE);
}

/** A batched GET of several queries, as the apps' httpBatchLink sends it. */
async function batch(paths: string[], token: string) {
  const inputs = Object.fromEntries(paths.map((_, index) => [index, null]));
  const url = `${server.url}/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
  const response = await fetch(url, { headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Array<{ result: { data: unknown } }>;
}

async function signedInAt(at: Date): Promise<string> {
  clock = at;
  return signInOverHttp(server.url, officer);
}

describe("the idle timeout over HTTP", () => {
  it("is not held off by the page's own polls (read-only status, session check)", async () => {
    const token = await signedInAt(T0);
    for (let minute = 1; minute < 30; minute += 1) {
      clock = minutesAfter(T0, minute);
      const status = await query(server.url, "operations.readOnlyStatus", undefined, { token });
      expect(status.status).toBe(200);
      const [session] = await batch(["auth.session", "operations.readOnlyStatus"], token);
      expect(session?.result.data).toMatchObject({ idleExpiresInMs: (30 - minute) * MINUTE });
    }
    clock = minutesAfter(T0, 30);
    const me = await query(server.url, "auth.me", undefined, { token });
    expect(me.body.result?.data).toBeNull();
    expect(me.sessionCookie).toBe("");
  });

  it("is held off by anything the user does, a poll batched with it included", async () => {
    const token = await signedInAt(T0);
    clock = minutesAfter(T0, 20);
    await batch(["operations.readOnlyStatus", "auth.me"], token);
    clock = minutesAfter(T0, 45);
    const session = await query(server.url, "auth.session", undefined, { token });
    expect(session.body.result?.data).toMatchObject({ idleExpiresInMs: 5 * MINUTE });
  });

  it("starts again at 延長: the session outlives its old end, then ends 30 minutes later", async () => {
    const token = await signedInAt(T0);
    clock = minutesAfter(T0, 28);
    const before = await query(server.url, "auth.session", undefined, { token });
    expect(before.body.result?.data).toMatchObject({ idleExpiresInMs: 2 * MINUTE });

    const extended = await mutate(server.url, "auth.extendSession", null, { token });
    expect(extended.status).toBe(200);
    expect(extended.body.result?.data).toMatchObject({ idleExpiresInMs: 30 * MINUTE });

    // Past the old end: still signed in (asked passively, so this moves nothing).
    clock = minutesAfter(T0, 57);
    const later = await query(server.url, "auth.session", undefined, { token });
    expect(later.body.result?.data).toMatchObject({ idleExpiresInMs: MINUTE });
    clock = minutesAfter(T0, 58);
    const over = await query(server.url, "auth.me", undefined, { token });
    expect(over.body.result?.data).toBeNull();
  });

  it("cannot be extended once over: 401, and the cookie is dropped", async () => {
    const token = await signedInAt(T0);
    clock = minutesAfter(T0, 31);
    const late = await mutate(server.url, "auth.extendSession", null, { token });
    expect(late.status).toBe(401);
    expect(late.sessionCookie).toBe("");
  });
});

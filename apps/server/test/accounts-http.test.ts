import { createTestUser, type TestUser } from "@sos/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

// Disabling a person ends their sessions at once: the very next request with the
// cookie they hold is refused, over real HTTP, as a signed-out request is.

let server: TestServer;
const clock = new Date("2026-12-08T01:00:00Z");
let ministry: TestUser;
let officer: TestUser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  ministry = await createTestUser(server.tdb.db, "ministry");
  officer = await createTestUser(server.tdb.db, "prefecture", { prefectureCode: 13 });
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
  return result.sessionCookie ?? "";
}

describe("disabling a person over HTTP", () => {
  it("refuses the disabled person's session cookie on the very next request", async () => {
    const officerToken = await signIn(officer);
    const before = await query(server.url, "review.deadlines", undefined, { token: officerToken });
    expect(before.status).toBe(200);

    const ministryToken = await signIn(ministry);
    const disabled = await mutate(
      server.url,
      "accounts.disable",
      { userId: officer.user.id },
      { token: ministryToken },
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.result?.data).toMatchObject({
      changed: true,
      person: { status: "disabled" },
    });

    const after = await query(server.url, "review.deadlines", undefined, { token: officerToken });
    expect(after.status).toBe(401);
    expect(after.body.error?.message).toBe(
      "ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。",
    );
    const me = await query(server.url, "auth.me", undefined, { token: officerToken });
    expect(me.body.result?.data).toBeNull();
    // Nor can they sign in again; the ministry's own session is untouched.
    const again = await mutate(server.url, "auth.signIn", {
      username: officer.username,
      password: officer.password,
    });
    expect(again.status).toBe(401);
    const ministryMe = await query(server.url, "auth.me", undefined, { token: ministryToken });
    expect(ministryMe.body.result?.data).toMatchObject({ id: ministry.user.id });
  });
});

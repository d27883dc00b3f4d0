import { createTestUser, type TestUser } from "@sos/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, signInOverHttp } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

// Read-only mode over real HTTP: the ministry switches it, a write answers 503 in
// the product's error shape with the Japanese notice, and signing in and reading
// go on.

const NOTICE = /^現在メンテナンスのため、閲覧のみ可能です。/;

let server: TestServer;
let ministry: TestUser;
let institution: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  ministry = await createTestUser(server.tdb.db, "ministry");
  institution = await createTestUser(server.tdb.db, "institution");
});

afterAll(async () => {
  await server.close();
});

describe("read-only mode over HTTP", () => {
  it("refuses writes with the notice, keeps reads and sign-in, until the ministry turns it off", async () => {
    const officer = await signInOverHttp(server.url, ministry);
    const on = await mutate(
      server.url,
      "operations.setReadOnly",
      { readOnly: true, reason: "バックアップ取得のため" },
      { token: officer },
    );
    expect(on.status).toBe(200);
    expect((await query(server.url, "operations.readOnlyStatus")).body.result?.data).toMatchObject({
      readOnly: true,
    });

    const refused = await mutate(server.url, "auth.requestPasswordReset", {
      username: institution.username,
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error?.message).toMatch(NOTICE);
    expect(refused.body.error?.data).toEqual({
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      domainCode: "READ_ONLY_MODE",
    });

    const staff = await signInOverHttp(server.url, institution);
    expect(staff).not.toBe("");
    const me = await query<{ username: string }>(server.url, "auth.me", undefined, {
      token: staff,
    });
    expect(me.body.result?.data?.username).toBe(institution.username);
    const copy = await mutate(
      server.url,
      "survey.copyPrevious",
      { id: crypto.randomUUID() },
      {
        token: staff,
      },
    );
    expect([copy.status, copy.body.error?.data.domainCode]).toEqual([503, "READ_ONLY_MODE"]);

    const off = await mutate(
      server.url,
      "operations.setReadOnly",
      { readOnly: false, reason: "取得完了" },
      { token: officer },
    );
    expect(off.status).toBe(200);
    const accepted = await mutate(server.url, "auth.requestPasswordReset", {
      username: institution.username,
    });
    expect(accepted.status).toBe(200);
  });
});

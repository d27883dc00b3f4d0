import { createTestUser, type TestUser } from "@sos/api/testing";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import type { Db } from "@sos/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "../src/http/target-list-csv";
import { signInOverHttp } from "./support/http";
import { listAccepted } from "./support/target-list";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let db: Db;
let ministry: TestUser;
let vendor: TestUser;
let institution: TestUser;
let plainBatch: string;
let yoshinoBatch: string;

function signIn(user: TestUser): Promise<string> {
  return signInOverHttp(server.url, user);
}

/** The institution, under `name`, accepted on a new numbered list. */
async function batchWith(name: string, number: number): Promise<string> {
  const institutionId = institution.user.institutionId ?? "";
  await db.updateTable("institutions").set({ name }).where("id", "=", institutionId).execute();
  const listed = await listAccepted(db, {
    filedBy: institution.user,
    issuedBy: ministry.user.id,
    number,
    weekStart: `2026-11-${String(4 + number * 7).padStart(2, "0")}`,
    issuedAt: new Date("2026-12-03T06:00:00Z"),
    limitSets: 2,
  });
  return listed.batchId;
}

function download(path: string, token?: string, accept = "text/csv") {
  return fetch(`${server.url}${path}`, {
    headers: { accept, ...(token ? { cookie: `${SESSION_COOKIE_NAME}=${token}` } : {}) },
  });
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date("2026-12-03T07:00:00Z") });
  db = server.tdb.db;
  ministry = await createTestUser(db, "ministry");
  vendor = await createTestUser(db, "vendor");
  institution = await createTestUser(db, "institution");
  plainBatch = await batchWith("㈱髙橋メディカル薬局", 1);
  yoshinoBatch = await batchWith("𠮷野クリニック", 2);
});

afterAll(async () => {
  await server.close();
});

describe("GET /api/target-lists/:batchId.csv", () => {
  it("gives the ministry the UTF-8 (BOM) file with a Japanese file name", async () => {
    const token = await signIn(ministry);
    const response = await download(`/api/target-lists/${plainBatch}.csv?encoding=utf8`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      contentDisposition("対象医療機関リスト_第1号_20261203_UTF-8.csv", "target-list-001-utf8.csv"),
    );
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("対象医療機関リスト_第1号_20261203_UTF-8.csv")}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8").decode(bytes).split("\r\n");
    expect(lines[0]).toBe(
      "医療機関名,医療機関コード,都道府県,郵便番号,住所,電話番号,担当者名,メールアドレス,購入上限数（セット）,購入上限数（枚）",
    );
    expect(lines[1]).toMatch(/^㈱髙橋メディカル薬局,\d{10},東京都,100-0001,/);
    expect(lines[1]).toMatch(/,山田　花子,[^,]+@example\.jp,2,2000$/);

    const audit = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "targetId", "details"])
      .where("action", "=", "target_list.download")
      .execute();
    expect(audit).toEqual([
      {
        actorUserId: ministry.user.id,
        targetId: plainBatch,
        details: { encoding: "utf8-bom", replaced: 0 },
      },
    ]);
  });

  it("gives the vendor Shift_JIS; refuses (412) what Shift_JIS cannot hold unless replace=1", async () => {
    const token = await signIn(vendor);
    const plain = await download(`/api/target-lists/${plainBatch}.csv?encoding=sjis`, token);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    const text = new TextDecoder("shift_jis").decode(await plain.arrayBuffer());
    expect(text.split("\r\n")[1]).toMatch(/^㈱髙橋メディカル薬局,/);

    const refused = await download(
      `/api/target-lists/${yoshinoBatch}.csv?encoding=sjis`,
      token,
      "application/json",
    );
    expect(refused.status).toBe(412);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toContain("「医療機関名」の「𠮷」（U+20BB7）");

    const replaced = await download(
      `/api/target-lists/${yoshinoBatch}.csv?encoding=sjis&replace=1`,
      token,
    );
    expect(replaced.status).toBe(200);
    const decoded = new TextDecoder("shift_jis").decode(await replaced.arrayBuffer());
    expect(decoded.split("\r\n")[1]).toMatch(/^〓野クリニック,/);
  });

  it("refuses the signed-out (401), other roles (403, audited), unknown lists and encodings", async () => {
    expect((await download(`/api/target-lists/${plainBatch}.csv`)).status).toBe(401);
    const token = await signIn(institution);
    expect((await download(`/api/target-lists/${plainBatch}.csv`, token)).status).toBe(403);
    const denied = await db
      .selectFrom("auditLog")
      .select("targetId")
      .where("action", "=", "access.denied")
      .where("actorUserId", "=", institution.user.id)
      .execute();
    expect(denied).toEqual([{ targetId: "/api/target-lists/:file" }]);

    const ministryToken = await signIn(ministry);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await download(`/api/target-lists/${missing}.csv`, ministryToken)).status).toBe(404);
    expect((await download(`/api/target-lists/${plainBatch}.xlsx`, ministryToken)).status).toBe(
      404,
    );
    const badEncoding = await download(
      `/api/target-lists/${plainBatch}.csv?encoding=latin1`,
      ministryToken,
      "application/json",
    );
    expect(badEncoding.status).toBe(400);
    expect(((await badEncoding.json()) as { error: { message: string } }).error.message).toBe(
      "文字コードの指定が正しくありません（utf8 または sjis）。",
    );
  });

  it("refuses another role with the same answer as a tRPC procedure does (one deny())", async () => {
    const token = await signIn(institution);
    const csv = await download(`/api/target-lists/${plainBatch}.csv`, token, "application/json");
    const procedure = await fetch(`${server.url}/trpc/targetList.list`, {
      headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` },
    });
    type Body = { error: { message: string; data: { httpStatus: number } } };
    const fromCsv = ((await csv.json()) as Body).error;
    const fromTrpc = ((await procedure.json()) as Body).error;
    expect(csv.status).toBe(403);
    expect(procedure.status).toBe(403);
    expect(fromCsv.message).toBe("この操作を行う権限がありません。");
    expect(fromCsv.message).toBe(fromTrpc.message);
    expect(fromCsv.data.httpStatus).toBe(fromTrpc.data.httpStatus);
    const denied = await db
      .selectFrom("auditLog")
      .select(["targetType", "targetId"])
      .where("action", "=", "access.denied")
      .where("actorUserId", "=", institution.user.id)
      .execute();
    expect(denied).toEqual(
      expect.arrayContaining([
        { targetType: "route", targetId: "/api/target-lists/:file" },
        { targetType: "procedure", targetId: "targetList.list" },
      ]),
    );
  });
});

import { createTestUser, type TestUser } from "@sos/api/testing";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import type { Db } from "@sos/db";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRY_UPLOAD_ROUTE } from "../src/http/registry-upload";
import { ensurePrefectures } from "../src/seed/prefectures";
import { mutate, query, signInOverHttp } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

// POST /api/registry-uploads: the ministry's registry file over HTTP (outside
// tRPC), then its preview and apply over tRPC as the review console does it.

let server: TestServer;
let db: Db;
const users = {} as Record<"ministry" | "prefecture" | "institution" | "vendor", TestUser>;
const tokens = {} as Record<keyof typeof users, string>;

const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";
const ROWS = [
  "1310000001,東京中央病院,病院,東京都,100-0001,千代田区千代田1-1,03-1234-5678,a@example.jp",
  "2710000002,大阪北診療所,診療所,大阪府,530-0001,大阪市北区梅田1-1,06-1234-5678,b@example.jp",
];
const FILE_NAME = "医療機関名簿_2026年12月.csv";

function sjisFile(): Uint8Array {
  return new Uint8Array(iconv.encode(`${[HEADER, ...ROWS].join("\r\n")}\r\n`, "cp932"));
}

function post(
  body: Uint8Array,
  options: { token?: string; origin?: string | null; name?: string | null; encoding?: string } = {},
) {
  const origin = options.origin === undefined ? server.url : options.origin;
  const name = options.name === undefined ? FILE_NAME : options.name;
  return fetch(`${server.url}${REGISTRY_UPLOAD_ROUTE}?encoding=${options.encoding ?? "auto"}`, {
    method: "POST",
    headers: {
      "content-type": "text/csv",
      accept: "application/json",
      ...(origin === null ? {} : { origin }),
      ...(name === null ? {} : { "x-file-name": encodeURIComponent(name) }),
      ...(options.token ? { cookie: `${SESSION_COOKIE_NAME}=${options.token}` } : {}),
    },
    body,
  });
}

async function uploadsStored(): Promise<number> {
  const rows = await db.selectFrom("registryUploads").select("id").execute();
  return rows.length;
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date("2026-12-07T01:00:00Z") });
  db = server.tdb.db;
  for (const role of ["ministry", "prefecture", "institution", "vendor"] as const) {
    users[role] = await createTestUser(db, role);
    tokens[role] = await signInOverHttp(server.url, users[role]);
  }
  await ensurePrefectures(db);
});

afterAll(async () => {
  await server.close();
});

describe("POST /api/registry-uploads", () => {
  it("takes the ministry's Shift_JIS file, keeps its preview; the console pages it and applies it once", async () => {
    const response = await post(sjisFile(), { token: tokens.ministry });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const upload = (await response.json()) as {
      id: string;
      fileName: string;
      encoding: string;
      previewDigest: string;
      counts: Record<string, number>;
    };
    expect(upload).toMatchObject({
      fileName: FILE_NAME,
      encoding: "cp932",
      counts: { new: 2, changed: 0, gone: 1, unchanged: 0 },
    });

    const page = await query(
      server.url,
      "registry.items",
      { id: upload.id, kind: "new", page: 1 },
      { token: tokens.ministry },
    );
    expect(page.body.result?.data).toEqual({
      kind: "new",
      total: 2,
      items: [
        { code: "1310000001", name: "東京中央病院" },
        { code: "2710000002", name: "大阪北診療所" },
      ],
    });

    const applied = await mutate(
      server.url,
      "registry.applyUpload",
      { id: upload.id, previewDigest: upload.previewDigest },
      { token: tokens.ministry },
    );
    expect(applied.status).toBe(200);
    expect(applied.body.result?.data).toMatchObject({ alreadyApplied: false });
    const again = await mutate(
      server.url,
      "registry.applyUpload",
      { id: upload.id, previewDigest: upload.previewDigest },
      { token: tokens.ministry },
    );
    expect(again.body.result?.data).toMatchObject({ alreadyApplied: true, mailsQueued: 0 });
    const listed = await db
      .selectFrom("institutions")
      .select("code")
      .where("code", "in", ["1310000001", "2710000002"])
      .execute();
    expect(listed).toHaveLength(2);
    const audit = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "details"])
      .where("action", "=", "registry.import")
      .execute();
    expect(audit).toEqual([
      {
        actorUserId: users.ministry.user.id,
        details: expect.objectContaining({ via: "console", fileName: FILE_NAME, new: 2 }),
      },
    ]);
  });

  it("refuses the signed-out (401) and the other roles (403, audited) before reading the file", async () => {
    const before = await uploadsStored();
    expect((await post(sjisFile())).status).toBe(401);
    for (const role of ["prefecture", "institution", "vendor"] as const) {
      const response = await post(sjisFile(), { token: tokens[role] });
      expect(response.status, role).toBe(403);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toBe("この操作を行う権限がありません。");
      const denied = await db
        .selectFrom("auditLog")
        .select(["targetId", "details"])
        .where("action", "=", "access.denied")
        .where("actorUserId", "=", users[role].user.id)
        .execute();
      expect(denied).toEqual([
        { targetId: REGISTRY_UPLOAD_ROUTE, details: { required: "ministry" } },
      ]);
    }
    expect(await uploadsStored()).toBe(before);
  });

  it("refuses a cross-origin POST, and one naming no origin, even with the ministry's session", async () => {
    const before = await uploadsStored();
    for (const origin of ["https://evil.example", null]) {
      const response = await post(sjisFile(), { token: tokens.ministry, origin });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { data: { domainCode: string } } };
      expect(body.error.data.domainCode).toBe("CROSS_ORIGIN");
    }
    expect(await uploadsStored()).toBe(before);
  });

  it("answers a missing name, a wrong encoding and an unreadable file in Japanese (400)", async () => {
    const noName = await post(sjisFile(), { token: tokens.ministry, name: null });
    expect(noName.status).toBe(400);
    const badEncoding = await post(sjisFile(), { token: tokens.ministry, encoding: "latin1" });
    expect(badEncoding.status).toBe(400);
    const noHeading = await post(new TextEncoder().encode("a,b\r\n1,2\r\n"), {
      token: tokens.ministry,
    });
    expect(noHeading.status).toBe(400);
    const body = (await noHeading.json()) as { error: { message: string } };
    expect(body.error.message).toContain("1行目の見出しに次の列がありません");
  });
});

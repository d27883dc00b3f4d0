import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyRegistryUpload, importRegistry, uploadRegistryFile } from "../src/services/registry";
import { callerFor, createTestUser, insertAllPrefectures, type TestUser } from "../src/testing";
import { handOver } from "./fixtures/vendor-world";

// The registry import in the review console: upload (kept with its preview),
// the preview's pages, the apply of exactly what was previewed, its notices.

let tdb: TestDatabase;
let db: Db;
let ministry: TestUser;
let others: Record<"prefecture" | "institution" | "vendor", TestUser>;
/** The institution user's own institution, listed unchanged in every file. */
let ownRow: string;

const NOW = new Date("2026-12-07T01:00:00Z");
const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";
const A =
  "1310000001,東京中央病院,病院,東京都,100-0001,千代田区千代田1-1,03-1234-5678,a@example.jp";
const B = "2710000002,大阪北診療所,診療所,27,530-0001,大阪市北区梅田1-1,06-1234-5678,b@example.jp";
const C = "0110000003,札幌薬局,薬局,北海道,060-0001,札幌市中央区北1条西1,011-123-4567,c@example.jp";

function csv(...rows: string[]): Uint8Array {
  return new TextEncoder().encode(`${[HEADER, ownRow, ...rows].join("\r\n")}\r\n`);
}

const actor = () => ({ userId: ministry.user.id, role: "ministry", ip: "127.0.0.1" });

function upload(bytes: Uint8Array, fileName = "医療機関名簿_202612.csv") {
  return uploadRegistryFile(db, { bytes, fileName, encoding: "auto", actor: actor(), now: NOW });
}

function applyUpload(id: string, previewDigest: string) {
  return applyRegistryUpload(db, {
    id,
    previewDigest,
    actor: actor(),
    now: NOW,
    mailFrom: "noreply@sos-supply.example",
  });
}

async function ministryCaller() {
  return (await callerFor(db, ministry.user, { now: () => NOW })).caller;
}

async function registry() {
  return db
    .selectFrom("institutions")
    .select(["code", "name", "prefectureCode", "address", "email", "active"])
    .where("code", "in", ["1310000001", "2710000002", "0110000003"])
    .orderBy("code")
    .execute();
}

async function registryMails() {
  return db
    .selectFrom("mailOutbox")
    .select(["kind", "toAddress", "subject", "textBody"])
    .where("kind", "like", "registry_%")
    .orderBy("toAddress")
    .execute();
}

async function auditOf(action: string, targetId: string) {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "targetId", "details"])
    .where("action", "=", action)
    .where("targetId", "=", targetId)
    .orderBy("id")
    .execute();
}

async function domainCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const code = (error as { code?: string } | null)?.code;
  if (code === undefined) throw new Error("expected a DomainError");
  return code;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertAllPrefectures(db);
  ministry = await createTestUser(db, "ministry");
  others = {
    prefecture: await createTestUser(db, "prefecture"),
    institution: await createTestUser(db, "institution"),
    vendor: await createTestUser(db, "vendor"),
  };
  const own = await db
    .selectFrom("institutions")
    .select(["code", "name", "email"])
    .where("id", "=", others.institution.user.institutionId ?? "")
    .executeTakeFirstOrThrow();
  ownRow = `${own.code},${own.name},病院,東京都,1000001,東京都千代田区千代田1-1,0312345678,${own.email}`;
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  await sql`delete from graphile_worker._private_jobs`.execute(db).catch(() => undefined);
  await db
    .deleteFrom("institutions")
    .where("code", "in", ["1310000001", "2710000002", "0110000003"])
    .execute();
});

describe("upload and preview", () => {
  it("keeps the file with its preview: counts, errors paged by 50, new, changed (old → new) and gone; writes nothing", async () => {
    await importRegistry(db, csv(A, B), { apply: true });
    const bad = Array.from(
      { length: 60 },
      (_, i) => `12345${i},名無し,病院,東京都,1000001,千代田区1,0312345678,x${i}@example.jp`,
    );
    const movedA = A.replace("千代田区千代田1-1", "千代田区丸の内2-2").replace(
      "a@example.jp",
      "a-new@example.jp",
    );
    const uploaded = await upload(csv(movedA, C, ...bad));
    expect(uploaded).toMatchObject({
      fileName: "医療機関名簿_202612.csv",
      encoding: "utf8",
      rowCount: 63,
      errorCount: 60,
      counts: { new: 1, changed: 1, returning: 0, gone: 1, unchanged: 1 },
      appliedAt: null,
      uploadedBy: expect.stringMatching(/^テスト利用者/),
    });
    expect(uploaded.previewDigest).toMatch(/^[0-9a-f]{64}$/);

    const caller = await ministryCaller();
    const page1 = await caller.registry.items({ id: uploaded.id, kind: "error", page: 1 });
    const page2 = await caller.registry.items({ id: uploaded.id, kind: "error", page: 2 });
    expect(page1.total).toBe(60);
    expect(page1.items).toHaveLength(50);
    expect(page2.items).toHaveLength(10);
    expect(page1.items[0]).toEqual({
      line: 5,
      column: "医療機関コード",
      messageJa: "医療機関コードは10桁の数字で入力してください",
    });
    expect(await caller.registry.items({ id: uploaded.id, kind: "changed", page: 1 })).toEqual({
      kind: "changed",
      total: 1,
      items: [
        {
          code: "1310000001",
          name: "東京中央病院",
          returning: false,
          changes: [
            {
              field: "address",
              label: "住所",
              before: "千代田区千代田1-1",
              after: "千代田区丸の内2-2",
            },
            { field: "email", label: "e-mail", before: "a@example.jp", after: "a-new@example.jp" },
          ],
        },
      ],
    });
    expect(await caller.registry.items({ id: uploaded.id, kind: "new", page: 1 })).toMatchObject({
      items: [{ code: "0110000003", name: "札幌薬局" }],
    });
    expect(await caller.registry.items({ id: uploaded.id, kind: "gone", page: 1 })).toMatchObject({
      items: [{ code: "2710000002", name: "大阪北診療所" }],
    });
    // Nothing written to the registry, no mail; the upload itself is audited.
    expect((await registry()).map((i) => [i.code, i.email, i.active])).toEqual([
      ["1310000001", "a@example.jp", true],
      ["2710000002", "b@example.jp", true],
    ]);
    expect(await registryMails()).toEqual([]);
    expect(await auditOf("registry.upload", uploaded.id)).toEqual([
      {
        actorUserId: ministry.user.id,
        targetId: uploaded.id,
        details: expect.objectContaining({ fileName: "医療機関名簿_202612.csv", errors: 60 }),
      },
    ]);
  });
});

describe("apply", () => {
  it("applies what was previewed, audited (who, file, counts); the same upload again and the same file again change nothing", async () => {
    const uploaded = await upload(csv(A, B, C));
    const caller = await ministryCaller();
    const applied = await caller.registry.applyUpload({
      id: uploaded.id,
      previewDigest: uploaded.previewDigest,
    });
    expect(applied).toMatchObject({ alreadyApplied: false, mailsQueued: 0 });
    expect(applied.upload.appliedAt).toBe(NOW.toISOString());
    expect(await registry()).toHaveLength(3);
    const audits = await auditOf("registry.import", uploaded.id);
    expect(audits).toEqual([
      {
        actorUserId: ministry.user.id,
        targetId: uploaded.id,
        details: expect.objectContaining({
          via: "console",
          fileName: "医療機関名簿_202612.csv",
          rows: 4,
          new: 3,
          changed: 0,
          gone: 0,
        }),
      },
    ]);
    const before = await db.selectFrom("institutions").select(["code", "updatedAt"]).execute();

    const again = await caller.registry.applyUpload({
      id: uploaded.id,
      previewDigest: uploaded.previewDigest,
    });
    expect(again).toMatchObject({ alreadyApplied: true, mailsQueued: 0 });
    expect(await auditOf("registry.import", uploaded.id)).toHaveLength(1);

    const sameFile = await upload(csv(A, B, C));
    expect(sameFile.counts).toEqual({ new: 0, changed: 0, returning: 0, gone: 0, unchanged: 4 });
    await caller.registry.applyUpload({ id: sameFile.id, previewDigest: sameFile.previewDigest });
    expect(await db.selectFrom("institutions").select(["code", "updatedAt"]).execute()).toEqual(
      before,
    );
  });

  it("refuses when the registry changed after the preview, or the preview is not the upload's", async () => {
    await importRegistry(db, csv(A), { apply: true });
    const uploaded = await upload(csv(A, B));
    // Someone else changes the registry after this preview.
    await importRegistry(db, csv(A.replace("東京中央病院", "東京中央総合病院")), { apply: true });
    expect(await domainCodeOf(applyUpload(uploaded.id, uploaded.previewDigest))).toBe(
      "REGISTRY_CHANGED",
    );
    expect(await domainCodeOf(applyUpload(uploaded.id, "f".repeat(64)))).toBe("REGISTRY_CHANGED");
    expect((await registry()).map((i) => [i.code, i.name])).toEqual([
      ["1310000001", "東京中央総合病院"],
    ]);
    const row = await db
      .selectFrom("registryUploads")
      .select(["appliedAt"])
      .where("id", "=", uploaded.id)
      .executeTakeFirstOrThrow();
    expect(row.appliedAt).toBeNull();
  });

  it("refuses a file with errors", async () => {
    const uploaded = await upload(
      csv(A, "abc,名無し,病院,東京都,1000001,千代田区1,0312345678,x@example.jp"),
    );
    expect(await domainCodeOf(applyUpload(uploaded.id, uploaded.previewDigest))).toBe(
      "REGISTRY_HAS_ERRORS",
    );
    expect(await registry()).toEqual([]);
  });
});

describe("a move to another prefecture", () => {
  it("is a per-row error when the institution has SOS requests (they stay its old prefecture's), and no apply fails on the foreign key", async () => {
    await importRegistry(db, csv(A, B), { apply: true });
    const a = await db
      .selectFrom("institutions")
      .select("id")
      .where("code", "=", "1310000001")
      .executeTakeFirstOrThrow();
    await handOver(db, ministry.user.id, [{ institutionId: a.id, limitSets: 2 }]);
    const toOsaka = A.replace(",東京都,", ",大阪府,");
    // B moves too, but has no requests: that move is allowed.
    const bToKyoto = B.replace(",27,", ",京都府,");

    const uploaded = await upload(csv(toOsaka, bToKyoto));
    expect(uploaded.errorCount).toBe(1);
    const caller = await ministryCaller();
    const errors = await caller.registry.items({ id: uploaded.id, kind: "error", page: 1 });
    expect(errors.items).toEqual([
      {
        line: 3,
        column: "都道府県",
        messageJa: expect.stringContaining(
          "都道府県を東京都から大阪府に変えることはできません。この医療機関には東京都が確認した緊急配布要請（1件）の記録があり",
        ),
      },
    ]);
    // The blocked row is an error, not a change; nor is it gone.
    expect(uploaded.counts).toMatchObject({ changed: 1, gone: 0 });
    expect(await domainCodeOf(applyUpload(uploaded.id, uploaded.previewDigest))).toBe(
      "REGISTRY_HAS_ERRORS",
    );
    // The operators' command refuses it the same way instead of failing on the key.
    const cli = await importRegistry(db, csv(toOsaka, bToKyoto), { apply: true });
    expect(cli).toMatchObject({ applied: false, errors: [expect.objectContaining({ line: 3 })] });

    // Without the blocked move, B's move applies.
    const fixed = await upload(csv(A, bToKyoto));
    await applyUpload(fixed.id, fixed.previewDigest);
    expect((await registry()).map((i) => [i.code, i.prefectureCode])).toEqual([
      ["1310000001", 13],
      ["2710000002", 26],
    ]);
  });
});

describe("change notices", () => {
  it("tells a changed e-mail address at the old and the new address, a changed postal address at the e-mail address, once", async () => {
    await importRegistry(db, csv(A, B), { apply: true });
    const uploaded = await upload(
      csv(
        A.replace("a@example.jp", "a-new@example.jp"),
        B.replace("大阪市北区梅田1-1", "大阪市北区梅田2-2"),
      ),
    );
    const applied = await applyUpload(uploaded.id, uploaded.previewDigest);
    expect(applied.mailsQueued).toBe(3);
    const mails = await registryMails();
    expect(mails.map((m) => [m.kind, m.toAddress])).toEqual([
      ["registry_email_changed", "a-new@example.jp"],
      ["registry_email_changed", "a@example.jp"],
      ["registry_address_changed", "b@example.jp"],
    ]);
    const [toNew, toOld, postal] = mails;
    expect(toOld?.subject).toBe(
      "【SOS Supply】医療機関名簿のメールアドレスが変更されました（東京中央病院）",
    );
    expect(toOld?.textBody).toMatch(/^東京中央病院 御中\n/);
    expect(toOld?.textBody).toContain("変更前：a@example.jp\n  変更後：a-new@example.jp");
    expect(toOld?.textBody).toContain("変更前のアドレスにもお知らせするため");
    expect(toNew?.textBody).not.toContain("変更前のアドレスにもお知らせするため");
    expect(postal?.textBody).toContain(
      "変更前：〒530-0001 大阪府大阪市北区梅田1-1\n  変更後：〒530-0001 大阪府大阪市北区梅田2-2",
    );
    // One send job per batch of mails, committed with the apply.
    const jobs = await sql<{ count: number }>`
      select count(*)::int as count from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'send_mail'`.execute(db);
    expect(jobs.rows[0]?.count).toBe(1);

    // A retried apply (a second click, a repeated request) queues nothing more.
    await applyUpload(uploaded.id, uploaded.previewDigest);
    const again = await upload(
      csv(
        A.replace("a@example.jp", "a-new@example.jp"),
        B.replace("大阪市北区梅田1-1", "大阪市北区梅田2-2"),
      ),
    );
    await applyUpload(again.id, again.previewDigest);
    expect(await registryMails()).toHaveLength(3);
  });

  it("queues nothing when the apply rolls back", async () => {
    await importRegistry(db, csv(A), { apply: true });
    const uploaded = await upload(csv(A.replace("a@example.jp", "a-new@example.jp")));
    await importRegistry(db, csv(A, B), { apply: true });
    await expect(applyUpload(uploaded.id, uploaded.previewDigest)).rejects.toThrow();
    expect(await registryMails()).toEqual([]);
  });
});

describe("only the ministry", () => {
  it("refuses the prefecture, an institution and the vendor (FORBIDDEN, audited) and the signed-out", async () => {
    const uploaded = await upload(csv(A));
    for (const role of ["prefecture", "institution", "vendor"] as const) {
      const { caller } = await callerFor(db, others[role].user, { now: () => NOW });
      for (const call of [
        () => caller.registry.upload({ id: uploaded.id }),
        () => caller.registry.items({ id: uploaded.id, kind: "gone", page: 1 }),
        () =>
          caller.registry.applyUpload({ id: uploaded.id, previewDigest: uploaded.previewDigest }),
      ]) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, role).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe("FORBIDDEN");
      }
      const denied = await db
        .selectFrom("auditLog")
        .select("targetId")
        .where("action", "=", "access.denied")
        .where("actorUserId", "=", others[role].user.id)
        .execute();
      expect(denied.map((d) => d.targetId).sort()).toEqual([
        "registry.applyUpload",
        "registry.items",
        "registry.upload",
      ]);
    }
    const { caller: anonymous } = await callerFor(db, null, { now: () => NOW });
    const error = await anonymous.registry
      .applyUpload({ id: uploaded.id, previewDigest: uploaded.previewDigest })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    expect(await registry()).toEqual([]);
  });
});

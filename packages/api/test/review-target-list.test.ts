import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { formatPhone, formatPostcode } from "@sos/rules";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import { TARGET_LIST_CSV_HEADER } from "../src/schemas/target-list";
import { publicationCsv } from "../src/services/publication";
import { ministryActor } from "../src/services/review";
import { targetBatchItems, targetListCsv } from "../src/services/target-list";
import type { TestUser } from "../src/testing";
import { type Caller, domainCause, refusal, rejection } from "./fixtures/institution-world";
import {
  addInstitution,
  completeByPrefecture,
  createReviewWorld,
  ELIGIBLE,
  fileRequest,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
} from "./fixtures/review-world";
import {
  referenceCp932,
  referenceUnrepresentable,
  referenceUtf8,
} from "./fixtures/target-list-csv-reference";

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
let ministry: Caller;
/** Names and fields a vendor's Excel must survive. */
let yoshino: TestUser; // 𠮷: outside Shift_JIS
let takahashi: TestUser; // 髙 (IBM extension) and ㈱ (NEC special): inside CP932
let ogai: TestUser; // 鷗: outside CP932; address with 〜 (JIS wave dash)
let formula: TestUser; // cells that start like formulas
let osakaPlain: TestUser;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  ministry = world.ministryCaller;
  yoshino = await addInstitution(db, 13, { name: "𠮷野クリニック" });
  takahashi = await addInstitution(db, 13, { name: "㈱髙橋メディカル薬局" });
  ogai = await addInstitution(db, 13, {
    name: "森鷗外記念病院",
    address: "東京都文京区千駄木1〜2−3",
  });
  formula = await addInstitution(db, 27, {
    name: '=HYPERLINK("http://evil")',
    address: "+81 大阪市北区",
  });
  osakaPlain = await addInstitution(db, 27, { name: "なにわ訪問看護ステーション" });
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

/** Filed, completed by its prefecture, approved by the ministry. */
async function accepted(user: TestUser, form: { contactName?: string } = {}): Promise<string> {
  const prefecture = user.user.institutionId === null ? 13 : await prefectureOf(user);
  const officer = prefecture === 27 ? world.osakaCaller : world.tokyoCaller;
  const filed = await fileRequest(db, world.clock, user, ELIGIBLE, form);
  const done = await completeByPrefecture(officer, filed);
  await ministry.review.approve({ items: [{ id: filed.id, expectedVersion: done.version }] });
  return filed.id;
}

async function prefectureOf(user: TestUser): Promise<number> {
  const row = await db
    .selectFrom("institutions")
    .select("prefectureCode")
    .where("id", "=", user.user.institutionId ?? "")
    .executeTakeFirstOrThrow();
  return row.prefectureCode;
}

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe("targetList.issue", () => {
  it("refuses when nothing is waiting", async () => {
    const refused = await refusal(ministry.targetList.issue());
    expect(refused.data).toMatchObject({
      code: "PRECONDITION_FAILED",
      domainCode: "NOTHING_TO_ISSUE",
    });
    expect(refused.message).toBe("販売業者にまだ引き渡していない受付完了の要請はありません。");
  });

  it("issues numbered batches of the accepted requests not yet handed over, as snapshots", async () => {
    const first = await accepted(world.a, { contactName: "山田　花子" });
    const second = await accepted(takahashi);
    await fileRequest(db, world.clock, world.b, ELIGIBLE); // still reviewing: not on the list
    expect((await ministry.targetList.list()).pending).toEqual({ count: 2, sets: 4 });

    world.clock.set("2026-12-03 15:00:00");
    const batch = await ministry.targetList.issue();
    expect(batch).toEqual({
      id: expect.any(String),
      number: 1,
      issuedAt: "2026-12-03T06:00:00.000Z",
      issuedBy: { id: world.ministry.user.id, displayName: world.ministry.user.displayName },
      itemCount: 2,
      totalSets: 4,
      totalPieces: 4000,
    });
    const detail = await ministry.targetList.get({ batchId: batch.id });
    expect(detail.items.map((item) => item.requestId).sort()).toEqual([first, second].sort());
    const item = detail.items.find((i) => i.requestId === first);
    const institution = await db
      .selectFrom("institutions")
      .selectAll()
      .where("id", "=", world.a.institutionId)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({
      id: expect.any(String),
      requestId: first,
      institutionId: institution.id,
      institutionCode: institution.code,
      name: institution.name,
      prefectureCode: 13,
      prefectureName: "東京都",
      postcode: institution.postcode,
      address: institution.address,
      phone: institution.phone,
      contactName: "山田　花子",
      email: institution.email,
      limitSets: 2,
      limitPieces: 2000,
    });

    const marked = await db
      .selectFrom("ministryApprovals")
      .select(["requestId", "targetBatchId"])
      .orderBy("requestId")
      .execute();
    expect(marked).toEqual(
      [first, second].sort().map((requestId) => ({ requestId, targetBatchId: batch.id })),
    );

    // a later change to the institution does not change a list already sent
    await db
      .updateTable("institutions")
      .set({ name: "改称後の病院" })
      .where("id", "=", institution.id)
      .execute();
    expect(
      (await ministry.targetList.get({ batchId: batch.id })).items.map((i) => i.name),
    ).toContain(institution.name);

    // each request's history says it went out, and the request page shows on which list
    const page = await ministry.review.get({ id: first });
    expect(page.targetList).toEqual({
      batchId: batch.id,
      number: 1,
      issuedAt: "2026-12-03T06:00:00.000Z",
    });
    expect(page.history.at(-1)).toMatchObject({
      action: "hand_over",
      actionLabel: "販売業者へ引渡し（対象医療機関リスト）",
      changes: { batchNumber: 1, limitSets: 2 },
    });

    // the vendor's users are told
    const mails = await db
      .selectFrom("mailOutbox")
      .select(["toAddress", "subject", "textBody"])
      .where("kind", "=", "target_list_issued")
      .execute();
    expect(mails.map((m) => m.toAddress)).toEqual([world.vendor.user.email]);
    expect(mails[0]?.subject).toBe("【SOS Supply】対象医療機関リスト（第1号）が発行されました");
    expect(mails[0]?.textBody).toContain("医療機関数：2件");
    expect(mails[0]?.textBody).toContain(`http://localhost:3000/vendor/target-lists/${batch.id}`);

    // nothing left: a second issue is refused; a new approval goes to batch 2
    expect(domainCause(await rejection(ministry.targetList.issue())).code).toBe("NOTHING_TO_ISSUE");
    const third = await accepted(osakaPlain);
    const next = await ministry.targetList.issue();
    expect([next.number, next.itemCount]).toEqual([2, 1]);
    expect(
      (await ministry.targetList.get({ batchId: next.id })).items.map((i) => i.requestId),
    ).toEqual([third]);
    const list = await ministry.targetList.list();
    expect(list.batches.map((b) => [b.number, b.itemCount])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(list.pending).toEqual({ count: 0, sets: 0 });
  });

  it("two ministry officers issuing at once make one batch; no request is on two lists", async () => {
    await accepted(world.a);
    await accepted(takahashi);
    await accepted(osakaPlain);
    const results = await Promise.allSettled([
      ministry.targetList.issue(),
      world.secondMinistryCaller.targetList.issue(),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(domainCause(await rejection(Promise.reject(failure.reason))).code).toBe(
      "NOTHING_TO_ISSUE",
    );
    expect(await db.selectFrom("targetBatches").select("number").execute()).toEqual([
      { number: 1 },
    ]);
    expect(await db.selectFrom("targetItems").select("requestId").execute()).toHaveLength(3);
  });

  it("a missing batch is NOT_FOUND", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(domainCause(await rejection(ministry.targetList.get({ batchId: missing }))).code).toBe(
      "NOT_FOUND",
    );
    await expect(targetListCsv(db, missing, "utf8-bom")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the target list as CSV", () => {
  async function issueAll(): Promise<string> {
    await accepted(yoshino, { contactName: "𠮷田　一郎" });
    await accepted(takahashi);
    await accepted(ogai);
    await accepted(formula, { contactName: "-田中" });
    return (await ministry.targetList.issue()).id;
  }

  it("UTF-8 with BOM round-trips through a CSV parser with Japanese intact and formulas neutralised", async () => {
    const batchId = await issueAll();
    const file = await targetListCsv(db, batchId, "utf8-bom");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(/^対象医療機関リスト_第1号_20261201_UTF-8\.csv$/);
    expect(file.asciiFilename).toBe("target-list-001-utf8.csv");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.unrepresentable).toEqual([]);
    const text = file.body.toString("utf8");
    expect(text).toContain("\r\n");
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...TARGET_LIST_CSV_HEADER]);
    expect(rows).toHaveLength(5);
    const byName = new Map(rows.slice(1).map((row) => [row[0], row]));
    const yoshinoRow = byName.get("𠮷野クリニック");
    expect(yoshinoRow?.slice(2)).toEqual([
      "東京都",
      "100-0001",
      "東京都千代田区千代田1-1",
      "03-1234-5678",
      "𠮷田　一郎",
      expect.stringMatching(/@example\.jp$/),
      "2",
      "2000",
    ]);
    expect(yoshinoRow?.[1]).toMatch(/^\d{10}$/);
    expect(byName.has("㈱髙橋メディカル薬局")).toBe(true);
    expect(byName.get("森鷗外記念病院")?.[4]).toBe("東京都文京区千駄木1〜2−3");
    const neutralised = byName.get('\'=HYPERLINK("http://evil")');
    expect(neutralised?.[2]).toBe("大阪府");
    expect(neutralised?.[4]).toBe("'+81 大阪市北区");
    expect(neutralised?.[6]).toBe("'-田中");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("reports what Shift_JIS cannot hold, and refuses a CP932 file unless replacement is accepted", async () => {
    const batchId = await issueAll();
    const check = await ministry.targetList.csvCheck({ batchId });
    expect(check.rowCount).toBe(4);
    const found = check.unrepresentable.map((f) => [
      f.institutionName,
      f.column,
      f.char,
      f.codePoint,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["𠮷野クリニック", "医療機関名", "𠮷", "U+20BB7"],
        ["𠮷野クリニック", "担当者名", "𠮷", "U+20BB7"],
        ["森鷗外記念病院", "医療機関名", "鷗", "U+9DD7"],
      ]),
    );
    expect(found).toHaveLength(3);
    // 髙 ㈱ and the JIS wave dash / minus are CP932 characters: not reported
    expect(check.unrepresentable.map((f) => f.char)).not.toContain("髙");

    const refused = await targetListCsv(db, batchId, "cp932").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    const error = refused as DomainError;
    expect(error.code).toBe("SHIFT_JIS_UNREPRESENTABLE");
    expect(error.trpcCode).toBe("PRECONDITION_FAILED");
    expect(error.messageJa).toMatch(/^Shift_JIS（CP932）で表せない文字が3件あります：/);
    expect(error.messageJa).toContain("「医療機関名」の「𠮷」（U+20BB7）");
    const row = check.unrepresentable.find((f) => f.char === "鷗")?.row;
    expect(error.fieldErrors).toMatchObject({
      [`rows.${row}.医療機関名`]: ["「鷗」（U+9DD7）はShift_JISで表せません"],
    });

    const file = await targetListCsv(db, batchId, "cp932", { allowReplacement: true });
    expect(file.contentType).toBe("text/csv; charset=Shift_JIS");
    expect(file.filename).toMatch(/_SJIS\.csv$/);
    expect(file.unrepresentable).toEqual(check.unrepresentable);
    const rows = parseCsv(iconv.decode(file.body, "cp932"));
    expect(rows[0]).toEqual([...TARGET_LIST_CSV_HEADER]);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        "〓野クリニック",
        "㈱髙橋メディカル薬局",
        "森〓外記念病院",
        '\'=HYPERLINK("http://evil")',
      ]),
    );
    const ogaiRow = rows.find((r) => r[0] === "森〓外記念病院");
    // the JIS forms became their CP932 twins, the same characters in Shift_JIS
    expect(ogaiRow?.[4]).toBe("東京都文京区千駄木1～2－3");
    expect(rows.find((r) => r[0] === "〓野クリニック")?.[6]).toBe("〓田　一郎");
  });

  it("a list Shift_JIS can hold whole downloads as CP932 without asking, byte for byte", async () => {
    await accepted(takahashi);
    await accepted(osakaPlain, { contactName: "浪速　花子" });
    const batchId = (await ministry.targetList.issue()).id;
    expect((await ministry.targetList.csvCheck({ batchId })).unrepresentable).toEqual([]);
    const sjis = await targetListCsv(db, batchId, "cp932");
    const utf8 = await targetListCsv(db, batchId, "utf8-bom");
    expect(sjis.unrepresentable).toEqual([]);
    expect(iconv.decode(sjis.body, "cp932")).toBe(utf8.body.subarray(3).toString("utf8"));
    const rows = parseCsv(iconv.decode(sjis.body, "cp932"));
    expect(rows.map((r) => r[0])).toEqual([
      "医療機関名",
      "㈱髙橋メディカル薬局",
      "なにわ訪問看護ステーション",
    ]);
    expect(rows[2]?.[6]).toBe("浪速　花子");
  });
});

describe("what issuing writes for the file", () => {
  it("each item's hyphenated phone and postcode, and what Shift_JIS lacks, once; the file is as before", async () => {
    await accepted(yoshino, { contactName: "𠮷田　一郎" });
    await accepted(takahashi);
    await accepted(ogai);
    const batchId = (await ministry.targetList.issue()).id;
    const stored = await db
      .selectFrom("targetItems")
      .select(["phone", "phoneDisplay", "postcode", "postcodeDisplay"])
      .where("batchId", "=", batchId)
      .execute();
    expect(stored).toHaveLength(3);
    for (const item of stored) {
      expect(item.phoneDisplay).toBe(formatPhone(item.phone));
      expect(item.postcodeDisplay).toBe(formatPostcode(item.postcode));
    }
    const items = await targetBatchItems(db, batchId);
    const batch = await db
      .selectFrom("targetBatches")
      .select("cp932Check")
      .where("id", "=", batchId)
      .executeTakeFirstOrThrow();
    expect(batch.cp932Check).toEqual({
      rowCount: 3,
      unrepresentable: referenceUnrepresentable(items),
    });
    expect((await targetListCsv(db, batchId, "utf8-bom")).body).toEqual(referenceUtf8(items));
    const sjis = await targetListCsv(db, batchId, "cp932", { allowReplacement: true });
    expect(sjis.body).toEqual(referenceCp932(items));
  });
});

describe("publication.export", () => {
  it("lists the week's approved institutions with prefecture and quantity, as UTF-8 (BOM) CSV", async () => {
    await accepted(takahashi);
    await accepted(formula);
    await fileRequest(db, world.clock, world.a, ELIGIBLE); // reviewing: not published
    const result = await ministry.publication.export({ weekStart: "2026-11-25" });
    expect(result).toMatchObject({
      filename: "緊急配布_公表用一覧_20261125週.csv",
      contentType: "text/csv; charset=utf-8",
      rowCount: 2,
      totalSets: 4,
    });
    expect(result.csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(result.csv)).toEqual([
      ["医療機関名", "都道府県", "承認数量（セット）", "承認数量（枚）"],
      ["㈱髙橋メディカル薬局", "東京都", "2", "2000"],
      ['\'=HYPERLINK("http://evil")', "大阪府", "2", "2000"],
    ]);
    const other = await ministry.publication.export({ weekStart: "2026-12-02" });
    expect(parseCsv(other.csv)).toHaveLength(1);
    const audit = await db
      .selectFrom("auditLog")
      .select(["targetId", "details"])
      .where("action", "=", "publication.export")
      .execute();
    expect(audit).toEqual([
      { targetId: "2026-11-25", details: { rowCount: 2, totalSets: 4 } },
      { targetId: "2026-12-02", details: { rowCount: 0, totalSets: 0 } },
    ]);
    // the service gives the same bytes to an HTTP download
    const file = await publicationCsv(db, {
      actor: ministryActor({ user: { id: world.ministry.user.id }, ip: "127.0.0.1" }),
      weekStart: "2026-11-25",
    });
    expect(file.body.toString("utf8")).toBe(result.csv);
  });
});

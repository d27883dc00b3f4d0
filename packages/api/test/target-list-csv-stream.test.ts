import { type Db, poolOf } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  cp932CheckOf,
  finishTargetBatch,
  openTargetListCsv,
  targetBatchItems,
  targetListCsv,
  targetListCsvCheck,
} from "../src/services/target-list";
import { createTestUser, insertTestPrefectures } from "../src/testing";
import {
  referenceCp932,
  referenceUnrepresentable,
  referenceUtf8,
} from "./fixtures/target-list-csv-reference";

let tdb: TestDatabase;
let db: Db;
let ministryId: string;
let batchNumber = 0;

/** What a vendor's Excel must survive, and what the old code handled one character at a time. */
const TEXT = [
  "さくら病院",
  "𠮷野クリニック",
  "森鷗外記念病院",
  "㈱髙橋メディカル薬局",
  "﨑山①クリニック",
  "ｻｸﾗ薬局",
  "ＡＢＣ病院　本院",
  "Café 😀",
  "千駄木1〜2−3‖—¢£¬",
  "山田, 花子",
  '「至急」と"記載"',
  "改行\nあり",
  "CRLF\r\nあり",
  "復帰\rのみ",
  "タブ\tあり",
  "",
  " 前後に空白 ",
  '=HYPERLINK("http://evil")',
  "+81 大阪市北区",
  "-田中",
  "@SUM(A1)",
  "\t先頭タブ",
  "\r先頭復帰",
  "ｰ－‐",
  "\u00A5\u203E\u00A0\u00E9",
];
const PHONES = [
  "0312345678",
  "09012345678",
  "0466123456",
  "0126721234",
  "0570123456",
  "0120123456",
  "05012345678",
  "０３－１２３４－５６７８",
  "+81 3-1234-5678",
  "03(1234)5678",
  "12345",
  "電話なし",
  "",
  "=03-1234",
];
const POSTCODES = ["1000001", "5300001", "100-000", "１００００", "〒100", "abc", "", "+100"];

interface ItemSeed {
  name: string;
  address: string;
  phone: string;
  postcode: string;
  contactName: string;
  email: string;
  prefectureCode: number;
  limitSets: number;
}

/** One to three fragments of TEXT, joined by nothing, a space or a comma. */
const text = fc
  .tuple(
    fc.array(fc.constantFrom(...TEXT), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("", " ", ","),
  )
  .map(([parts, glue]) => parts.join(glue));

const item = fc.record({
  name: text,
  address: text,
  phone: fc.constantFrom(...PHONES),
  postcode: fc.constantFrom(...POSTCODES),
  contactName: fc.oneof(fc.constant(""), text),
  email: fc.constantFrom("clinic@example.jp", '"a,b"@example.jp', "ｍａｉｌ@example.jp"),
  prefectureCode: fc.constantFrom(13, 27),
  limitSets: fc.integer({ min: 1, max: 50 }),
});

/** The same "varied" rows on every run. */
function variedItems(count: number, seed: number): ItemSeed[] {
  return fc.sample(item, { seed, numRuns: count });
}

/**
 * A list written straight to the tables (as a tool or a list from before the
 * display forms would leave it): institutions, draft requests, one batch.
 */
async function listOf(items: readonly ItemSeed[]): Promise<string> {
  batchNumber += 1;
  const codes = items.map((_, i) => String(1_300_000_000 + batchNumber * 10_000 + i));
  const institutions = await sql<{ id: string; code: string }>`
    insert into institutions (code, name, type, prefecture_code, postcode, address, phone, email)
    select code, 'テスト医療機関', 'clinic', pref, '1000001', '東京都千代田区', '0312345678',
      'clinic-' || code || '@example.jp'
    from unnest(${codes}::text[], ${items.map((i) => i.prefectureCode)}::smallint[]) as u(code, pref)
    returning id, code`.execute(db);
  const ids = new Map(institutions.rows.map((row) => [row.code, row.id]));
  const batch = await db
    .insertInto("targetBatches")
    .values({
      number: batchNumber,
      issuedAt: new Date("2026-12-03T06:00:00Z"),
      issuedBy: ministryId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const institutionIds = codes.map((code) => ids.get(code) ?? "");
  await sql`
    with requests as (
      insert into sos_requests (institution_id, prefecture_code, week_start, status,
        conditions_confirmed, created_by)
      select institution_id, pref, '2026-11-25', 'draft', true, ${ministryId}
      from unnest(${institutionIds}::uuid[], ${items.map((i) => i.prefectureCode)}::smallint[])
        as u(institution_id, pref)
      returning id, institution_id
    )
    insert into target_items (batch_id, request_id, institution_id, institution_code, name,
      prefecture_code, postcode, address, phone, contact_name, email, limit_sets)
    select ${batch.id}, r.id, u.institution_id, u.code, u.name, u.pref, u.postcode, u.address,
      u.phone, u.contact_name, u.email, u.limit_sets
    from unnest(${institutionIds}::uuid[], ${codes}::text[], ${items.map((i) => i.name)}::text[],
      ${items.map((i) => i.prefectureCode)}::smallint[], ${items.map((i) => i.postcode)}::text[],
      ${items.map((i) => i.address)}::text[], ${items.map((i) => i.phone)}::text[],
      ${items.map((i) => i.contactName)}::text[], ${items.map((i) => i.email)}::text[],
      ${items.map((i) => i.limitSets)}::int[])
      as u(institution_id, code, name, pref, postcode, address, phone, contact_name, email, limit_sets)
    join requests r on r.institution_id = u.institution_id`.execute(db);
  return batch.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertTestPrefectures(db);
  ministryId = (await createTestUser(db, "ministry")).user.id;
});

afterAll(async () => {
  await tdb.destroy();
});

describe("the streamed target list CSV", () => {
  it("is byte for byte the file the whole-list implementation made, whatever the chunk size", async () => {
    const batchId = await listOf(variedItems(300, 20261203));
    const items = await targetBatchItems(db, batchId);
    expect(items).toHaveLength(300);
    const utf8 = referenceUtf8(items);
    const cp932 = referenceCp932(items);
    for (const rowsPerRead of [7, 300, undefined]) {
      const options = rowsPerRead === undefined ? {} : { rowsPerRead };
      expect((await targetListCsv(db, batchId, "utf8-bom", options)).body.equals(utf8)).toBe(true);
      const sjis = await targetListCsv(db, batchId, "cp932", {
        ...options,
        allowReplacement: true,
      });
      expect(sjis.body.equals(cp932)).toBe(true);
    }
  });

  it("lists and refuses what Shift_JIS lacks exactly as before", async () => {
    const batchId = await listOf(variedItems(300, 7));
    const expected = referenceUnrepresentable(await targetBatchItems(db, batchId));
    expect(expected.length).toBeGreaterThan(50);
    const check = await targetListCsvCheck(db, batchId);
    expect(check.rowCount).toBe(300);
    expect(check.unrepresentable).toEqual(expected);
    const refused = await targetListCsv(db, batchId, "cp932").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).messageJa).toMatch(
      new RegExp(`^Shift_JIS（CP932）で表せない文字が${expected.length}件あります：`),
    );
    expect(
      (await targetListCsv(db, batchId, "cp932", { allowReplacement: true })).unrepresentable,
    ).toEqual(expected);
  });

  it("uses the display forms and the check written once for the list, and still gives the same bytes", async () => {
    const batchId = await listOf(variedItems(120, 99));
    const items = await targetBatchItems(db, batchId);
    await finishTargetBatch(db, batchId);
    const unformatted = await db
      .selectFrom("targetItems")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("batchId", "=", batchId)
      .where((eb) => eb.or([eb("phoneDisplay", "is", null), eb("postcodeDisplay", "is", null)]))
      .executeTakeFirstOrThrow();
    expect(Number(unformatted.n)).toBe(0);
    const stored = await db
      .selectFrom("targetBatches")
      .select("cp932Check")
      .where("id", "=", batchId)
      .executeTakeFirstOrThrow();
    expect(stored.cp932Check).toEqual({
      rowCount: 120,
      unrepresentable: referenceUnrepresentable(items),
    });
    expect((await targetListCsv(db, batchId, "utf8-bom")).body.equals(referenceUtf8(items))).toBe(
      true,
    );
    const sjis = await targetListCsv(db, batchId, "cp932", { allowReplacement: true });
    expect(sjis.body.equals(referenceCp932(items))).toBe(true);

    // The download reads what was written, not a fresh formatting of the phone number.
    const first = items[0];
    await db
      .updateTable("targetItems")
      .set({ phoneDisplay: "03-0000-0000（保存済み）" })
      .where("id", "=", first?.id ?? "")
      .execute();
    const text = (await targetListCsv(db, batchId, "utf8-bom")).body.toString("utf8");
    expect(text.split("\r\n")[1]).toContain(",03-0000-0000（保存済み）,");
    await db
      .updateTable("targetBatches")
      .set({ cp932Check: JSON.stringify({ rowCount: 120, unrepresentable: [] }) })
      .where("id", "=", batchId)
      .execute();
    expect((await cp932CheckOf(db, batchId)).unrepresentable).toEqual([]);
  });

  it("reads only as fast as its reader, and gives the connection back when the reader goes", async () => {
    const batchId = await listOf(variedItems(300, 5));
    const pool = poolOf(db);
    if (pool === undefined) throw new Error("the test database has no pool");
    const checkedOut = () => pool.totalCount - pool.idleCount;
    expect(checkedOut()).toBe(0);

    const file = await openTargetListCsv(db, batchId, "utf8-bom", { rowsPerRead: 10 });
    // Nothing is read before the body is.
    expect(checkedOut()).toBe(0);
    const chunks = file.body[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A reader that stops holds the cursor where it is: 300 rows would long be read otherwise.
    expect(checkedOut()).toBe(1);
    expect(file.body.readableEnded).toBe(false);

    file.body.destroy();
    await new Promise((resolve) => file.body.once("close", resolve));
    for (let i = 0; i < 50 && checkedOut() > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(checkedOut()).toBe(0);
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import { importRegistry } from "../src/services/registry";
import { insertAllPrefectures } from "../src/testing";

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertAllPrefectures(db);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  // Kept by emptyTables (the audit log reaches it through users); this file owns it.
  await db.deleteFrom("institutions").execute();
});

const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";

function csv(...rows: string[]): Uint8Array {
  return new TextEncoder().encode(`${[HEADER, ...rows].join("\r\n")}\r\n`);
}

const A =
  "1310000001,東京中央病院,病院,東京都,100-0001,千代田区千代田1-1,03-1234-5678,a@example.jp";
const B = "2710000002,大阪北診療所,診療所,27,530-0001,大阪市北区梅田1-1,06-1234-5678,b@example.jp";
const C = "0110000003,札幌薬局,薬局,北海道,060-0001,札幌市中央区北1条西1,011-123-4567,c@example.jp";

const apply = (bytes: Uint8Array) => importRegistry(db, bytes, { apply: true });
const preview = (bytes: Uint8Array) => importRegistry(db, bytes, { apply: false });

async function institutions() {
  return db
    .selectFrom("institutions")
    .select(["code", "name", "type", "prefectureCode", "postcode", "phone", "email", "active"])
    .orderBy("code")
    .execute();
}

async function auditCount(): Promise<number> {
  const rows = await db
    .selectFrom("auditLog")
    .select("id")
    .where("action", "=", "registry.import")
    .execute();
  return rows.length;
}

describe("registry import preview", () => {
  it("reports each row's errors with line, column and what to fix, and writes nothing", async () => {
    const report = await preview(
      csv(
        A,
        "123456789,短いコード病院,病院,東京都,100-0001,千代田区1,03-1234-5678,x@example.jp",
        "1310000009,種別違い,介護施設,東京都,100-0001,千代田区1,03-1234-5678,x@example.jp",
        "1310000010,県違い,病院,東京府,100-0001,千代田区1,03-1234-5678,x@example.jp",
        "１３１００００００１,重複,病院,13,100-0001,千代田区1,03-1234-5678,x@example.jp",
      ),
    );
    expect(report.applied).toBe(false);
    expect(report.rowCount).toBe(5);
    expect(report.errors).toEqual([
      {
        line: 3,
        column: "医療機関コード",
        messageJa: "医療機関コードは10桁の数字で入力してください",
      },
      {
        line: 4,
        column: "種別",
        messageJa:
          "種別「介護施設」は使えません（病院・診療所（歯科を含む）・訪問看護事業所・薬局・助産所のいずれか）",
      },
      {
        line: 5,
        column: "都道府県",
        messageJa: "都道府県「東京府」が見つかりません（都道府県名または JIS コード 01〜47）",
      },
      {
        line: 6,
        column: "医療機関コード",
        messageJa: "医療機関コード 1310000001 が2行目にもあります。1行にまとめてください",
      },
    ]);
    expect(report.counts).toEqual({ new: 1, changed: 0, returning: 0, gone: 0, unchanged: 0 });
    expect(await institutions()).toEqual([]);
  });

  it("refuses a file without a required column, naming it", async () => {
    const bytes = new TextEncoder().encode(
      "医療機関コード,名称,都道府県,郵便番号,住所,電話,e-mail\r\n1310000001,病院,東京都,1000001,千代田区1,0312345678,a@example.jp\r\n",
    );
    await expect(preview(bytes)).rejects.toThrow(DomainError);
    await expect(preview(bytes)).rejects.toThrow(/次の列がありません：種別/);
  });

  it("refuses to apply a file with row errors, and says so", async () => {
    const audits = await auditCount();
    const report = await apply(
      csv(A, "abc,名無し,病院,東京都,1000001,千代田区1,0312345678,a@example.jp"),
    );
    expect(report.applied).toBe(false);
    expect(report.refusalJa).toMatch(/誤りのある行が1件あるため、取り込みを行いませんでした/);
    expect(await institutions()).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("shows new, changed (with the fields) and gone against the current registry", async () => {
    await apply(csv(A, B));
    const report = await preview(
      csv(A.replace("03-1234-5678", "03-9999-0000").replace("東京中央病院", "東京中央総合病院"), C),
    );
    expect(report.counts).toEqual({ new: 1, changed: 1, returning: 0, gone: 1, unchanged: 0 });
    expect(report.added).toEqual([{ code: "0110000003", name: "札幌薬局" }]);
    expect(report.changed).toEqual([
      {
        code: "1310000001",
        name: "東京中央総合病院",
        fields: ["name", "phone"],
        changes: [
          { field: "name", label: "名称", before: "東京中央病院", after: "東京中央総合病院" },
          { field: "phone", label: "電話", before: "03-1234-5678", after: "03-9999-0000" },
        ],
        returning: false,
      },
    ]);
    expect(report.gone).toEqual([{ code: "2710000002", name: "大阪北診療所" }]);
    // A preview writes nothing.
    expect((await institutions()).map((i) => [i.code, i.name, i.active])).toEqual([
      ["1310000001", "東京中央病院", true],
      ["2710000002", "大阪北診療所", true],
    ]);
  });
});

describe("registry import apply", () => {
  it("writes the normalised rows, audits once, and a second apply changes nothing", async () => {
    const audits = await auditCount();
    const first = await apply(csv(A, B, C));
    expect(first.applied).toBe(true);
    expect(first.counts).toEqual({ new: 3, changed: 0, returning: 0, gone: 0, unchanged: 0 });
    expect(await institutions()).toContainEqual({
      code: "2710000002",
      name: "大阪北診療所",
      type: "clinic",
      prefectureCode: 27,
      postcode: "5300001",
      phone: "0612345678",
      email: "b@example.jp",
      active: true,
    });
    const before = await db.selectFrom("institutions").select(["code", "updatedAt"]).execute();

    const second = await apply(csv(A, B, C));
    expect(second.applied).toBe(true);
    expect(second.counts).toEqual({ new: 0, changed: 0, returning: 0, gone: 0, unchanged: 3 });
    expect(await db.selectFrom("institutions").select(["code", "updatedAt"]).execute()).toEqual(
      before,
    );
    expect(await auditCount()).toBe(audits + 2);
    const [audit] = await db
      .selectFrom("auditLog")
      .select("details")
      .where("action", "=", "registry.import")
      .orderBy("id", "desc")
      .limit(2)
      .execute()
      .then((rows) => rows.reverse());
    expect(audit?.details).toMatchObject({ rows: 3, new: 3, changed: 0, gone: 0 });
  });

  it("marks a gone institution inactive without deleting it, and a returning one active", async () => {
    await apply(csv(A, B));
    const gone = await apply(csv(A));
    expect(gone.counts).toMatchObject({ gone: 1, unchanged: 1 });
    expect((await institutions()).map((i) => [i.code, i.active])).toEqual([
      ["1310000001", true],
      ["2710000002", false],
    ]);
    const again = await apply(csv(A));
    expect(again.counts).toMatchObject({ gone: 0, changed: 0 });

    const back = await apply(csv(A, B));
    expect(back.counts).toMatchObject({ new: 0, changed: 1, returning: 1, gone: 0 });
    expect((await institutions()).every((i) => i.active)).toBe(true);
  });

  it("reads a Shift_JIS file with full-width digits", async () => {
    const text = `${HEADER}\r\n１３１０００００１１,港区歯科診療所,歯科診療所,東京,１０５－０００１,港区虎ノ門１－１,０３－１１１１－２２２２,d@example.jp\r\n`;
    const report = await apply(new Uint8Array(iconv.encode(text, "cp932")));
    expect(report.encoding).toBe("cp932");
    expect(report.errors).toEqual([]);
    expect(await institutions()).toEqual([
      {
        code: "1310000011",
        name: "港区歯科診療所",
        type: "clinic",
        prefectureCode: 13,
        postcode: "1050001",
        phone: "0311112222",
        email: "d@example.jp",
        active: true,
      },
    ]);
  });

  it("reads a file mixing CRLF, LF and CR line ends row by row, with the right line numbers", async () => {
    const text = `${HEADER}\r\n${A}\n${B}\r\n${C}\r1310000009,種別違い,介護施設,東京都,1000001,千代田区1,0312345678,x@example.jp\n`;
    const report = await preview(new TextEncoder().encode(text));
    expect(report.rowCount).toBe(4);
    expect(report.added.map((a) => a.code)).toEqual(["0110000003", "1310000001", "2710000002"]);
    expect(report.errors).toEqual([expect.objectContaining({ line: 5, column: "種別" })]);
  });
});

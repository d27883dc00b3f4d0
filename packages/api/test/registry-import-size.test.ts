import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { PREFECTURES } from "@sos/domain";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importRegistry } from "../src/services/registry";
import { insertAllPrefectures } from "../src/testing";

// The register is about 180,000 rows; this applies 20,000 (the bench can run
// the full size) and prints the time rather than asserting it.

const ROWS = 20_000;
const TYPES = ["病院", "診療所", "訪問看護事業所", "薬局", "助産所"];

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

function registerCsv(rows: number, nameSuffix: (i: number) => string): Uint8Array {
  const lines = ["医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail"];
  for (let i = 0; i < rows; i += 1) {
    const prefecture = PREFECTURES[i % PREFECTURES.length];
    const code = String(1_000_000_000 + i);
    lines.push(
      `${code},医療機関${i}${nameSuffix(i)},${TYPES[i % TYPES.length]},${prefecture?.name},1000001,テスト市${i}番地,03${String(10_000_000 + i)},m${i}@example.jp`,
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

it(`applies ${ROWS} rows, then a file changing one in ten`, { timeout: 300_000 }, async () => {
  const first = await timed(`registry import ${ROWS} rows (all new)`, () =>
    importRegistry(
      db,
      registerCsv(ROWS, () => ""),
      { apply: true },
    ),
  );
  expect(first.errors).toEqual([]);
  expect(first.counts).toMatchObject({ new: ROWS, changed: 0, gone: 0 });

  const second = await timed(`registry import ${ROWS} rows (one in ten renamed)`, () =>
    importRegistry(
      db,
      registerCsv(ROWS, (i) => (i % 10 === 0 ? "（改称）" : "")),
      { apply: true },
    ),
  );
  expect(second.counts).toMatchObject({ new: 0, changed: ROWS / 10, unchanged: ROWS - ROWS / 10 });
  const active = await db
    .selectFrom("institutions")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("active", "=", true)
    .executeTakeFirstOrThrow();
  expect(Number(active.n)).toBe(ROWS);
});

import { sql } from "kysely";
import Cursor from "pg-cursor";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Db, poolOf } from "../src/connect";
import { streamRows } from "../src/cursor";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});

afterAll(async () => {
  await tdb.destroy();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function numbers(count: number) {
  return sql`select n, 'row ' || n from generate_series(1, ${count}::int) as n order by n`.compile(
    db,
  );
}

function checkedOut(): number {
  const pool = poolOf(db);
  if (pool === undefined) throw new Error("no pool");
  return pool.totalCount - pool.idleCount;
}

async function settled(): Promise<void> {
  for (let i = 0; i < 50 && checkedOut() > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("streamRows", () => {
  it("gives every row once, in order, as arrays, rowsPerRead at a time", async () => {
    const chunks: unknown[][][] = [];
    for await (const rows of streamRows(db, numbers(25), { rowsPerRead: 10 })) chunks.push(rows);
    expect(chunks.map((rows) => rows.length)).toEqual([10, 10, 5]);
    expect(chunks.flat()[24]).toEqual([25, "row 25"]);
    await settled();
    expect(checkedOut()).toBe(0);
  });

  it("reads one chunk ahead at most, and a caller that stops closes the cursor and frees the connection", async () => {
    const reads = vi.spyOn(Cursor.prototype, "read");
    const rows = streamRows(db, numbers(1000), { rowsPerRead: 10 });
    expect(reads).not.toHaveBeenCalled();
    const first = await rows.next();
    expect(first.value).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads).toHaveBeenCalledTimes(2);
    expect(checkedOut()).toBe(1);

    await rows.return();
    expect(reads).toHaveBeenCalledTimes(2);
    await settled();
    expect(checkedOut()).toBe(0);
    // the connection went back clean: the next query on the pool works
    const after = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(after.rows).toEqual([{ one: 1 }]);
  });

  it("fails with the database's error and does not keep the broken connection", async () => {
    const failing = sql`select 1 / (n - 15) from generate_series(1, 30) as n`.compile(db);
    const seen: unknown[][] = [];
    await expect(async () => {
      for await (const rows of streamRows(db, failing, { rowsPerRead: 10 })) seen.push(...rows);
    }).rejects.toThrow(/division by zero/);
    expect(seen).toHaveLength(10);
    await settled();
    expect(checkedOut()).toBe(0);
  });

  it("refuses a transaction, which has no connection to spare for a cursor", async () => {
    await db.transaction().execute(async (trx) => {
      await expect(streamRows(trx, numbers(1)).next()).rejects.toThrow(/createDb/);
    });
  });
});

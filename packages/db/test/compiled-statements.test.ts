import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledStatement, preparedStatementName } from "../src/compiled";
import { createDb, type Db } from "../src/connect";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

const SQUARE = compiledStatement<{ inputValue: number; squared: number }, [value: number]>(
  "select $1::int as input_value, $1::int * $1::int as squared",
);

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb.destroy();
});

/** Runs the statement twice on one connection and lists what that session has prepared. */
async function runOnOneConnection(db: Db) {
  return db.connection().execute(async (connection) => {
    const first = await SQUARE.execute(connection, 3);
    const second = await SQUARE.execute(connection, 4);
    const prepared = await sql<{ name: string }>`
      select name from pg_prepared_statements`.execute(connection);
    return { rows: [...first.rows, ...second.rows], prepared: prepared.rows.map((r) => r.name) };
  });
}

describe("compiled statements", () => {
  it("run as one named prepared statement per connection when the pool asks for it", async () => {
    const db = createDb(tdb.url, { max: 1, preparedStatements: true });
    try {
      const { rows, prepared } = await runOnOneConnection(db);
      expect(rows).toEqual([
        { inputValue: 3, squared: 9 },
        { inputValue: 4, squared: 16 },
      ]);
      expect(prepared).toEqual([preparedStatementName(SQUARE.sql)]);
      // Other SQL on the same pool stays unnamed.
      const other = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(other.rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it("stay unnamed otherwise (PgBouncer in transaction mode)", async () => {
    const db = createDb(tdb.url, { max: 1 });
    try {
      const { rows, prepared } = await runOnOneConnection(db);
      expect(rows).toHaveLength(2);
      expect(prepared).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

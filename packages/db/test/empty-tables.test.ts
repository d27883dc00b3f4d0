import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, emptyTables, type TestDatabase } from "../src/testing/test-database";
import { insertInstitution, insertInstitutionUser, insertPrefectures } from "./fixtures";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  // The file's world, there before the first reset: it must survive every reset.
  await insertPrefectures(t.db);
  await t.db.insertInto("products").values({ name: "N95" }).execute();
});
afterAll(async () => {
  await t?.destroy();
});

async function count(table: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.raw(table)}`.execute(t.db);
  return rows[0]?.n ?? -1;
}

function mail(to: string) {
  return t.db
    .insertInto("mailOutbox")
    .values({ kind: "test", toAddress: to, fromAddress: "a@b.jp", subject: "s", textBody: "b" })
    .execute();
}

describe("emptyTables", () => {
  it("keeps the tables that held rows at the first call, and empties the others every time", async () => {
    await emptyTables(t.db);
    const institution = await insertInstitution(t.db, 13);
    await insertInstitutionUser(t.db, institution.id);
    await mail("x@example.jp");

    await emptyTables(t.db);

    expect(await count("mail_outbox")).toBe(0);
    expect(await count("products")).toBe(1);
    expect(await count("prefectures")).toBeGreaterThan(0);
    // Users and institutions stay: the append-only audit log references users, and
    // TRUNCATE … CASCADE would otherwise have to empty it.
    expect(await count("users")).toBe(1);
    expect(await count("institutions")).toBe(1);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from kysely_migration`.execute(t.db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});

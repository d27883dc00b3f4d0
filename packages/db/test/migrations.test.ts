import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/connect";
import { migrateToLatest, migrations } from "../src/migrate";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

describe("migrations", () => {
  let empty: TestDatabase;

  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(async () => {
    await empty?.destroy();
  });

  it("run from zero on an empty database and are idempotent", async () => {
    // the template is already migrated; start from a database with nothing in it
    const u = new URL(empty.url);
    const name = `${u.pathname.slice(1)}_zero`;
    await sql.raw(`create database ${name}`).execute(empty.db);
    u.pathname = `/${name}`;
    const db = createDb(u.toString(), { max: 2 });
    try {
      const applied = await migrateToLatest(db, u.toString());
      expect(applied).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db, u.toString())).toEqual([]);
      const tables = await db
        .selectFrom(sql<{ tablename: string }>`pg_tables`.as("t"))
        .select("tablename")
        .where(sql.ref("schemaname"), "=", "public")
        .execute();
      const names = tables.map((t) => t.tablename);
      for (const t of [
        "institutions",
        "users",
        "sessions",
        "weekly_surveys",
        "sos_requests",
        "sos_request_history",
        "prefecture_reviews",
        "ministry_approvals",
        "vendor_registrations",
        "target_items",
        "purchase_links",
        "product_sizes",
        "orders",
        "order_lines",
        "shipments",
        "sanctions",
        "mail_outbox",
        "audit_log",
      ]) {
        expect(names).toContain(t);
      }
      const worker = await sql<{ n: number }>`
        select count(*)::int as n from pg_namespace where nspname = 'graphile_worker'`.execute(db);
      expect(worker.rows[0]?.n).toBe(1);
    } finally {
      await db.destroy();
      await sql.raw(`drop database ${name} with (force)`).execute(empty.db);
    }
  });
});

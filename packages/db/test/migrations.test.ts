import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/connect";
import { migrateToLatest, migrations } from "../src/migrate";
import { SENT_SECRET_MAIL_TEXT } from "../src/outbox";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

describe("migrations", () => {
  let empty: TestDatabase;

  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(async () => {
    await empty?.destroy();
  });

  // The template is already migrated; these start from a database with nothing in it.
  async function withBlankDatabase(suffix: string, fn: (db: Db, url: string) => Promise<void>) {
    const u = new URL(empty.url);
    const name = `${u.pathname.slice(1)}_${suffix}`;
    await sql.raw(`create database ${name}`).execute(empty.db);
    u.pathname = `/${name}`;
    const db = createDb(u.toString(), { max: 2 });
    try {
      await fn(db, u.toString());
    } finally {
      await db.destroy();
      await sql.raw(`drop database ${name} with (force)`).execute(empty.db);
    }
  }

  it("run from zero on an empty database and are idempotent", async () => {
    await withBlankDatabase("zero", async (db, url) => {
      const applied = await migrateToLatest(db, url);
      expect(applied).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db, url)).toEqual([]);
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
    });
  });

  it("0005 marks the mail already carrying a token secret and empties the sent ones", async () => {
    await withBlankDatabase("secret", async (db, url) => {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("0004_vendor")).error).toBeUndefined();
      const rows = [
        ["password_reset", "sent"],
        ["purchase_link", "sent"],
        ["order_confirmed", "sent"],
        ["purchase_link", "pending"],
        ["password_reset", "failed"],
        ["order_shipped", "sent"],
      ] as const;
      for (const [kind, status] of rows) {
        await sql`
          insert into mail_outbox (kind, to_address, from_address, subject, text_body, html_body,
            status, sent_at)
          values (${kind}, 'a@example.jp', 'noreply@example.jp', '件名', ${`${kind} ${status} の本文`},
            '<p>本文</p>', ${status}, ${status === "sent" ? sql`now()` : null})`.execute(db);
      }

      await migrateToLatest(db, url);

      const after = await db
        .selectFrom("mailOutbox")
        .select(["kind", "status", "secret", "textBody", "htmlBody"])
        .execute();
      const byRow = (kind: string, status: string) =>
        after.find((row) => row.kind === kind && row.status === status);
      const scrubbed = { secret: true, textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null };
      expect(byRow("password_reset", "sent")).toMatchObject(scrubbed);
      expect(byRow("purchase_link", "sent")).toMatchObject(scrubbed);
      expect(byRow("order_confirmed", "sent")).toMatchObject(scrubbed);
      expect(byRow("purchase_link", "pending")).toMatchObject({
        secret: true,
        textBody: "purchase_link pending の本文",
        htmlBody: "<p>本文</p>",
      });
      expect(byRow("password_reset", "failed")).toMatchObject({
        secret: true,
        textBody: "password_reset failed の本文",
      });
      expect(byRow("order_shipped", "sent")).toMatchObject({
        secret: false,
        textBody: "order_shipped sent の本文",
        htmlBody: "<p>本文</p>",
      });
    });
  });
});

import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * Per-test cleanup without a hand-kept list of tables: one
 * `TRUNCATE … RESTART IDENTITY CASCADE` of every table in the app schema
 * (`public`) that was empty when this database was first asked, which in a
 * test file is the first `beforeEach`, once `beforeAll` has built its world.
 *
 * Kept, by rule rather than by name:
 * - reference data: a table holding rows at that first call. Migrations seed
 *   none today, so it is the file's world (prefectures, institutions, users,
 *   products, the callers' sessions) that every test of the file builds on;
 * - migration bookkeeping (`kysely_migration*`);
 * - a table with a TRUNCATE trigger: the append-only audit log refuses it;
 * - a table a kept one references, which CASCADE would otherwise reach;
 * - every other schema: graphile_worker's jobs are the caller's to clear.
 *
 * The statement is worked out once per database and reused.
 */
export async function emptyTables(db: Db): Promise<void> {
  let statement = statements.get(db);
  if (statement === undefined) {
    statement = truncateStatement(db);
    statements.set(db, statement);
  }
  const text = await statement;
  if (text !== null) await sql.raw(text).execute(db);
}

const statements = new WeakMap<Db, Promise<string | null>>();

async function truncateStatement(db: Db): Promise<string | null> {
  const { rows: tables } = await sql<{ name: string; truncatable: boolean }>`
    select t.tablename as name, not exists (
      select 1 from pg_trigger g
      where g.tgrelid = format('public.%I', t.tablename)::regclass
        and not g.tgisinternal
        and (g.tgtype & 32) <> 0
    ) as truncatable
    from pg_tables t
    where t.schemaname = 'public' and t.tablename not like 'kysely\_migration%'
    order by t.tablename`.execute(db);
  const { rows: references } = await sql<{ referencing: string; referenced: string }>`
    select r.relname as referencing, d.relname as referenced
    from pg_constraint c
    join pg_class r on r.oid = c.conrelid
    join pg_class d on d.oid = c.confrelid
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(db);
  const kept = new Set<string>();
  for (const table of tables) {
    if (!table.truncatable || !(await isEmpty(db, table.name))) kept.add(table.name);
  }
  // CASCADE empties every table referencing an emptied one, so a table that a kept
  // table references is kept too (the audit log's users, and in turn their institutions).
  for (let grown = true; grown; ) {
    grown = false;
    for (const { referencing, referenced } of references) {
      if (kept.has(referencing) && !kept.has(referenced)) {
        kept.add(referenced);
        grown = true;
      }
    }
  }
  const cleared = tables.filter((t) => !kept.has(t.name)).map((t) => quote(t.name));
  if (cleared.length === 0) return null;
  return `truncate ${cleared.join(", ")} restart identity cascade`;
}

async function isEmpty(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`
    select not exists (select 1 from ${sql.raw(quote(table))}) as empty`.execute(db);
  return rows[0]?.empty === true;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

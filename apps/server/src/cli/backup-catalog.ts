import type pg from "pg";

/**
 * What a backup holds, read from the database's own catalog so that a table
 * added by a later migration is backed up without anyone listing it here.
 */

/** The application's tables and graphile-worker's job queue (mails not yet sent are jobs). */
export const BACKUP_SCHEMAS = ["public", "graphile_worker"] as const;

/** Bookkeeping that the schema set-up writes itself; the manifest records it instead. */
const SCHEMA_BOOKKEEPING = new Set([
  "public.kysely_migration",
  "public.kysely_migration_lock",
  "graphile_worker.migrations",
]);

export interface TableInfo {
  /** "public.institutions" */
  name: string;
  /** Columns a COPY reads and writes: every column but generated ones, in order. */
  columns: string[];
}

export interface SequenceInfo {
  name: string;
  /** null: never used (nextval gives its start). */
  lastValue: string | null;
}

export interface TableFingerprint {
  rows: number;
  /** Sum of the first 60 bits of md5(row as text) over the table: order-independent. */
  checksum: string;
}

export type Fingerprint = Record<string, TableFingerprint>;

export function quoteName(qualified: string): string {
  return qualified
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");
}

/**
 * Every session that reads or compares data speaks the same text: COPY's and
 * row-to-text output depend on these settings, and a checksum must not change
 * with the server's or the operator's time zone.
 */
export async function useCanonicalSettings(client: pg.ClientBase): Promise<void> {
  await client.query(`set time zone 'UTC';
    set datestyle = 'ISO, YMD';
    set intervalstyle = 'postgres';
    set extra_float_digits = 1;
    set bytea_output = 'hex';
    set client_encoding = 'UTF8'`);
}

/**
 * The tables to back up, parents before the tables whose foreign keys point at
 * them, so a restore can load them in this order with every constraint checked.
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows: columns } = await client.query<{ name: string; column: string }>(
    `select n.nspname || '.' || c.relname as name, a.attname as column
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relkind in ('r', 'p') and n.nspname = any($1) and a.attgenerated = ''
      order by n.nspname, c.relname, a.attnum`,
    [BACKUP_SCHEMAS],
  );
  const tables = new Map<string, string[]>();
  for (const row of columns) {
    if (SCHEMA_BOOKKEEPING.has(row.name)) continue;
    tables.set(row.name, [...(tables.get(row.name) ?? []), row.column]);
  }
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
       from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
       join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
      where k.contype = 'f' and cn.nspname = any($1)`,
    [BACKUP_SCHEMAS],
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references) {
    if (child === parent || !tables.has(parent)) continue;
    parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (visiting.has(name)) {
      throw new Error(
        `外部キーが循環しているため、読み込み順を決められません / foreign keys form a cycle: ${[...path, name].join(" → ")}`,
      );
    }
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) place(parent, [...path, name]);
    visiting.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of [...tables.keys()].sort()) place(name, []);
  return ordered.map((name) => ({ name, columns: tables.get(name) ?? [] }));
}

export async function listSequences(client: pg.ClientBase): Promise<SequenceInfo[]> {
  const { rows } = await client.query<{ name: string; lastValue: string | null }>(
    `select schemaname || '.' || sequencename as name, last_value::text as "lastValue"
       from pg_sequences where schemaname = any($1) order by 1`,
    [BACKUP_SCHEMAS],
  );
  return rows;
}

/** Row count and checksum of every table, as the client's transaction sees them. */
export async function fingerprint(
  client: pg.ClientBase,
  tables: readonly TableInfo[],
): Promise<Fingerprint> {
  const result: Fingerprint = {};
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*)::text as rows,
              coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text as checksum
         from ${quoteName(table.name)} t`,
    );
    result[table.name] = { rows: Number(rows[0]?.rows ?? 0), checksum: rows[0]?.checksum ?? "0" };
  }
  return result;
}

/** The tables whose count or checksum differ, with both sides, for the operator. */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const problems: string[] = [];
  for (const name of names) {
    const want = expected[name];
    const got = actual[name];
    if (want === undefined || got === undefined) {
      problems.push(
        `${name}: ${want === undefined ? "バックアップにない" : "復元先にない"}テーブル`,
      );
    } else if (want.rows !== got.rows) {
      problems.push(`${name}: 件数 ${want.rows} → ${got.rows}`);
    } else if (want.checksum !== got.checksum) {
      problems.push(`${name}: 件数は同じ（${got.rows}件）だが内容のチェックサムが異なる`);
    }
  }
  return problems;
}

import { createDb, migrateUpTo, migrations } from "@sos/db";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type BackupManifest, readManifest, readTables } from "./backup-archive";
import {
  BACKUP_SCHEMAS,
  compareFingerprints,
  fingerprint,
  quoteName,
  useCanonicalSettings,
} from "./backup-catalog";

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

export interface RestoreOptions {
  file: string;
  /** The database to restore into: empty, or emptied first with `replace`. */
  connectionString: string;
  /** Drop what the target holds first (the caller has taken a safety backup). */
  replace?: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after the data was loaded. */
  migratedAfter: string[];
  elapsedMs: number;
}

async function withClient<T>(
  connectionString: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: "sos-restore" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The backup's migrations must be this code's first ones, in order: data fits that schema only. */
function checkMigrations(manifest: BackupManifest): void {
  const known = Object.keys(migrations);
  const fits = manifest.migrations.every((name, index) => known[index] === name);
  if (!fits) {
    throw new RestoreRefusedError(
      `このバックアップのスキーマ（最後のマイグレーション ${manifest.migrations.at(-1)}）は、このバージョンのアプリにはありません。バックアップを取ったときのバージョン以降のアプリで復元してください。`,
    );
  }
}

async function prepareTarget(client: pg.Client, replace: boolean): Promise<void> {
  const { rows } = await client.query<{ n: string }>(
    "select count(*)::text as n from pg_tables where schemaname = any($1)",
    [BACKUP_SCHEMAS],
  );
  if (Number(rows[0]?.n ?? 0) === 0) return;
  if (!replace) {
    throw new RestoreRefusedError(
      "復元先のデータベースにはすでにテーブルがあります。空のデータベースに復元するか、今のデータを置き換える場合は --replace を付けてください（置き換える前に今のデータのバックアップを取ります）。",
    );
  }
  const others = await client.query<{ n: string }>(
    "select count(*)::text as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  if (Number(others.rows[0]?.n ?? 0) > 0) {
    throw new RestoreRefusedError(
      "復元先のデータベースに接続中のプロセスがあります。サーバー（pnpm start）をすべて停止してから復元してください。",
    );
  }
  await client.query(`begin;
    drop schema if exists graphile_worker cascade;
    drop schema if exists public cascade;
    create schema public;
    commit`);
}

/**
 * Loads every table in one transaction, with user triggers (the audit log's
 * append-only guard, which also refuses TRUNCATE) held off, sets the sequences, and checks every table's
 * count and checksum against the manifest before committing: a restore that
 * does not reproduce the backup leaves nothing behind.
 */
async function loadData(client: pg.Client, file: string, manifest: BackupManifest): Promise<void> {
  await useCanonicalSettings(client);
  await client.query("begin");
  try {
    const { rows: triggered } = await client.query<{ name: string }>(
      `select distinct n.nspname || '.' || c.relname as name
         from pg_trigger t join pg_class c on c.oid = t.tgrelid
         join pg_namespace n on n.oid = c.relnamespace
        where not t.tgisinternal and n.nspname = any($1)`,
      [BACKUP_SCHEMAS],
    );
    const withTriggers = triggered.map((row) => row.name);
    for (const name of withTriggers) {
      await client.query(`alter table ${quoteName(name)} disable trigger user`);
    }
    // Rows a migration wrote (reference data) are in the backup too.
    await client.query(
      `truncate ${manifest.tables.map((table) => quoteName(table.name)).join(", ")}`,
    );
    await readTables(file, (table) =>
      client.query(
        copyFrom(
          `copy ${quoteName(table.name)} (${table.columns.map((c) => quoteName(c)).join(", ")}) from stdin`,
        ),
      ),
    );
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue;
      await client.query("select setval($1::regclass, $2::bigint, true)", [
        quoteName(sequence.name),
        sequence.lastValue,
      ]);
    }
    for (const name of withTriggers) {
      await client.query(`alter table ${quoteName(name)} enable trigger user`);
    }
    const problems = compareFingerprints(
      manifest.fingerprint,
      await fingerprint(client, manifest.tables),
    );
    if (problems.length > 0) {
      throw new RestoreRefusedError(
        `復元したデータがバックアップの目録と一致しないため、復元を取り消しました：\n  ${problems.join("\n  ")}`,
      );
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}

/**
 * Restores a backup written by writeBackup: the schema of the backup's time,
 * the data in one checked transaction, then any newer migrations.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const manifest = await readManifest(options.file);
  checkMigrations(manifest);
  await withClient(options.connectionString, (client) =>
    prepareTarget(client, options.replace === true),
  );

  const db = createDb(options.connectionString, { max: 2, applicationName: "sos-restore" });
  try {
    const backupSchema = manifest.migrations.at(-1) ?? null;
    log(`スキーマを作成しています（${backupSchema} まで）/ creating the backup's schema…`);
    await migrateUpTo(db, options.connectionString, backupSchema);
    await withClient(options.connectionString, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        "select max(id) as id from graphile_worker.migrations",
      );
      if (Number(rows[0]?.id ?? 0) !== manifest.workerMigration) {
        throw new RestoreRefusedError(
          `ジョブキュー（graphile-worker）のスキーマの版が異なります（バックアップ ${manifest.workerMigration}、このアプリ ${rows[0]?.id}）。バックアップを取ったときと同じバージョンのアプリで復元してください。`,
        );
      }
      log("データを読み込んでいます / loading the data…");
      await loadData(client, options.file, manifest);
      await client.query("analyze");
    });
    const migratedAfter = await migrateUpTo(db, options.connectionString, null);
    return { manifest, migratedAfter, elapsedMs: performance.now() - started };
  } finally {
    await db.destroy();
  }
}

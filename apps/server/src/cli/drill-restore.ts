import { join } from "node:path";
import { createDb, type Db, migrateToLatest } from "@sos/db";
import pg from "pg";
import { seedDemo } from "../seed/demo";
import { seedNational } from "../seed/national";
import { writeBackup } from "./backup-archive";
import {
  compareFingerprints,
  type Fingerprint,
  fingerprint,
  listSequences,
  listTables,
  type SequenceInfo,
  useCanonicalSettings,
} from "./backup-catalog";
import type { ScratchServer } from "./drill-scratch";
import { restoreBackup } from "./restore-database";

export interface DrillOptions {
  server: ScratchServer;
  /** Folder for the backup file (the caller removes it). */
  workDir: string;
  institutions: number;
  weeks: number;
  /** The seed's clock. */
  now: Date;
  log: (line: string) => void;
  /** More data after the seed (a test's audit entries, jobs, switches). */
  prepare?: (db: Db) => Promise<void>;
}

export interface DrillReport {
  institutions: number;
  surveys: number;
  tables: number;
  rows: number;
  /** Rows per table of the source, largest first. */
  counts: Array<{ table: string; rows: number }>;
  backupFile: string;
  backupBytes: number;
  seedMs: number;
  backupMs: number;
  restoreMs: number;
  /** Tables or sequences whose restored copy differs from the source: empty when the drill passes. */
  mismatches: string[];
}

/** Counts, checksums and sequences of a whole database, read in one snapshot. */
async function observe(url: string): Promise<{ tables: Fingerprint; sequences: SequenceInfo[] }> {
  const client = new pg.Client({ connectionString: url, application_name: "sos-drill" });
  await client.connect();
  try {
    await useCanonicalSettings(client);
    await client.query("begin isolation level repeatable read, read only");
    const tables = await fingerprint(client, await listTables(client));
    const sequences = await listSequences(client);
    await client.query("commit");
    return { tables, sequences };
  } finally {
    await client.end();
  }
}

function compareSequences(expected: SequenceInfo[], actual: SequenceInfo[]): string[] {
  const restored = new Map(actual.map((s) => [s.name, s.lastValue]));
  return expected
    .filter((s) => restored.get(s.name) !== s.lastValue)
    .map((s) => `${s.name}: シーケンス ${s.lastValue} → ${restored.get(s.name) ?? "なし"}`);
}

/**
 * The restore drill: demo and national data in a scratch database, a backup
 * of it, a restore into a fresh database, and an independent comparison of
 * every table's count and checksum and every sequence on both sides.
 */
export async function runRestoreDrill(options: DrillOptions): Promise<DrillReport> {
  const { server, log } = options;
  const sourceUrl = await server.createDatabase("sos_drill_source");
  const source = createDb(sourceUrl, { max: 4, applicationName: "sos-drill" });
  const seedStarted = performance.now();
  let institutions: number;
  let surveys: number;
  try {
    await migrateToLatest(source, sourceUrl);
    await seedDemo(source, { log: () => {}, now: options.now });
    const national = await seedNational(source, {
      institutions: options.institutions,
      weeks: options.weeks,
      now: options.now,
      log,
    });
    await options.prepare?.(source);
    institutions = national?.institutions ?? 0;
    surveys = national?.surveys ?? 0;
  } finally {
    await source.destroy();
  }
  const seedMs = performance.now() - seedStarted;

  log("バックアップ / backup…");
  const backup = await writeBackup(sourceUrl, join(options.workDir, "drill.backup.gz"));
  log("新しいデータベースへ復元 / restore into a fresh database…");
  const targetUrl = await server.createDatabase("sos_drill_restored");
  const restore = await restoreBackup({ file: backup.file, connectionString: targetUrl, log });

  log("復元元と復元先を比較 / comparing source and restored database…");
  const [before, after] = await Promise.all([observe(sourceUrl), observe(targetUrl)]);
  const counts = Object.entries(before.tables)
    .map(([table, t]) => ({ table, rows: t.rows }))
    .sort((a, b) => b.rows - a.rows || a.table.localeCompare(b.table));
  return {
    institutions,
    surveys,
    tables: counts.length,
    rows: counts.reduce((sum, t) => sum + t.rows, 0),
    counts,
    backupFile: backup.file,
    backupBytes: backup.bytes,
    seedMs,
    backupMs: backup.elapsedMs,
    restoreMs: restore.elapsedMs,
    mismatches: [
      ...compareFingerprints(before.tables, after.tables),
      ...compareSequences(before.sequences, after.sequences),
    ],
  };
}

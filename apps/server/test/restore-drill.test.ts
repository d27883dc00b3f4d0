import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { appendAudit, createDb, enqueueMail, switchReadOnly } from "@sos/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupFileError, readManifest } from "../src/cli/backup-archive";
import { type DrillReport, runRestoreDrill } from "../src/cli/drill-restore";
import { type ScratchServer, scratchServer } from "../src/cli/drill-scratch";
import { RestoreRefusedError, restoreBackup } from "../src/cli/restore-database";

// The restore drill of `pnpm drill:restore` on a few hundred institutions, so the
// backup and restore path cannot rot between drills: every table's count and
// checksum and every sequence must come back, and a damaged backup must be
// refused with nothing left behind.

const NOW = new Date("2026-11-26T03:00:00Z");

let server: ScratchServer;
let workDir: string;
let report: DrillReport;

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await scratchServer(process.env.DATABASE_URL ?? null);
  workDir = await mkdtemp(join(tmpdir(), "sos-drill-test-"));
  report = await runRestoreDrill({
    server,
    workDir,
    institutions: 300,
    weeks: 2,
    now: NOW,
    log: () => {},
    // Rows in the tables the seed leaves empty: the append-only audit log (its
    // trigger also refuses TRUNCATE), identity sequences, the outbox and its job.
    prepare: async (db) => {
      await appendAudit(db, { action: "drill.test", details: { 名前: "復元訓練" } });
      await enqueueMail(db, {
        kind: "drill",
        to: "drill@example.jp",
        from: "noreply@sos-supply.example",
        subject: "復元訓練",
        text: '改行\nタブ\t円記号\\ と引用符 " を含む本文',
      });
      await switchReadOnly(db, {
        readOnly: true,
        reason: "バックアップ取得",
        at: NOW,
        actor: null,
        via: "cli",
      });
    },
  });
}, 120_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  await server?.close();
});

describe("restore drill on a small data set", () => {
  it("restores every table and sequence of the seeded database", () => {
    expect(report.mismatches).toEqual([]);
    const rows = Object.fromEntries(report.counts.map((c) => [c.table, c.rows]));
    expect(report.institutions).toBe(300);
    expect(rows["public.institutions"]).toBe(600); // the demo's 300 and the national 300
    expect(rows["public.weekly_surveys"]).toBeGreaterThan(300);
    expect(rows["public.audit_log"]).toBeGreaterThanOrEqual(2);
    expect(rows["public.mail_outbox"]).toBe(1);
    expect(rows["graphile_worker._private_jobs"]).toBe(1);
    expect(rows["public.maintenance_mode"]).toBe(1);
    expect(report.backupMs).toBeGreaterThan(0);
    expect(report.restoreMs).toBeGreaterThan(0);
  });

  it("keeps the identity sequences going on from the restored rows", async () => {
    const url = await server.createDatabase("sos_drill_seq");
    await restoreBackup({ file: report.backupFile, connectionString: url });
    const db = createDb(url, { max: 1 });
    try {
      await appendAudit(db, { action: "drill.after_restore" });
      const [last] = await query<{ ids: string }>(
        url,
        "select count(distinct id)::text || '/' || count(*)::text as ids from audit_log",
      );
      const [a, b] = (last?.ids ?? "").split("/");
      expect(a).toBe(b);
    } finally {
      await db.destroy();
    }
  });

  it("refuses a backup whose rows were altered, leaving the target without data", async () => {
    const text = gunzipSync(readFileSync(report.backupFile)).toString("utf8");
    const manifest = await readManifest(report.backupFile);
    const tampered = text.replace(
      /^(COPY "public"\."institutions"[^\n]*\n[^\t]*\t[^\t]*\t)/m,
      "$1改",
    );
    expect(tampered).not.toBe(text);
    const file = join(workDir, "tampered.backup.gz");
    writeFileSync(file, gzipSync(tampered));
    const url = await server.createDatabase("sos_drill_tampered");
    await expect(restoreBackup({ file, connectionString: url })).rejects.toThrow(
      /public\.institutions: 件数は同じ.*チェックサムが異なる/,
    );
    const [left] = await query<{ n: string }>(url, "select count(*)::text as n from institutions");
    expect(left?.n).toBe("0");
    expect(manifest.fingerprint["public.institutions"]?.rows).toBe(600);
  });

  it("refuses a truncated backup", async () => {
    const bytes = readFileSync(report.backupFile);
    const file = join(workDir, "truncated.backup.gz");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const url = await server.createDatabase("sos_drill_truncated");
    await expect(restoreBackup({ file, connectionString: url })).rejects.toBeInstanceOf(
      BackupFileError,
    );
    const [left] = await query<{ n: string }>(
      url,
      "select count(*)::text as n from weekly_surveys",
    );
    expect(left?.n).toBe("0");
  });

  it("restores over existing data only when told to replace it", async () => {
    const url = await server.createDatabase("sos_drill_replace");
    await restoreBackup({ file: report.backupFile, connectionString: url });
    await expect(
      restoreBackup({ file: report.backupFile, connectionString: url }),
    ).rejects.toBeInstanceOf(RestoreRefusedError);
    await restoreBackup({ file: report.backupFile, connectionString: url, replace: true });
    const [restored] = await query<{ n: string }>(
      url,
      "select count(*)::text as n from institutions",
    );
    expect(restored?.n).toBe("600");
  });

  it("writes a gzip file whose data section reads like pg_dump's plain format", () => {
    const head = gunzipSync(readFileSync(report.backupFile)).toString("utf8");
    expect(head.split("\n")[0]).toBe("-- SOS Supply backup");
    expect(head).toMatch(
      /^COPY "public"\."prefectures" \("code", "name", "name_en"\) FROM stdin;$/m,
    );
  });
});

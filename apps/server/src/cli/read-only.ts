import { parseArgs } from "node:util";
import { readMaintenanceState, switchReadOnly } from "@sos/db";
import { requiredText } from "@sos/domain";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";

const USAGE = `使い方 / usage: pnpm read-only [status | on --reason 理由 | off --reason 理由]

  メンテナンス用の閲覧専用モードを確認・切り替えます（運用担当者向け。厚生労働省の担当者は
  審査コンソールのホームからも切り替えられます）。閲覧専用の間、ログイン・ログアウトと
  この切り替え以外の更新はすべて「現在メンテナンスのため、閲覧のみ可能です。」で断られます。
  設定はデータベースにあり、動作中のすべてのサーバーに即時に効きます。切り替えは監査ログに残ります。
  / shows or switches the read-only mode for maintenance; audited, seen by every server at once.`;

class UsageError extends Error {}

const Reason = requiredText("理由（--reason）", 200);

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { reason: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const command = positionals[0] ?? "status";
  if (values.help || positionals.length > 1 || !["status", "on", "off"].includes(command)) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  let reason: string | null = null;
  if (command !== "status") {
    const parsed = Reason.safeParse(values.reason ?? "");
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "理由が不正です");
    reason = parsed.data;
  }
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const database = await openDatabase(config, () => {}, {
    poolSize: 1,
    applicationName: "sos-read-only",
    joinRunningServer: true,
  });
  try {
    if (reason !== null) {
      const changed = await switchReadOnly(database.db, {
        readOnly: command === "on",
        reason,
        at: new Date(),
        actor: null,
        via: "cli",
      });
      if (!changed) log("すでにその状態です。何も変更していません。/ already so; nothing changed.");
    }
    const state = await readMaintenanceState(database.db);
    log(
      state.readOnly
        ? "閲覧専用モード：オン（更新はすべてお断りしています）/ read-only: ON"
        : "閲覧専用モード：オフ（通常どおり）/ read-only: off",
    );
    if (state.changedAt !== null) {
      const at = state.changedAt.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" });
      const who =
        state.changedVia === "cli" ? "運用コマンド" : (state.changedBy?.displayName ?? "不明");
      log(`  最終変更 ${at}（日本時間）${who}：${state.reason}`);
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) console.error(error.message);
    else if ((error as { code?: unknown }).code === "42P01") {
      // undefined_table: a database the product has never started on.
      console.error(
        "データベースがまだ作られていません。先に pnpm db:migrate（または pnpm start）を実行してください。",
      );
    } else console.error("切り替えに失敗しました / switch failed:", error);
    process.exit(1);
  },
);

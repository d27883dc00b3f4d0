import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { importRegistry, isDomainError, type RegistryImportReport } from "@sos/api";
import { formatNumber } from "@sos/domain";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";

const USAGE = `使い方 / usage: pnpm registry:import <ファイル.csv> [--apply] [--all]

  厚生労働省の医療機関名簿（CSV、UTF-8 または Shift_JIS）を取り込みます。
  見出し行：医療機関コード, 名称, 種別, 都道府県, 郵便番号, 住所, 電話, e-mail
  --apply を付けないときは確認だけで、何も書き込みません（行ごとの誤りと、
  現在の名簿との差分：新規・変更・名簿から消えたもの・変更なし を表示します）。
  --apply で反映します（1つのトランザクション、監査ログに記録）。同じファイルを
  もう一度反映しても何も変わりません。削除はせず、名簿から消えた医療機関は無効にします。
  誤りのある行があるときは反映しません。
  --all で誤りと差分をすべて表示します（既定は各20件まで）。
  / imports the ministry's register of institutions; preview by default, --apply writes.`;

class UsageError extends Error {}

const SHOWN = 20;

function list<T>(items: readonly T[], all: boolean, line: (item: T) => string): string[] {
  const shown = all ? items : items.slice(0, SHOWN);
  const lines = shown.map((item) => `  ${line(item)}`);
  if (shown.length < items.length) {
    lines.push(`  …ほか${formatNumber(items.length - shown.length)}件（--all ですべて表示）`);
  }
  return lines;
}

function reportLines(report: RegistryImportReport, all: boolean): string[] {
  const { counts } = report;
  const encoding = report.encoding === "cp932" ? "Shift_JIS" : "UTF-8";
  const lines = [`読み込み：${formatNumber(report.rowCount)}行（${encoding}）`];
  if (report.errors.length > 0) {
    lines.push(
      `誤りのある行：${formatNumber(report.errors.length)}件（直してからもう一度実行してください）`,
    );
    lines.push(
      ...list(
        report.errors,
        all,
        (e) => `${e.line}行目${e.column === null ? "" : `「${e.column}」`}：${e.messageJa}`,
      ),
    );
    lines.push("（以下の差分は誤りのない行だけで比べたものです）");
  }
  lines.push(
    `新規：${formatNumber(counts.new)}件　変更：${formatNumber(counts.changed)}件（うち再開 ${formatNumber(counts.returning)}件）　名簿から消えたもの（無効にします）：${formatNumber(counts.gone)}件　変更なし：${formatNumber(counts.unchanged)}件`,
  );
  if (report.added.length > 0)
    lines.push("新規", ...list(report.added, all, (a) => `${a.code} ${a.name}`));
  if (report.changed.length > 0) {
    lines.push(
      "変更",
      ...list(report.changed, all, (c) => {
        const fields = c.changes.map((f) => `${f.label} ${f.before} → ${f.after}`);
        if (c.returning) fields.unshift("無効→有効");
        return `${c.code} ${c.name}：${fields.join("、")}`;
      }),
    );
  }
  if (report.gone.length > 0)
    lines.push("名簿から消えたもの", ...list(report.gone, all, (g) => `${g.code} ${g.name}`));
  return lines;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      apply: { type: "boolean" },
      all: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [path] = positionals;
  if (values.help || path === undefined || positionals.length > 1) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`ファイル ${path} を読めませんでした。パスを確認してください。`);
  });
  const config = loadConfig();
  const database = await openDatabase(config, () => {}, {
    poolSize: 1,
    applicationName: "sos-registry-import",
    joinRunningServer: true,
  });
  try {
    const started = performance.now();
    const report = await importRegistry(database.db, new Uint8Array(bytes), {
      apply: values.apply === true,
      actor: { userId: null, role: null, via: "cli" },
      fileName: basename(path),
      mailFrom: config.mailFrom,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const line of reportLines(report, values.all === true)) console.log(line);
    if (report.refusalJa !== null) {
      console.log(report.refusalJa);
      process.exitCode = 1;
    } else if (report.applied) {
      console.log(`反映しました（${seconds}秒）。監査ログに記録しました。/ applied`);
      if (report.mailsQueued > 0) {
        console.log(
          `メールアドレス・住所が変わった医療機関へのお知らせ ${formatNumber(report.mailsQueued)}通を送信待ちにしました。`,
        );
      }
      if (report.purchaseLinksRevoked > 0) {
        console.log(
          `メールアドレスが変わった医療機関の購入リンク ${formatNumber(report.purchaseLinksRevoked)}件を無効にしました。販売業者の画面で「メールアドレス変更により無効」と表示され、変更後のアドレスに再送信できます。`,
        );
      }
    } else {
      console.log(
        `確認のみで、何も書き込んでいません（${seconds}秒）。反映するには --apply を付けてください。/ preview only`,
      );
      if (report.purchaseLinksAtRisk > 0) {
        console.log(
          `反映すると、メールアドレスが変わる医療機関のまだ使える購入リンク ${formatNumber(report.purchaseLinksAtRisk)}件が無効になります（販売業者が変更後のアドレスに再送信します）。`,
        );
      }
      if (report.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) console.error(error.message);
    else if (isDomainError(error)) console.error(error.messageJa);
    else if ((error as { code?: unknown }).code === "42P01") {
      // undefined_table: a database the product has never started on.
      console.error(
        "データベースがまだ作られていません。先に pnpm db:migrate（または pnpm start）を実行してください。",
      );
    } else console.error("取り込みに失敗しました / import failed:", error);
    process.exit(1);
  },
);

export interface BannerAccount {
  role: string;
  username: string;
  password: string;
  url: string;
}

export interface BannerOptions {
  publicBaseUrl: string;
  inbox: { url: string; smtpUrl: string } | null;
  smtpUrl: string | null;
  databaseLabel: string;
  worker: boolean;
  accounts: BannerAccount[] | null;
  unbuilt: string[];
}

function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, col) => Math.max(...rows.map((row) => displayWidth(row[col] ?? "")))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) => cell + " ".repeat((widths[col] ?? 0) - displayWidth(cell)))
      .join("  ")
      .trimEnd(),
  );
}

/** Terminal columns: full-width (Japanese) characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** What a newcomer needs after `pnpm start`: every URL and how to sign in. */
export function banner(options: BannerOptions): string {
  const base = options.publicBaseUrl;
  const lines: string[] = [
    "",
    "============================================================",
    " SOS Supply（医療用手袋の緊急配布） が起動しました / SOS Supply is running",
    "============================================================",
    "",
    ...table([
      ["トップページ", "Landing", `${base}/`],
      ["医療機関向け", "Institutions", `${base}/institution/`],
      ["都道府県・国向け", "Prefectures & ministry", `${base}/review/`],
      ["販売業者向け", "Vendor", `${base}/vendor/`],
      ...(options.inbox ? [["開発用メール受信箱", "Dev inbox", options.inbox.url]] : []),
      ["稼働確認", "Health", `${base}/healthz  ${base}/readyz`],
    ]).map((line) => `  ${line}`),
    "",
    `  データベース / database: ${options.databaseLabel}`,
    `  メール送信 / mail: ${
      options.smtpUrl ??
      `開発用受信箱に配送 (${options.inbox?.smtpUrl ?? "-"}) / caught by the dev inbox`
    }`,
    `  ジョブワーカー / job worker: ${options.worker ? "起動中 / running" : "停止 (WORKER=false) / off"}`,
  ];
  if (options.unbuilt.length > 0) {
    lines.push(
      "",
      `  ※ 未ビルドの画面があります / not built: ${options.unbuilt.join(", ")} — pnpm build を実行してください`,
    );
  }
  if (options.accounts && options.accounts.length > 0) {
    lines.push(
      "",
      "  デモ用ログイン / demo sign-ins:",
      ...table([
        ["種別 / role", "ユーザー名 / username", "パスワード / password", "画面 / app"],
        ...options.accounts.map((a) => [a.role, a.username, a.password, a.url]),
      ]).map((line) => `    ${line}`),
    );
  }
  lines.push("", "  終了するには Ctrl-C を押してください / press Ctrl-C to stop", "");
  return lines.join("\n");
}

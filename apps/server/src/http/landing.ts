import { APP_NAMES } from "@sos/api";
import type { BannerAccount } from "../cli/banner";
import { html, page } from "./html";
import { APP_TITLES } from "./static-apps";

export interface LandingOptions {
  /** Which apps have a build to serve. */
  built: Record<(typeof APP_NAMES)[number], boolean>;
  /** Present when the dev inbox runs (no SMTP_URL). */
  inboxPath: string | null;
  /** The demo sign-ins, shown only where the demo was seeded (a local demo, or DEMO_DATA=1). */
  demoAccounts: readonly BannerAccount[] | null;
}

/** The page at /: what this service is and where each kind of user goes. */
export function landingPage(options: LandingOptions): string {
  const cards = APP_NAMES.map(
    (app) => html`<li class="card">
<h2><a href="/${app}/">${APP_TITLES[app].ja}</a></h2>
<p>${APP_TITLES[app].who}</p>
<p class="muted">${APP_TITLES[app].en} — <a href="/${app}/">/${app}/</a>${
      options.built[app] ? null : html`（未ビルド: <code>pnpm build</code> を実行してください）`
    }</p>
</li>`,
  );
  const inbox =
    options.inboxPath === null
      ? null
      : html`<h2>開発用メール受信箱</h2>
<p class="notice">この環境では実際のメールは送信されません。パスワード再設定メールや購入用リンクなど、システムが送ったメールはすべて <a href="${options.inboxPath}">開発用メール受信箱</a> で確認できます。</p>`;
  const demo =
    options.demoAccounts === null || options.demoAccounts.length === 0
      ? null
      : html`<h2>デモ用アカウント</h2>
<p class="notice">デモデータ用のアカウントです。役割ごとに見える範囲が異なります。</p>
<table>
<thead><tr><th scope="col">役割</th><th scope="col">ユーザー名</th><th scope="col">パスワード</th><th scope="col">画面</th></tr></thead>
<tbody>${options.demoAccounts.map(
          (account) =>
            html`<tr><td>${account.role}</td><td><code>${account.username}</code></td><td><code>${account.password}</code></td><td><a href="${account.url}">${account.url}</a></td></tr>`,
        )}</tbody>
</table>`;
  return page({
    title: "SOS Supply（医療用手袋の緊急配布）",
    body: html`<h1>SOS Supply（医療用手袋の緊急配布）</h1>
<p>国が備蓄する医療用手袋（ニトリル手袋）を、在庫が逼迫した医療機関等へ緊急に放出（販売）するためのシステムです。ご自身の立場に合った画面を選んでください。</p>
<p class="muted">Emergency release of medical gloves held by the Ministry of Health, Labour and Welfare. Choose the app for your role.</p>
<ul class="cards">${cards}</ul>
<h2>公開情報</h2>
<p><a href="/review/open-data">供給不足時の割当ルールと週次集計</a>（ログイン不要）: 割当のルール、抽選シードの事前公開（SHA-256）、確定した割当の入力・結果ファイル、週次の集計（CSV・JSON）。</p>
${demo}
${inbox}
<h2>稼働状況</h2>
<p><a href="/healthz">/healthz</a>（稼働確認） ・ <a href="/readyz">/readyz</a>（データベース接続の確認）</p>`,
  });
}

import type { FastifyInstance } from "fastify";
import { NOT_FOUND_MESSAGE, sendSafeError } from "../http/fallbacks";
import { html, linkify, page } from "../http/html";
import type { DevInbox } from "./dev-inbox";

export const INBOX_PATH = "/inbox";

const TOKYO_TIME = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function formatTime(at: Date): string {
  return TOKYO_TIME.format(at);
}

/** Pages that list and show the mail the dev inbox caught (only mounted without SMTP_URL). */
export function registerInboxPages(app: FastifyInstance, inbox: DevInbox): void {
  app.get(INBOX_PATH, async (_request, reply) => {
    const messages = inbox.list();
    const rows = messages.map(
      (message) => html`<tr>
<td>${formatTime(message.receivedAt)}</td>
<td>${message.to}</td>
<td><a href="${INBOX_PATH}/${message.id}">${message.subject || "（件名なし）"}</a></td>
</tr>`,
    );
    const body = html`<h1>開発用メール受信箱</h1>
<p>このサーバーが送信したメールは、実際には配信されずここに届きます（最新のものが上）。再読み込みすると新しいメールが表示されます。</p>
<p class="muted">Development inbox: mail sent by this server is caught here instead of being delivered. SMTP: <code>${inbox.smtpUrl}</code></p>
${
  messages.length === 0
    ? html`<p class="notice">まだメールはありません。たとえばログイン画面の「パスワードを忘れた方」から再設定を申請すると、ここにメールが届きます。</p>`
    : html`<table>
<thead><tr><th scope="col">受信日時</th><th scope="col">宛先</th><th scope="col">件名</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
}
<p><a href="/">トップページへ戻る</a></p>`;
    return reply
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(page({ title: "開発用メール受信箱", body }));
  });

  app.get<{ Params: { id: string } }>(`${INBOX_PATH}/:id`, async (request, reply) => {
    const message = inbox.get(request.params.id);
    if (!message) return sendSafeError(request, reply, 404, NOT_FOUND_MESSAGE);
    const body = html`<p><a href="${INBOX_PATH}">← 受信箱へ戻る</a></p>
<h1>${message.subject || "（件名なし）"}</h1>
<table>
<tr><th scope="row">受信日時</th><td>${formatTime(message.receivedAt)}</td></tr>
<tr><th scope="row">差出人</th><td>${message.from}</td></tr>
<tr><th scope="row">宛先</th><td>${message.to}</td></tr>
</table>
<h2>本文</h2>
<pre class="mail">${linkify(message.text)}</pre>`;
    return reply
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(page({ title: `${message.subject} - 開発用メール受信箱`, body }));
  });
}

import { type Kysely, sql } from "kysely";

// Some mail carries a live credential in its body: the password-reset link, the
// purchase link, and the order confirmation (which links back to the purchase
// page with the same token). The token tables keep only hashes, so the outbox
// must not be the one place where whoever reads the database (a backup, support
// staff) finds a working link. Such a mail is marked secret, and the worker
// replaces its body in the same UPDATE that marks it sent; the check makes the
// database refuse a sent secret mail that still holds one.
//
// The replacement is a fixed text rather than '': a person reading the row sees
// why the body is gone, and the check can tell the text from any real body. It
// is spelled out here, not imported, because an applied migration must not
// change; SENT_SECRET_MAIL_TEXT in outbox.ts has to equal it.
//
// A pending or failed secret mail keeps its body: it has reached nobody yet,
// and a retry, or an operator queuing a failed mail again, must be able to send it.
//
// Rows written before this migration: the kinds known to carry a token become
// secret, and those already sent lose their bodies now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox add column secret boolean not null default false;

    update mail_outbox set secret = true
      where kind in ('password_reset', 'purchase_link', 'order_confirmed');
    update mail_outbox
      set text_body = '（送信済み：本文に有効なリンクを含むため削除しました）', html_body = null
      where secret and status = 'sent';

    alter table mail_outbox add constraint mail_outbox_sent_secret_has_no_body check (
      not secret or status <> 'sent'
      or (text_body = '（送信済み：本文に有効なリンクを含むため削除しました）' and html_body is null)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox drop constraint if exists mail_outbox_sent_secret_has_no_body;
    alter table mail_outbox drop column if exists secret;
  `.execute(db);
}

import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { addJob, addJobs } from "./jobs";
import type { Database } from "./schema";

export const SEND_MAIL_TASK = "send_mail";

/**
 * What a sent secret mail keeps instead of its body. The check of migration
 * 0005_secret_mail names this exact text, so changing it takes a migration.
 */
export const SENT_SECRET_MAIL_TEXT = "（送信済み：本文に有効なリンクを含むため削除しました）";

export interface OutgoingMail {
  kind: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Not before this instant (e.g. a notice the manual allows only from a given
   * day): the worker picks the job up then. Omitted = as soon as possible.
   */
  sendAt?: Date;
  /**
   * The body carries a live credential (a reset or purchase link). The token
   * tables keep only hashes, so once the mail is sent the outbox keeps
   * SENT_SECRET_MAIL_TEXT instead of the body. Until then the body stays, for retries.
   */
  secret?: boolean;
}

/**
 * Writes the mail and its send job in the caller's transaction (pass the
 * transaction as `db`). The worker sends it later, with retries.
 */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<string> {
  const row = await db
    .insertInto("mailOutbox")
    .values({
      kind: mail.kind,
      toAddress: mail.to,
      fromAddress: mail.from,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      secret: mail.secret ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addJob(
    db,
    SEND_MAIL_TASK,
    { mailId: row.id },
    { jobKey: `mail:${row.id}`, ...(mail.sendAt === undefined ? {} : { runAt: mail.sendAt }) },
  );
  return row.id;
}

/**
 * Many mails in one statement, sent by one batch job (graphile-worker hands the
 * task the array; the worker claims them together, sends them over its pooled
 * connections and retries only those that failed). For a bulk action such as
 * a purchase-link run: a job per mail costs the worker more than the sending.
 * Like enqueueMail, it joins the caller's transaction. Returns the mails' ids in
 * the order given.
 */
export async function enqueueMailBatch(
  db: Kysely<Database>,
  mails: readonly Omit<OutgoingMail, "sendAt">[],
): Promise<string[]> {
  if (mails.length === 0) return [];
  const ids = mails.map(() => randomUUID());
  await sql`
    insert into mail_outbox (id, kind, to_address, from_address, subject, text_body, html_body, secret)
    select * from unnest(${ids}::uuid[], ${mails.map((m) => m.kind)}::text[],
      ${mails.map((m) => m.to)}::text[], ${mails.map((m) => m.from)}::text[],
      ${mails.map((m) => m.subject)}::text[], ${mails.map((m) => m.text)}::text[],
      ${mails.map((m) => m.html ?? null)}::text[], ${mails.map((m) => m.secret ?? false)}::boolean[])`.execute(
    db,
  );
  await addJobs(db, [{ task: SEND_MAIL_TASK, payload: ids.map((mailId) => ({ mailId })) }]);
  return ids;
}

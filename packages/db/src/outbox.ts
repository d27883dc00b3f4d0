import type { Kysely } from "kysely";
import { addJob } from "./jobs";
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

import type { Kysely } from "kysely";
import { addJob } from "./jobs";
import type { Database } from "./schema";

export const SEND_MAIL_TASK = "send_mail";

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

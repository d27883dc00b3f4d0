import { type Db, SEND_MAIL_TASK, SENT_SECRET_MAIL_TEXT } from "@sos/db";
import type { JobHelpers, Task } from "graphile-worker";
import { sql } from "kysely";
import { z } from "zod";
import type { MailTransport } from "../mail/transport";

export { SEND_MAIL_TASK };

const Payload = z.object({ mailId: z.guid() });

/** The Message-ID names the outbox row, so a duplicate after a retry is recognisable downstream. */
export function mailMessageId(mailId: string): string {
  return `<${mailId}@sos-supply>`;
}

const LAST_ERROR_MAX = 1000;

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

/**
 * Sends one mail_outbox row. Safe to run again: a row already sent is left
 * alone. A failure is recorded and rethrown so graphile-worker retries with
 * backoff; the last allowed attempt marks the row failed. A secret mail loses
 * its body once sent, and only then: a failed one keeps it, so that it can
 * still be queued again.
 */
export function createSendMailTask(deps: { db: Db; transport: MailTransport }): Task {
  const { db, transport } = deps;
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const { mailId } = Payload.parse(rawPayload);
    const mail = await db
      .selectFrom("mailOutbox")
      .selectAll()
      .where("id", "=", mailId)
      .executeTakeFirst();
    if (!mail) {
      helpers.logger.warn(`mail ${mailId} is not in mail_outbox; nothing to send`);
      return;
    }
    if (mail.status === "sent") return;

    try {
      await transport.sendMail({
        from: mail.fromAddress,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        ...(mail.htmlBody === null ? {} : { html: mail.htmlBody }),
        messageId: mailMessageId(mail.id),
        headers: { "X-SOS-Mail-Kind": mail.kind },
      });
    } catch (error) {
      const exhausted = helpers.job.attempts >= helpers.job.max_attempts;
      await db
        .updateTable("mailOutbox")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          lastError: describe(error),
          status: exhausted ? "failed" : "pending",
        }))
        .where("id", "=", mail.id)
        .where("status", "<>", "sent")
        .execute();
      throw error;
    }

    await db
      .updateTable("mailOutbox")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        status: "sent",
        sentAt: sql<Date>`now()`,
        // In the same statement, so that no committed state shows a sent secret mail with its link.
        ...(mail.secret ? { textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null } : {}),
      }))
      .where("id", "=", mail.id)
      .execute();
  };
}

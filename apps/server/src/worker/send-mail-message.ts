import type { Database } from "@sos/db";
import type { Selectable } from "kysely";
import type { SendMailOptions } from "nodemailer";

/**
 * The Message-ID names the outbox row: the idempotency key a receiver sees. A
 * mail sent again after an interrupted attempt carries the same one, so the
 * copy can be recognised and dropped downstream.
 */
export function mailMessageId(mailId: string): string {
  return `<${mailId}@sos-supply>`;
}

/** One run of a send_mail job: the job and the worker holding it. */
export interface Attempt {
  jobId: string;
  workerId: string;
}

const LAST_ERROR_MAX = 1000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

/**
 * The receiving server refused this message or its address for good: a 5xx reply
 * (RFC 5321 §4.2.1, "permanent negative completion") to RCPT TO or to the data. A
 * retry would get the same answer, so the mail is failed at once and marked
 * rejected (an invitation then shows as undeliverable). A 5xx to anything else
 * (the greeting, authentication) is the sending side's trouble, not the
 * address's, and is retried like any failure.
 */
export function isPermanentRejection(error: unknown): boolean {
  const { responseCode, code, command } = (error ?? {}) as {
    responseCode?: unknown;
    code?: unknown;
    command?: unknown;
  };
  if (typeof responseCode !== "number" || responseCode < 500 || responseCode > 599) return false;
  return code === "EENVELOPE" || command === "RCPT TO" || command === "DATA";
}

/** An outbox row as the SMTP message it stands for, on the single and the batch path alike. */
export function messageOf(mail: Selectable<Database["mailOutbox"]>): SendMailOptions {
  return {
    from: mail.fromAddress,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    ...(mail.htmlBody === null ? {} : { html: mail.htmlBody }),
    messageId: mailMessageId(mail.id),
    headers: { "X-SOS-Mail-Kind": mail.kind },
  };
}

import { type Database, type Db, SEND_MAIL_TASK, SENT_SECRET_MAIL_TEXT } from "@sos/db";
import type { JobHelpers, Task } from "graphile-worker";
import { type Selectable, sql, type UpdateObject } from "kysely";
import { z } from "zod";
import type { MailTransport } from "../mail/transport";
import { sendMailBatch } from "./send-mail-batch";
import {
  type Attempt,
  describeError,
  isPermanentRejection,
  mailMessageId,
  messageOf,
} from "./send-mail-message";

export { mailMessageId, SEND_MAIL_TASK };

const Payload = z.object({ mailId: z.guid() });
/** enqueueMailBatch's payload: graphile-worker's batch job, one entry per mail. */
const BatchPayload = z.array(Payload).min(1);

type Claim =
  | { kind: "missing" }
  | { kind: "sent" }
  /** Another attempt that is still running holds the mail. */
  | { kind: "busy"; holder: string }
  | { kind: "claimed"; interrupted: boolean; mail: Selectable<Database["mailOutbox"]> };

/**
 * Takes the mail for this attempt in a committed statement before any SMTP
 * traffic. A row left 'sending' by an attempt whose job is no longer locked by
 * that attempt's worker was cut off between the send and its record (the worker
 * was killed, or its locks were released because its process died): it is taken
 * over, and counted, because that attempt may already have delivered it.
 */
async function claim(db: Db, mailId: string, attempt: Attempt): Promise<Claim> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("mailOutbox")
      .selectAll()
      .where("id", "=", mailId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { kind: "missing" };
    if (row.status === "sent") return { kind: "sent" };
    const interrupted = row.status === "sending";
    if (interrupted && row.sendingJobId !== attempt.jobId) {
      // Our own job's earlier attempt is over for sure (we hold its lock now); another
      // job's attempt is still running while its worker holds that job.
      const running = await sql<{ id: string }>`
        select id from graphile_worker.jobs
        where id = ${row.sendingJobId}::bigint and locked_by = ${row.sendingWorker}
      `.execute(trx);
      if (running.rows.length > 0) return { kind: "busy", holder: row.sendingWorker ?? "" };
    }
    await trx
      .updateTable("mailOutbox")
      .set((eb) => ({
        status: "sending",
        sendingJobId: attempt.jobId,
        sendingWorker: attempt.workerId,
        sendingSince: sql<Date>`now()`,
        attempts: eb("attempts", "+", 1),
        ...(interrupted ? { interruptedAttempts: eb("interruptedAttempts", "+", 1) } : {}),
      }))
      .where("id", "=", mailId)
      .execute();
    return { kind: "claimed", interrupted, mail: row };
  });
}

/** Records how this attempt ended, unless another attempt has taken the mail over since. */
async function recordOutcome(
  db: Db,
  mailId: string,
  attempt: Attempt,
  outcome: UpdateObject<Database, "mailOutbox">,
): Promise<boolean> {
  const result = await db
    .updateTable("mailOutbox")
    .set({ ...outcome, sendingJobId: null, sendingWorker: null, sendingSince: null })
    .where("id", "=", mailId)
    .where("status", "=", "sending")
    .where("sendingJobId", "=", attempt.jobId)
    .where("sendingWorker", "=", attempt.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Sends one mail_outbox row, at most once per attempt and never again once it
 * is recorded as sent. The only case that can reach the SMTP server twice is a
 * process killed in the instant between the server accepting the mail and the
 * row being marked sent; the retry then carries the same Message-ID.
 *
 * A failure is recorded and rethrown so graphile-worker retries with backoff;
 * the last allowed attempt marks the row failed. A secret mail loses its body
 * once sent, and only then: a failed one keeps it, so that it can be queued again.
 */
export function createSendMailTask(deps: { db: Db; transport: MailTransport }): Task {
  const { db, transport } = deps;
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    if (Array.isArray(rawPayload)) {
      const mailIds = BatchPayload.parse(rawPayload).map((entry) => entry.mailId);
      return sendMailBatch({ db, transport }, mailIds, helpers);
    }
    const { mailId } = Payload.parse(rawPayload);
    const attempt: Attempt = {
      jobId: helpers.job.id,
      workerId: helpers.job.locked_by ?? `job-${helpers.job.id}`,
    };
    const claimed = await claim(db, mailId, attempt);
    if (claimed.kind === "missing") {
      helpers.logger.warn(`mail ${mailId} is not in mail_outbox; nothing to send`);
      return;
    }
    if (claimed.kind === "sent") return;
    if (claimed.kind === "busy") {
      // Retried with backoff: by then the other attempt has finished, or its process is gone.
      throw new Error(`mail ${mailId} is being sent by ${claimed.holder}`);
    }
    if (claimed.interrupted) {
      helpers.logger.warn(
        `mail ${mailId}: an earlier attempt was cut off before its outcome was recorded; sending again with the same Message-ID`,
      );
    }

    const { mail } = claimed;
    try {
      await transport.sendMail(messageOf(mail));
    } catch (error) {
      if (isPermanentRejection(error)) {
        // Refused for good: no retry; the outbox row says so (and an invitation follows it).
        await recordOutcome(db, mailId, attempt, {
          lastError: describeError(error),
          status: "failed",
          rejectedAt: sql<Date>`now()`,
        });
        helpers.logger.warn(`mail ${mailId} refused for good: ${describeError(error)}`);
        return;
      }
      const exhausted = helpers.job.attempts >= helpers.job.max_attempts;
      await recordOutcome(db, mailId, attempt, {
        lastError: describeError(error),
        status: exhausted ? "failed" : "pending",
      });
      throw error;
    }

    // Straight after the SMTP server's reply: this statement is the end of the only
    // window in which a kill can make the mail go out twice.
    const marked = await recordOutcome(db, mailId, attempt, {
      status: "sent",
      sentAt: sql<Date>`now()`,
      // In the same statement, so that no committed state shows a sent secret mail with its link.
      ...(mail.secret ? { textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null } : {}),
    });
    if (!marked) {
      helpers.logger.warn(
        `mail ${mailId} was sent, but another attempt had taken it over meanwhile (this process was judged stopped)`,
      );
    }
  };
}

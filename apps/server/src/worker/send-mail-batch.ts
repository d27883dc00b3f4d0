import { type Database, type Db, SENT_SECRET_MAIL_TEXT } from "@sos/db";
import type { JobHelpers } from "graphile-worker";
import { type Selectable, sql } from "kysely";
import type { MailTransport } from "../mail/transport";
import { type Attempt, describeError, isPermanentRejection, messageOf } from "./send-mail-message";

type Mail = Selectable<Database["mailOutbox"]>;

type Claim =
  | { kind: "missing" }
  | { kind: "sent" }
  | { kind: "busy"; holder: string }
  | { kind: "claimed"; interrupted: boolean; mail: Mail };

/**
 * claim() of send-mail.ts for many mails at once, with the same rules, in one
 * transaction committed before any SMTP traffic: a mail already sent is left
 * alone; one that another attempt still holds (its job locked by that attempt's
 * worker) is busy; any other is marked 'sending' by this attempt, and counted as
 * interrupted when an attempt was cut off holding it.
 */
async function claimAll(
  db: Db,
  mailIds: readonly string[],
  attempt: Attempt,
): Promise<Map<string, Claim>> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("mailOutbox")
      .selectAll()
      .where("id", "in", mailIds)
      .orderBy("id")
      .forUpdate()
      .execute();
    const heldElsewhere = rows.filter(
      (row) => row.status === "sending" && row.sendingJobId !== attempt.jobId,
    );
    const running = new Set<string>();
    if (heldElsewhere.length > 0) {
      const jobs = await sql<{ id: string; lockedBy: string | null }>`
        select id::text, locked_by from graphile_worker.jobs
        where id = any(${heldElsewhere.map((row) => row.sendingJobId)}::bigint[])`.execute(trx);
      for (const job of jobs.rows) running.add(`${job.id} ${job.lockedBy}`);
    }
    const claims = new Map<string, Claim>();
    for (const row of rows) {
      if (row.status === "sent") {
        claims.set(row.id, { kind: "sent" });
      } else if (
        row.status === "sending" &&
        row.sendingJobId !== attempt.jobId &&
        running.has(`${row.sendingJobId} ${row.sendingWorker}`)
      ) {
        claims.set(row.id, { kind: "busy", holder: row.sendingWorker ?? "" });
      } else {
        claims.set(row.id, { kind: "claimed", interrupted: row.status === "sending", mail: row });
      }
    }
    const claimed = [...claims].flatMap(([id, claim]) => (claim.kind === "claimed" ? [id] : []));
    if (claimed.length > 0) {
      await sql`
        update mail_outbox set status = 'sending', sending_job_id = ${attempt.jobId}::bigint,
          sending_worker = ${attempt.workerId}, sending_since = now(), attempts = attempts + 1,
          interrupted_attempts = interrupted_attempts + (status = 'sending')::int
        where id = any(${claimed}::uuid[])`.execute(trx);
    }
    for (const id of mailIds) if (!claims.has(id)) claims.set(id, { kind: "missing" });
    return claims;
  });
}

interface Outcome {
  mailId: string;
  /** null: sent; otherwise why the send failed. */
  error: string | null;
  /** The server refused it for good (see isPermanentRejection): failed at once, not retried. */
  rejected?: boolean;
}

/**
 * recordOutcome of send-mail.ts for many mails: each outcome is written as soon
 * as the SMTP server has answered, the ones that arrive while a write is on its
 * way going together in the next (so the window between the server taking a
 * mail and the row saying so stays a statement or two). Resolves with whether
 * this attempt still held the mail.
 */
function outcomeWriter(
  db: Db,
  attempt: Attempt,
  exhausted: boolean,
): (outcome: Outcome) => Promise<boolean> {
  let queue: { outcome: Outcome; settle: (marked: boolean | Error) => void }[] = [];
  let writing = false;
  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const marked = await writeOutcomes(
          db,
          attempt,
          exhausted,
          batch.map((entry) => entry.outcome),
        );
        for (const entry of batch) entry.settle(marked.has(entry.outcome.mailId));
      } catch (error) {
        for (const entry of batch)
          entry.settle(error instanceof Error ? error : new Error(String(error)));
      }
    }
    writing = false;
  }
  return (outcome) =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({
        outcome,
        settle: (marked) => (marked instanceof Error ? reject(marked) : resolve(marked)),
      });
      if (!writing) void drain();
    });
}

async function writeOutcomes(
  db: Db,
  attempt: Attempt,
  exhausted: boolean,
  outcomes: readonly Outcome[],
): Promise<Set<string>> {
  // A sent secret mail loses its body in the statement that marks it sent.
  const result = await sql<{ id: string }>`
    update mail_outbox m set
      status = case when u.error is null then 'sent' when ${exhausted} or u.rejected then 'failed'
        else 'pending' end,
      sent_at = case when u.error is null then now() else m.sent_at end,
      rejected_at = case when u.rejected then now() else m.rejected_at end,
      last_error = coalesce(u.error, m.last_error),
      text_body = case when u.error is null and m.secret then ${SENT_SECRET_MAIL_TEXT} else m.text_body end,
      html_body = case when u.error is null and m.secret then null else m.html_body end,
      sending_job_id = null, sending_worker = null, sending_since = null
    from unnest(${outcomes.map((o) => o.mailId)}::uuid[], ${outcomes.map((o) => o.error)}::text[],
      ${outcomes.map((o) => o.rejected === true)}::boolean[]) as u(id, error, rejected)
    where m.id = u.id and m.status = 'sending' and m.sending_job_id = ${attempt.jobId}::bigint
      and m.sending_worker = ${attempt.workerId}
    returning m.id`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/**
 * A batch job of send_mail (enqueueMailBatch: one job for a chunk of a
 * purchase-link run): the mails are claimed together, handed to the pooled
 * transport all at once, and each outcome recorded as its reply comes. Returns a
 * promise per entry, so graphile-worker retries (with backoff) only the entries
 * that failed or that another attempt still holds.
 */
export async function sendMailBatch(
  deps: { db: Db; transport: MailTransport },
  mailIds: readonly string[],
  helpers: JobHelpers,
): Promise<Promise<void>[]> {
  const { db, transport } = deps;
  const attempt: Attempt = {
    jobId: helpers.job.id,
    workerId: helpers.job.locked_by ?? `job-${helpers.job.id}`,
  };
  const claims = await claimAll(db, mailIds, attempt);
  const record = outcomeWriter(db, attempt, helpers.job.attempts >= helpers.job.max_attempts);
  const sends = mailIds.map(async (mailId) => {
    const claim = claims.get(mailId) ?? { kind: "missing" };
    if (claim.kind === "missing") {
      helpers.logger.warn(`mail ${mailId} is not in mail_outbox; nothing to send`);
      return;
    }
    if (claim.kind === "sent") return;
    if (claim.kind === "busy") throw new Error(`mail ${mailId} is being sent by ${claim.holder}`);
    if (claim.interrupted) {
      helpers.logger.warn(
        `mail ${mailId}: an earlier attempt was cut off before its outcome was recorded; sending again with the same Message-ID`,
      );
    }
    try {
      await transport.sendMail(messageOf(claim.mail));
    } catch (error) {
      const rejected = isPermanentRejection(error);
      await record({ mailId, error: describeError(error), rejected });
      // Refused for good: the entry is done (failed, rejected), not retried.
      if (rejected) return;
      throw error;
    }
    if (!(await record({ mailId, error: null }))) {
      helpers.logger.warn(
        `mail ${mailId} was sent, but another attempt had taken it over meanwhile (this process was judged stopped)`,
      );
    }
  });
  // graphile-worker settles them all; until it does, a failed one is not an unhandled rejection.
  for (const send of sends) send.catch(() => {});
  return sends;
}

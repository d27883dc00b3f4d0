import { randomUUID } from "node:crypto";
import { appendAudit, type Db, type PurchaseLinkSkipReason } from "@sos/db";
import {
  batchIdOfRun,
  claimPendingRunItems,
  findRun,
  finishRunIfDone,
  insertRunIfNew,
  insertRunItems,
  latestRunIdOfBatch,
  lockPendingRunItems,
  markRunItemFailed,
  recordRunOutcomes,
  runItemCounts,
  runSettings,
  setRunTotal,
} from "@sos/db/repositories/purchase-link";
import { targetBatchExists } from "@sos/db/repositories/registration";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { RunProgressOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { type SendOutcome, SKIP_REASON_LABELS, sendLinksForItems } from "./links";
import { purchaseLinkExpiry } from "./settings";

/**
 * 「購入リンクを一括送信」 as a run. The run and the list of its items are
 * written first; then the items are sent a chunk (RUN_CHUNK) per transaction,
 * set-based (sendLinksForItems), each item's outcome recorded with it, so
 * `runProgress` shows done / total while it works, and an interrupted run
 * (restart, lost connection) is finished by submitting the same run id again.
 * A chunk that fails is sent again an item per transaction: a failure of one
 * item does not undo the others.
 *
 * The links and outbox rows are written inside the request that starts it (the
 * vendor's screen is waiting for exactly this); the mails go out from the job
 * worker as each chunk commits, one batch job per chunk. The client picks the
 * run id so that it can poll progress from the first moment; two calls with one
 * id share the items (FOR UPDATE SKIP LOCKED) instead of mailing anyone twice.
 */

export type RunProgress = RunProgressOutput;

export interface StartRunInput {
  runId: string | null;
  batchId: string;
  /** Only these items of the batch; all of them when null. */
  itemIds: readonly string[] | null;
  resend: boolean;
  allowMismatched: boolean;
}

async function createOrResumeRun(
  db: Db,
  input: StartRunInput & { runId: string },
  { actor, now }: { actor: VendorActor; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await targetBatchExists(trx, input.batchId))) throw new DomainError("NOT_FOUND");

    const inserted = await insertRunIfNew(trx, {
      id: input.runId,
      batchId: input.batchId,
      resend: input.resend,
      allowMismatched: input.allowMismatched,
      total: 0,
      createdBy: actor.userId,
      createdAt: now,
    });
    if (!inserted) {
      if ((await batchIdOfRun(trx, input.runId)) !== input.batchId) {
        throw new DomainError("CONFLICT");
      }
      return;
    }

    const ids = input.itemIds === null ? null : [...new Set(input.itemIds)];
    const items = await insertRunItems(trx, input.runId, input.batchId, ids);
    if (ids !== null && items.length !== ids.length) {
      throw new DomainError("NOT_FOUND", {
        messageJa: "指定した医療機関の一部がこのリストにありません。画面を再読み込みしてください。",
      });
    }
    await setRunTotal(trx, input.runId, items.length);
    await appendAudit(trx, {
      action: "purchase_link.run_start",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "target_batch",
      targetId: input.batchId,
      ip: actor.ip,
      details: {
        runId: input.runId,
        total: items.length,
        resend: input.resend,
        allowMismatched: input.allowMismatched,
      },
    });
  });
}

/**
 * Items a run sends per transaction: the first chunk small, so the worker is
 * mailing while the rest is written, then doubling up to a size at which the
 * chunk's dozen statements cost next to nothing per item.
 */
const FIRST_CHUNK = 25;
const RUN_CHUNK = 200;

interface RunOptions {
  actor: VendorActor;
  now: Date;
  config: ApiConfig;
  expiresAt: Date;
}

/** Each claimed item's outcome on its run item, in one statement. */
async function recordOutcomes(
  trx: Db,
  runId: string,
  outcomes: Map<string, SendOutcome>,
  now: Date,
): Promise<void> {
  const ids: string[] = [];
  const states: ("sent" | "skipped")[] = [];
  const links: (string | null)[] = [];
  const reasons: (string | null)[] = [];
  for (const [id, outcome] of outcomes) {
    ids.push(id);
    states.push(outcome.kind);
    links.push(outcome.kind === "sent" ? outcome.linkId : null);
    reasons.push(outcome.kind === "skipped" ? outcome.reason : null);
  }
  await recordRunOutcomes(trx, runId, { itemIds: ids, states, linkIds: links, reasons }, now);
}

/**
 * Takes up to `limit` pending items of the run (or the one named) and sends them
 * in one transaction with their outcomes recorded; returns how many it took (0:
 * none left to take). Items another call of the same run holds are skipped
 * (SKIP LOCKED). If the chunk fails, none of it is kept and its items are sent
 * again one per transaction, so one failing item is recorded as failed and the
 * others go out.
 */
async function sendChunk(
  db: Db,
  run: { id: string; resend: boolean; allowMismatched: boolean },
  options: RunOptions,
  take: { limit: number } | { itemId: string },
): Promise<number> {
  let claimed: string[] = [];
  try {
    return await db.transaction().execute(async (trx) => {
      claimed = await claimPendingRunItems(trx, run.id, take);
      if (claimed.length === 0) return 0;
      const outcomes = await sendLinksForItems(trx, claimed, {
        ...options,
        resend: run.resend,
        allowMismatched: run.allowMismatched,
        // A run sends in bulk: an address not on the ministry's list is never among them.
        allowEmailDiffers: false,
      });
      await recordOutcomes(trx, run.id, outcomes, options.now);
      return claimed.length;
    });
  } catch (error) {
    if (claimed.length === 0) throw error;
    if (claimed.length > 1) {
      for (const itemId of claimed) await sendChunk(db, run, options, { itemId });
      return claimed.length;
    }
    // The item's own work was rolled back; record the failure and go on with the rest.
    await markRunItemFailed(db, run.id, claimed[0] ?? "", options.now);
    return 1;
  }
}

/** Waits for items locked by another worker; true if some are still pending after it let go. */
async function pendingAfterOthers(db: Db, runId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => (await lockPendingRunItems(trx, runId)) > 0);
}

/**
 * Starts the run (or resumes it when `runId` is known) and works through its
 * items; returns the final progress. A configured link expiry already past
 * refuses the whole run before anything is written.
 */
export async function sendPurchaseLinks(
  db: Db,
  input: StartRunInput,
  { actor, now, config }: { actor: VendorActor; now: Date; config: ApiConfig },
): Promise<RunProgress> {
  const expiresAt = purchaseLinkExpiry(config, now);
  const runId = input.runId ?? randomUUID();
  await createOrResumeRun(db, { ...input, runId }, { actor, now });
  const run = await runSettings(db, runId);
  for (;;) {
    let limit = FIRST_CHUNK;
    while ((await sendChunk(db, run, { actor, now, config, expiresAt }, { limit })) > 0) {
      limit = Math.min(limit * 2, RUN_CHUNK);
    }
    // Items another call of the same run is still sending were skipped above:
    // wait for them, so that every call returns the run's final state.
    if (!(await pendingAfterOthers(db, runId))) break;
  }
  await finishRunIfDone(db, runId, now);
  const progress = await runProgress(db, runId);
  if (progress === null) throw new DomainError("NOT_FOUND");
  return progress;
}

/** Progress of a run; null while the run is not created yet (the client polls from the start). */
export async function runProgress(db: Db, runId: string): Promise<RunProgress | null> {
  const run = await findRun(db, runId);
  if (run === undefined) return null;
  const counts = await runItemCounts(db, runId);
  const count = (state: string) =>
    counts.filter((row) => row.state === state).reduce((sum, row) => sum + row.count, 0);
  const sent = count("sent");
  const skipped = count("skipped");
  const failed = count("failed");
  const skippedByReason = counts
    .filter((row) => row.reason !== null)
    .map((row) => {
      const reason = row.reason as PurchaseLinkSkipReason;
      return { reason, label: SKIP_REASON_LABELS[reason], count: row.count };
    })
    .sort((a, b) => b.count - a.count);
  return {
    runId: run.id,
    batchId: run.batchId,
    resend: run.resend,
    allowMismatched: run.allowMismatched,
    total: run.total,
    done: sent + skipped + failed,
    sent,
    skipped,
    failed,
    finished: run.finishedAt !== null,
    startedAt: run.createdAt,
    finishedAt: run.finishedAt,
    skippedByReason,
  };
}

/** The batch's most recent run, so a reloaded screen can pick up a run still in progress. */
export async function latestRunOfBatch(db: Db, batchId: string): Promise<RunProgress | null> {
  const runId = await latestRunIdOfBatch(db, batchId);
  return runId === undefined ? null : runProgress(db, runId);
}

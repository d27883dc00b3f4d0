import { randomUUID } from "node:crypto";
import { appendAudit, type Db, type PurchaseLinkSkipReason } from "@sos/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { VendorActor } from "./actor";
import { type SendOutcome, SKIP_REASON_LABELS, sendLinkForItem } from "./links";
import { purchaseLinkExpiry } from "./settings";

/**
 * 「購入リンクを一括送信」 as a run. The run and the list of its items are
 * written first; then each item is sent in a transaction of its own and its
 * outcome recorded, so `runProgress` shows done / total while it works, a
 * failure of one item does not undo the others, and an interrupted run
 * (restart, lost connection) is finished by submitting the same run id again.
 *
 * The work happens inside the request that starts it rather than in the job
 * worker: the vendor's screen is waiting for exactly this, and no extra
 * moving part is needed. The client picks the run id so that it can poll
 * progress from the first moment; two calls with one id share the items
 * (FOR UPDATE SKIP LOCKED) instead of mailing anyone twice.
 */

export interface RunProgress {
  runId: string;
  batchId: string;
  resend: boolean;
  allowMismatched: boolean;
  total: number;
  done: number;
  sent: number;
  skipped: number;
  failed: number;
  finished: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  /** Why items were not sent, most frequent first. */
  skippedByReason: { reason: PurchaseLinkSkipReason; label: string; count: number }[];
}

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
    const batch = await trx
      .selectFrom("targetBatches")
      .select("id")
      .where("id", "=", input.batchId)
      .executeTakeFirst();
    if (batch === undefined) throw new DomainError("NOT_FOUND");

    const inserted = await trx
      .insertInto("purchaseLinkRuns")
      .values({
        id: input.runId,
        batchId: input.batchId,
        resend: input.resend,
        allowMismatched: input.allowMismatched,
        total: 0,
        createdBy: actor.userId,
        createdAt: now,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted === undefined) {
      const existing = await trx
        .selectFrom("purchaseLinkRuns")
        .select("batchId")
        .where("id", "=", input.runId)
        .executeTakeFirstOrThrow();
      if (existing.batchId !== input.batchId) throw new DomainError("CONFLICT");
      return;
    }

    const ids = input.itemIds === null ? null : [...new Set(input.itemIds)];
    const items = await sql<{ id: string }>`
      insert into purchase_link_run_items (run_id, target_item_id)
      select ${input.runId}, t.id from target_items t
      where t.batch_id = ${input.batchId}
        ${ids === null ? sql`` : sql`and t.id = any(${ids}::uuid[])`}
      returning target_item_id as id`.execute(trx);
    if (ids !== null && items.rows.length !== ids.length) {
      throw new DomainError("NOT_FOUND", {
        messageJa: "指定した医療機関の一部がこのリストにありません。画面を再読み込みしてください。",
      });
    }
    await trx
      .updateTable("purchaseLinkRuns")
      .set({ total: items.rows.length })
      .where("id", "=", input.runId)
      .execute();
    await appendAudit(trx, {
      action: "purchase_link.run_start",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "target_batch",
      targetId: input.batchId,
      ip: actor.ip,
      details: {
        runId: input.runId,
        total: items.rows.length,
        resend: input.resend,
        allowMismatched: input.allowMismatched,
      },
    });
  });
}

/** Sends the next pending item of the run; false when none is left to take. */
async function sendNext(
  db: Db,
  run: { id: string; resend: boolean; allowMismatched: boolean },
  options: { actor: VendorActor; now: Date; config: ApiConfig; expiresAt: Date },
): Promise<boolean> {
  let claimed: string | null = null;
  try {
    return await db.transaction().execute(async (trx) => {
      const next = await sql<{ targetItemId: string }>`
        select target_item_id from purchase_link_run_items
        where run_id = ${run.id} and state = 'pending'
        order by target_item_id
        limit 1
        for update skip locked`.execute(trx);
      const itemId = next.rows[0]?.targetItemId;
      if (itemId === undefined) return false;
      claimed = itemId;
      const outcome: SendOutcome = await sendLinkForItem(trx, itemId, {
        ...options,
        resend: run.resend,
        allowMismatched: run.allowMismatched,
        // A run sends in bulk: an address not on the ministry's list is never among them.
        allowEmailDiffers: false,
      });
      await trx
        .updateTable("purchaseLinkRunItems")
        .set(
          outcome.kind === "sent"
            ? { state: "sent", purchaseLinkId: outcome.linkId, doneAt: options.now }
            : { state: "skipped", reason: outcome.reason, doneAt: options.now },
        )
        .where("runId", "=", run.id)
        .where("targetItemId", "=", itemId)
        .execute();
      return true;
    });
  } catch (error) {
    if (claimed === null) throw error;
    // The item's own work was rolled back; record the failure and go on with the rest.
    await db
      .updateTable("purchaseLinkRunItems")
      .set({ state: "failed", reason: "error", doneAt: options.now })
      .where("runId", "=", run.id)
      .where("targetItemId", "=", claimed)
      .where("state", "=", "pending")
      .execute();
    return true;
  }
}

/** Waits for items locked by another worker; true if some are still pending after it let go. */
async function pendingAfterOthers(db: Db, runId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await sql`
      select target_item_id from purchase_link_run_items
      where run_id = ${runId} and state = 'pending'
      for update`.execute(trx);
    return rows.rows.length > 0;
  });
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
  const run = await db
    .selectFrom("purchaseLinkRuns")
    .select(["id", "resend", "allowMismatched"])
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
  for (;;) {
    while (await sendNext(db, run, { actor, now, config, expiresAt })) {
      // one item per transaction
    }
    // Items another call of the same run is still sending were skipped above:
    // wait for them, so that every call returns the run's final state.
    if (!(await pendingAfterOthers(db, runId))) break;
  }
  await sql`
    update purchase_link_runs set finished_at = ${now}
    where id = ${runId} and finished_at is null
      and not exists (
        select 1 from purchase_link_run_items where run_id = ${runId} and state = 'pending'
      )`.execute(db);
  const progress = await runProgress(db, runId);
  if (progress === null) throw new DomainError("NOT_FOUND");
  return progress;
}

/** Progress of a run; null while the run is not created yet (the client polls from the start). */
export async function runProgress(db: Db, runId: string): Promise<RunProgress | null> {
  const run = await db
    .selectFrom("purchaseLinkRuns")
    .selectAll()
    .where("id", "=", runId)
    .executeTakeFirst();
  if (run === undefined) return null;
  const counts = await db
    .selectFrom("purchaseLinkRunItems")
    .select(["state", "reason", sql<number>`count(*)::int`.as("count")])
    .where("runId", "=", runId)
    .groupBy(["state", "reason"])
    .execute();
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
  const run = await db
    .selectFrom("purchaseLinkRuns")
    .select("id")
    .where("batchId", "=", batchId)
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return run === undefined ? null : runProgress(db, run.id);
}

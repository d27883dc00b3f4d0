import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  activeVendorUsers,
  assignApprovalsToBatch,
  type BatchSummaryRow,
  findBatchSummary,
  insertBatch,
  insertHandOverHistory,
  insertPendingItems,
  lastBatchNumber,
  listBatchItems,
  listBatchSummaries,
  lockIssuing,
  pendingContacts,
  pendingTotals,
  setBatchTotals,
} from "@sos/db/repositories/target-list";
import { PIECES_PER_SET } from "@sos/rules";
import { appBaseUrl } from "../../apps";
import { DomainError } from "../../errors";
import type {
  PendingHandOver,
  TargetBatchDetail,
  TargetBatchSummary,
  TargetItemView,
  TargetList,
} from "../../schemas/target-list";
import type { ReviewActor } from "../review/actor";
import { targetListIssuedMail } from "../review/mails";
import type { MailConfig } from "../sos/commands";
import { storeCp932Check } from "./target-list-check";
import { displayForms, fillDisplayForms } from "./target-list-rows";

export async function pendingHandOver(db: Db): Promise<PendingHandOver> {
  const row = await pendingTotals(db);
  return { count: row.count, sets: row.sets };
}

function toSummary(row: BatchSummaryRow): TargetBatchSummary {
  return {
    id: row.id,
    number: row.number,
    issuedAt: row.issuedAt,
    issuedBy: { id: row.issuedBy, displayName: row.displayName },
    itemCount: row.itemCount,
    totalSets: row.totalSets,
    totalPieces: row.totalSets * PIECES_PER_SET,
  };
}

interface Issue {
  actor: ReviewActor;
  now: Date;
  batchId: string;
  number: number;
}

/**
 * Copies every pending request onto the batch and marks them handed over:
 * the items, the approvals' batch, the batch's totals, each request's history.
 */
async function handOverPending(trx: Db, issue: Issue) {
  // Phone numbers and postcodes as the list shows them, formatted once here rather
  // than on every download (libphonenumber costs more than reading the row).
  const forms = displayForms(await pendingContacts(trx));
  // An institution edited in between keeps null forms: the download formats those itself.
  const inserted = await insertPendingItems(trx, issue.batchId, forms);
  await assignApprovalsToBatch(trx, issue.batchId);
  const itemCount = inserted.length;
  const totalSets = inserted.reduce((sum, row) => sum + row.limitSets, 0);
  await setBatchTotals(trx, issue.batchId, { itemCount, totalSets });
  await insertHandOverHistory(trx, {
    batchId: issue.batchId,
    number: issue.number,
    at: issue.now,
    actorUserId: issue.actor.userId,
    actorRole: issue.actor.role,
  });
  return { itemCount, totalSets };
}

/** Tells every active vendor user of the new list, through the outbox. */
async function mailVendors(
  trx: Db,
  issue: Issue,
  totals: { itemCount: number; totalSets: number },
  mail: MailConfig,
): Promise<void> {
  const vendors = await activeVendorUsers(trx);
  const link = `${appBaseUrl(mail.publicBaseUrl, "vendor")}/target-lists/${issue.batchId}`;
  for (const vendor of vendors) {
    const { subject, text } = targetListIssuedMail(
      vendor.displayName,
      { number: issue.number, issuedAt: issue.now, ...totals },
      link,
    );
    await enqueueMail(trx, {
      kind: "target_list_issued",
      to: vendor.email,
      from: mail.mailFrom,
      subject,
      text,
    });
  }
}

/**
 * ④ 対象医療機関リスト: hands every accepted request that is not on a list yet
 * to the vendor as the next numbered batch. Each item copies what the vendor
 * needs as it is now (name, code, address, postcode, phone, the request's
 * contact, email, the approved quantity), so later edits do not change a list
 * already sent. Under an advisory lock, so two ministry officers issuing at
 * once produce one batch and a refusal, never two batches sharing a request
 * (target_items.request_id is unique as well). The vendor's users are emailed.
 */
export async function issueTargetList(
  db: Db,
  { actor, now, mail }: { actor: ReviewActor; now: Date; mail: MailConfig },
): Promise<TargetBatchSummary> {
  const batchId = await db.transaction().execute(async (trx) => {
    await lockIssuing(trx);
    const pending = await pendingHandOver(trx);
    if (pending.count === 0) throw new DomainError("NOTHING_TO_ISSUE");

    const number = ((await lastBatchNumber(trx)) ?? 0) + 1;
    const batch = await insertBatch(trx, { number, issuedAt: now, issuedBy: actor.userId });
    const issue: Issue = { actor, now, batchId: batch.id, number };
    const totals = await handOverPending(trx, issue);
    await appendAudit(trx, {
      action: "target_list.issue",
      actorUserId: actor.userId,
      actorRole: actor.role,
      targetType: "target_batch",
      targetId: batch.id,
      ip: actor.ip,
      details: { number, ...totals },
    });
    await mailVendors(trx, issue, totals, mail);
    return batch.id;
  });
  // The list is issued whatever happens here: without its forms and check, a
  // download only takes longer (it works them out), so a failure is not the officer's.
  await finishTargetBatch(db, batchId).catch(() => {});
  return findTargetBatch(db, batchId);
}

/**
 * What an issued list keeps besides its rows: every item's display forms and
 * whether Shift_JIS holds the list (target-list-check.ts). Run after issuing,
 * outside its transaction (the check reads the list through a cursor of its own);
 * also for a list written by other means (a bench, a list from before 0012).
 * If it never runs, downloads work these out themselves, only slower.
 */
export async function finishTargetBatch(db: Db, batchId: string): Promise<void> {
  await fillDisplayForms(db, batchId);
  await storeCp932Check(db, batchId);
}

/** Every batch, the newest first, with what is waiting for the next one. */
export async function listTargetBatches(db: Db): Promise<TargetList> {
  const [rows, pending] = await Promise.all([listBatchSummaries(db), pendingHandOver(db)]);
  return { batches: rows.map(toSummary), pending };
}

export async function targetBatchItems(db: Db, batchId: string): Promise<TargetItemView[]> {
  const rows = await listBatchItems(db, batchId);
  return rows.map((row) => ({ ...row, limitPieces: row.limitSets * PIECES_PER_SET }));
}

export async function findTargetBatch(db: Db, batchId: string): Promise<TargetBatchSummary> {
  const row = await findBatchSummary(db, batchId);
  if (!row) throw new DomainError("NOT_FOUND");
  return toSummary(row);
}

export async function getTargetBatch(db: Db, batchId: string): Promise<TargetBatchDetail> {
  const [summary, items] = await Promise.all([
    findTargetBatch(db, batchId),
    targetBatchItems(db, batchId),
  ]);
  return { ...summary, items };
}

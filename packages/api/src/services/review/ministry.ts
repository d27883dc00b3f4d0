import { type Db, enqueueMail } from "@sos/db";
import {
  type ApprovalRow,
  insertMinistryApproval,
  insertReviewReturn,
  lockRequestsForApproval,
  reopenPrefectureReview,
  setRequestApproved,
  setRequestReviewStage,
} from "@sos/db/repositories/review";
import { reviewTransition, transition } from "@sos/rules";
import { DOMAIN_ERRORS, DomainError } from "../../errors";
import type { ApprovedRequest, ApproveItem, ReviewDetail } from "../../schemas/review";
import type { MailConfig } from "../sos/commands";
import { institutionMailLinks, requestAcceptedMail } from "../sos/institution-mail";
import { mailOfficers } from "../sos/officer-mail";
import type { ReasonedDecision, ReviewActor } from "./actor";
import { batchRefusal, type Refusal } from "./batch-refusal";
import { reviewDetail } from "./detail";
import { returnedMail, reviewRequestLink } from "./mails";
import {
  APPROVE_QUANTITY_REQUIRED,
  adjustReasonRequired,
  BATCH_REFUSED_SUFFIX,
  NOT_REVIEWING_MESSAGES,
  WITH_PREFECTURE_MESSAGE,
} from "./messages";
import { requestFacts } from "./not-eligible";
import { requireReviewing } from "./prefecture-review";
import { recordReviewAction } from "./record";
import { lockForReview, type RequestRow } from "./scope";

type LockedRow = ApprovalRow;

function refuseItem(item: ApproveItem, index: number, row: LockedRow | undefined): Refusal[] {
  if (!row)
    return [{ index, code: "NOT_FOUND", field: null, message: "対象の要請が見つかりません。" }];
  if (row.version !== item.expectedVersion) {
    return [
      { index, code: "STALE_VERSION", field: null, message: DOMAIN_ERRORS.STALE_VERSION.messageJa },
    ];
  }
  if (row.status !== "reviewing") {
    const message =
      row.status === "accepted" || row.status === "not_eligible" || row.status === "withdrawn"
        ? NOT_REVIEWING_MESSAGES[row.status]
        : "この要請は承認できる状態ではありません。";
    return [{ index, code: "INVALID_STATE", field: null, message }];
  }
  if (
    row.reviewStage === null ||
    !reviewTransition(row.reviewStage, "approve").ok ||
    row.reviewCompletedAt === null
  ) {
    return [{ index, code: "INVALID_STATE", field: null, message: WITH_PREFECTURE_MESSAGE }];
  }
  const refusals: Refusal[] = [];
  const prefectureSets = row.prefectureSets ?? 0;
  const quantity = item.quantitySets ?? prefectureSets;
  if (quantity < 1) {
    refusals.push({
      index,
      code: "INVALID_INPUT",
      field: "quantitySets",
      message: APPROVE_QUANTITY_REQUIRED,
    });
  }
  if (quantity !== prefectureSets && item.adjustReason.trim() === "") {
    refusals.push({
      index,
      code: "INVALID_INPUT",
      field: "adjustReason",
      message: adjustReasonRequired(prefectureSets),
    });
  }
  return refusals;
}

function batchError(
  items: ApproveItem[],
  refusals: Refusal[],
  rows: Map<string, LockedRow>,
): DomainError {
  return batchRefusal(
    items.length,
    refusals,
    (index) => rows.get(items[index]?.id ?? "")?.institutionName,
    { cannot: "承認できません", noneDone: BATCH_REFUSED_SUFFIX },
  );
}

/** 受付完了 to the institution, through the outbox; returns the mail's id. */
async function mailAccepted(
  trx: Db,
  { now, mail }: { now: Date; mail: MailConfig },
  row: LockedRow,
  quantitySets: number,
): Promise<string> {
  if (row.appliedAt === null) throw new Error("an approved request was never filed");
  const { subject, text } = requestAcceptedMail(
    {
      requestId: row.id,
      institution: { code: row.institutionCode, name: row.institutionName },
      contactName: row.contactName,
      weekStart: row.weekStart,
      appliedAt: row.appliedAt,
      approvedAt: now,
      quantitySets,
    },
    institutionMailLinks(mail.publicBaseUrl, row.id),
  );
  return enqueueMail(trx, {
    kind: "sos_accepted",
    to: row.institutionEmail,
    from: mail.mailFrom,
    subject,
    text,
  });
}

interface Approval {
  actor: ReviewActor;
  now: Date;
  batchSize: number;
  mail: MailConfig;
}

/** Approves one locked, checked request: the approval, the status, the history, the mail. */
async function approveOne(
  trx: Db,
  approval: Approval,
  item: ApproveItem,
  row: LockedRow,
): Promise<ApprovedRequest> {
  const { actor, now, batchSize } = approval;
  const next = transition(row.status, "approve");
  if (!next.ok) throw new DomainError("INVALID_STATE");
  const prefectureSets = row.prefectureSets ?? 0;
  const quantitySets = item.quantitySets ?? prefectureSets;
  const adjustReason = quantitySets === prefectureSets ? null : item.adjustReason.trim();
  await insertMinistryApproval(trx, {
    requestId: row.id,
    quantitySets,
    adjustReason,
    approvedAt: now,
    approvedBy: actor.userId,
  });
  const version = row.version + 1;
  await setRequestApproved(trx, { id: row.id, status: next.value, version, at: now });
  const acceptedMailId = await mailAccepted(trx, approval, row, quantitySets);
  await recordReviewAction(trx, actor, {
    requestId: row.id,
    at: now,
    action: "approve",
    fromStatus: row.status,
    toStatus: next.value,
    changes: {
      quantitySets,
      prefectureQuantitySets: prefectureSets,
      ...(adjustReason === null ? {} : { adjustReason }),
      reviewStage: { from: row.reviewStage, to: null },
    },
    auditAction: "review.approve",
    auditDetails: { quantitySets, adjusted: adjustReason !== null, batchSize, acceptedMailId },
  });
  return { id: row.id, version, quantitySets, institutionName: row.institutionName };
}

/**
 * ③ 承認: the ministry approves one request or a selected batch, all in one
 * transaction: if any item cannot be approved, none is, and every failing item
 * is reported (fieldErrors "items.<index>[.field]"). Rows are locked in id
 * order so two overlapping batches cannot deadlock. The quantity defaults to
 * the prefecture's; another quantity needs a reason. Approval makes the
 * request 受付完了 (accepted), read-only from then on, and mails the institution so.
 */
export async function approveRequests(
  db: Db,
  {
    actor,
    now,
    items,
    mail,
  }: { actor: ReviewActor; now: Date; items: ApproveItem[]; mail: MailConfig },
): Promise<{ approved: ApprovedRequest[] }> {
  const ids = [...new Set(items.map((item) => item.id))];
  if (ids.length !== items.length) {
    throw new DomainError("INVALID_INPUT", { messageJa: "同じ要請が複数回選択されています。" });
  }
  return db.transaction().execute(async (trx) => {
    const locked = await lockRequestsForApproval(trx, ids);
    const rows = new Map(locked.map((row) => [row.id, row]));
    const refusals = items.flatMap((item, index) => refuseItem(item, index, rows.get(item.id)));
    if (refusals.length > 0) throw batchError(items, refusals, rows);

    const approved: ApprovedRequest[] = [];
    for (const item of items) {
      const row = rows.get(item.id);
      if (!row) throw new Error("locked row vanished");
      approved.push(
        await approveOne(trx, { actor, now, batchSize: items.length, mail }, item, row),
      );
    }
    return { approved };
  });
}

/**
 * Hands the request back: the prefecture's completion cleared (its input
 * stays), the return recorded, the stage moved. The prefecture's quantity, if any.
 */
async function handBack(
  trx: Db,
  { actor, now, reason }: ReasonedDecision,
  row: RequestRow,
  stage: "prefecture" | "ministry" | null,
): Promise<number | null> {
  const review = await reopenPrefectureReview(trx, {
    requestId: row.id,
    at: now,
    by: actor.userId,
  });
  await insertReviewReturn(trx, {
    requestId: row.id,
    reason,
    returnedAt: now,
    returnedBy: actor.userId,
  });
  await setRequestReviewStage(trx, {
    id: row.id,
    reviewStage: stage,
    version: row.version + 1,
    at: now,
  });
  return review?.quantitySets ?? null;
}

/**
 * 差戻し: the ministry hands a completed request back to the prefecture with
 * a reason. The prefecture's completion is cleared (its input stays, to be
 * corrected), and its officers are emailed.
 */
export async function returnToPrefecture(
  db: Db,
  decision: ReasonedDecision,
): Promise<ReviewDetail> {
  const { actor, now, id, expectedVersion, reason, mail } = decision;
  await db.transaction().execute(async (trx) => {
    const row = await lockForReview(trx, actor.scope, id, expectedVersion);
    requireReviewing(row);
    const stage =
      row.reviewStage === null ? null : reviewTransition(row.reviewStage, "return_to_prefecture");
    if (stage === null || !stage.ok) {
      throw new DomainError("INVALID_STATE", { messageJa: WITH_PREFECTURE_MESSAGE });
    }
    const prefectureSets = await handBack(trx, decision, row, stage.value);

    const facts = await requestFacts(trx, row);
    const officersMailed = await mailOfficers(trx, {
      prefectureCode: row.prefectureCode,
      kind: "sos_returned",
      from: mail.mailFrom,
      build: (officerName) =>
        returnedMail(
          officerName,
          { ...facts, reason, prefectureSets },
          reviewRequestLink(mail.publicBaseUrl, row.id),
        ),
    });
    await recordReviewAction(trx, actor, {
      requestId: row.id,
      at: now,
      action: "return_to_prefecture",
      fromStatus: "reviewing",
      toStatus: "reviewing",
      changes: { reason, reviewStage: { from: row.reviewStage, to: stage.value } },
      auditAction: "review.return",
      auditDetails: { officersMailed },
    });
  });
  return reviewDetail(db, { scope: actor.scope, now, id });
}

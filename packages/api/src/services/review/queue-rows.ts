import type { PrefectureReviewState, QueueRecord } from "@sos/db/repositories/review-queue";
import { INSTITUTION_TYPE_LABELS, REVIEW_STAGE_LABELS, sosStatusDetailLabel } from "@sos/domain";
import { PIECES_PER_SET, prefectureDeadline } from "@sos/rules";
import type { QueueRow } from "../../schemas/review";
import { calculationOf } from "./figures";

function reviewStateOf(record: QueueRecord): PrefectureReviewState {
  if (record.reviewRequestId === null) return "none";
  return record.completedAt === null ? "draft" : "completed";
}

/** A queue row as the console shows it: labels, the calculation and the prefecture's due time. */
export function toQueueRow(record: QueueRecord, now: Date): QueueRow {
  const calculation = calculationOf(
    {
      stock: record.checkedStock,
      consumption: record.checkedConsumption,
      purchases: record.checkedPurchases,
    },
    {
      stock: record.surveyStock,
      consumption: record.surveyConsumption,
      purchases: record.surveyPurchases,
    },
  );
  const limitSets = record.checkedLimitSets ?? calculation?.assessment.limitSets ?? 0;
  // Only filed requests reach the queue (FILED_BY_INSTITUTION), and they have a filing
  // time; the fallback only satisfies the type.
  const appliedAt = record.appliedAt ?? now;
  return {
    id: record.id,
    version: record.version,
    status: record.status,
    statusLabel: sosStatusDetailLabel(record.status, record.reviewStage),
    reviewStage: record.reviewStage,
    reviewStageLabel:
      record.reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[record.reviewStage],
    weekStart: record.weekStart,
    appliedAt,
    late: record.late,
    handleFrom: record.handleFrom,
    prefectureDue: prefectureDeadline(appliedAt),
    institution: {
      id: record.institutionId,
      code: record.institutionCode,
      name: record.institutionName,
      type: record.institutionType,
      typeLabel: INSTITUTION_TYPE_LABELS.ja[record.institutionType],
      prefectureCode: record.prefectureCode,
      prefectureName: record.prefectureName,
    },
    contactName: record.contactName,
    figures: calculation?.figures ?? null,
    assessment: calculation?.assessment ?? null,
    limitSets,
    limitPieces: limitSets * PIECES_PER_SET,
    weeksOfCover: calculation?.weeksOfCover ?? null,
    prefectureReview: {
      state: reviewStateOf(record),
      supplyNeeded: record.supplyNeeded,
      quantitySets: record.quantitySets,
      completedAt: record.completedAt,
    },
    approvedSets: record.approvedSets,
    returned: record.returned,
    sanctioned: record.sanctioned,
  };
}

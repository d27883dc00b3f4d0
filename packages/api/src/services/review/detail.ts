import type { Db } from "@sos/db";
import { activeSanctions } from "@sos/db/repositories/institution";
import {
  findInstitutionForReview,
  findMinistryApprovalWithPerson,
  findOrderOfRequest,
  findPrefectureReviewWithPeople,
  findSurveyForReview,
  findTargetListOfRequest,
  listReviewReturns,
} from "@sos/db/repositories/review";
import { listHistory } from "@sos/db/repositories/sos-request";
import {
  INSTITUTION_TYPE_LABELS,
  ORDER_STATUS_LABELS,
  REVIEW_STAGE_LABELS,
  sosStatusDetailLabel,
  surveyWeekTitle,
} from "@sos/domain";
import {
  notEligibleNoticeFrom,
  PIECES_PER_SET,
  prefectureDeadline,
  type ReviewStage,
  type SosStatus,
  tokyoDate,
} from "@sos/rules";
import { DomainError } from "../../errors";
import type { ReviewAbilities, ReviewDetail } from "../../schemas/review";
import type { ReviewScope } from "../../trpc";
import { lateNote, toHistoryEntry } from "../sos/views";
import { calculationOf } from "./figures";
import { reviewHistoryLabel } from "./messages";
import { findForReview, type RequestRow } from "./scope";

export function abilitiesFor(
  scope: ReviewScope,
  status: SosStatus,
  stage: ReviewStage | null,
): ReviewAbilities {
  const reviewing = status === "reviewing";
  const withPrefecture = reviewing && stage === "prefecture";
  const withMinistry = reviewing && stage === "ministry";
  const ministry = scope.kind === "ministry";
  return {
    canEditPrefectureReview: !ministry && withPrefecture,
    // The prefecture decides while it holds the request; the ministry at either stage.
    canMarkNotEligible: ministry ? reviewing : withPrefecture,
    canApprove: ministry && withMinistry,
    canReturn: ministry && withMinistry,
  };
}

function person(
  id: string | null,
  name: string | null,
): { id: string; displayName: string } | null {
  return id === null ? null : { id, displayName: name ?? "" };
}

async function loadParts(db: Db, row: RequestRow, now: Date) {
  return Promise.all([
    findInstitutionForReview(db, row.institutionId),
    row.surveyId === null ? Promise.resolve(undefined) : findSurveyForReview(db, row.surveyId),
    findPrefectureReviewWithPeople(db, row.id),
    findMinistryApprovalWithPerson(db, row.id),
    listReviewReturns(db, row.id),
    activeSanctions(db, row.institutionId, tokyoDate(now)),
    findTargetListOfRequest(db, row.id),
    listHistory(db, row.id),
    findOrderOfRequest(db, row.id),
  ]);
}

type Parts = Awaited<ReturnType<typeof loadParts>>;
type SurveyPart = Parts[1];
type ReviewPart = NonNullable<Parts[2]>;
type ApprovalPart = NonNullable<Parts[3]>;

/** The request's own fields as the page shows them, with its labels and due times. */
function requestView(row: RequestRow, appliedAt: Date) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    statusLabel: sosStatusDetailLabel(row.status, row.reviewStage),
    reviewStage: row.reviewStage,
    reviewStageLabel: row.reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[row.reviewStage],
    weekStart: row.weekStart,
    weekTitle: surveyWeekTitle(row.weekStart),
    appliedAt,
    late: row.late,
    handleFrom: row.handleFrom,
    lateNote: lateNote(row.late, row.handleFrom),
    prefectureDue: prefectureDeadline(appliedAt),
    notEligibleNoticeFrom: notEligibleNoticeFrom(appliedAt),
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    notes: row.notes,
    closedReason: row.closedReason,
  };
}

/**
 * The calculation the reviewers judge (the check's copy, or the survey's) and
 * the survey as it is now, flagged when its answers moved since the check.
 */
function figuresView(
  row: RequestRow,
  survey: SurveyPart,
): Pick<ReviewDetail, "calculation" | "survey"> {
  const snapshot = {
    stock: row.checkedStock,
    consumption: row.checkedConsumption,
    purchases: row.checkedPurchases,
  };
  const calculation = calculationOf(snapshot, survey ?? null);
  const surveyFigures =
    survey && survey.stock !== null && survey.consumption !== null && survey.purchases !== null
      ? { stock: survey.stock, consumption: survey.consumption, purchases: survey.purchases }
      : null;
  const limitSets = row.checkedLimitSets ?? calculation?.assessment.limitSets ?? 0;
  return {
    calculation:
      calculation === null
        ? null
        : {
            ...calculation,
            source: row.checkedStock === null ? "survey" : "snapshot",
            limitSets,
            limitPieces: limitSets * PIECES_PER_SET,
          },
    survey: survey
      ? {
          id: survey.id,
          weekStart: survey.weekStart,
          figures: surveyFigures,
          answeredAt: survey.answeredAt,
          changedSinceCheck:
            calculation !== null &&
            surveyFigures !== null &&
            (surveyFigures.stock !== calculation.figures.stock ||
              surveyFigures.consumption !== calculation.figures.consumption ||
              surveyFigures.purchases !== calculation.figures.purchases),
        }
      : null,
  };
}

function prefectureReviewView(review: ReviewPart): ReviewDetail["prefectureReview"] {
  return {
    supplyNeeded: review.supplyNeeded,
    quantitySets: review.quantitySets,
    computedLimitSets: review.computedLimitSets,
    overrideReason: review.overrideReason,
    notes: review.notes,
    notEligibleReason: review.notEligibleReason,
    completedAt: review.completedAt,
    completedBy: person(review.completedBy, review.completedByName),
    updatedAt: review.updatedAt,
    updatedBy: person(review.updatedBy, review.updatedByName),
    version: review.version,
  };
}

function approvalView(approval: ApprovalPart): ReviewDetail["ministryApproval"] {
  return {
    quantitySets: approval.quantitySets,
    quantityPieces: approval.quantitySets * PIECES_PER_SET,
    adjustReason: approval.adjustReason,
    approvedAt: approval.approvedAt,
    approvedBy: { id: approval.approvedBy, displayName: approval.approvedByName },
  };
}

/** The request page of the review console; out of scope is NOT_FOUND. */
export async function reviewDetail(
  db: Db,
  { scope, now, id }: { scope: ReviewScope; now: Date; id: string },
): Promise<ReviewDetail> {
  const row = await findForReview(db, scope, id);
  if (!row || row.appliedAt === null) throw new DomainError("NOT_FOUND");
  const [institution, survey, review, approval, returns, sanctions, target, history, order] =
    await loadParts(db, row, now);
  if (!institution) throw new DomainError("NOT_FOUND");
  return {
    ...requestView(row, row.appliedAt),
    institution: { ...institution, typeLabel: INSTITUTION_TYPE_LABELS.ja[institution.type] },
    ...figuresView(row, survey),
    prefectureReview: review ? prefectureReviewView(review) : null,
    ministryApproval: approval ? approvalView(approval) : null,
    returns: returns.map((r) => ({
      id: String(r.id),
      reason: r.reason,
      returnedAt: r.returnedAt,
      returnedBy: { id: r.returnedBy, displayName: r.displayName },
    })),
    sanctions: sanctions.map((s) => ({
      id: s.id,
      reason: s.reason,
      effectiveFrom: s.effectiveFrom,
    })),
    targetList: target ?? null,
    order:
      order === undefined ? null : { ...order, statusLabel: ORDER_STATUS_LABELS.ja[order.status] },
    history: history.map((entry) => {
      const view = toHistoryEntry(entry, institution.name);
      return { ...view, actionLabel: reviewHistoryLabel(entry.action) };
    }),
    abilities: abilitiesFor(scope, row.status, row.reviewStage),
  };
}

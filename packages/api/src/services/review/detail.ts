import type { Db } from "@sos/db";
import {
  INSTITUTION_TYPE_LABELS,
  type InstitutionType,
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
  type SurveyFigures,
  tokyoDate,
} from "@sos/rules";
import { DomainError } from "../../errors";
import type { ReviewScope } from "../../trpc";
import { activeSanctions, listHistory } from "../sos/queries";
import { lateNote, type SosHistoryEntry, toHistoryEntry } from "../sos/views";
import { type Calculation, calculationOf } from "./figures";
import { reviewHistoryLabel } from "./messages";
import { findForReview, type RequestRow } from "./scope";

export interface Person {
  id: string;
  displayName: string;
}

export interface ReviewAbilities {
  /** Save or complete the prefecture's input (prefecture officer, 都道府県確認中). */
  canEditPrefectureReview: boolean;
  canMarkNotEligible: boolean;
  /** Approve or return it (ministry, 国確認中). */
  canApprove: boolean;
  canReturn: boolean;
}

export interface ReviewDetail {
  id: string;
  version: number;
  status: SosStatus;
  statusLabel: string;
  reviewStage: ReviewStage | null;
  reviewStageLabel: string | null;
  weekStart: string;
  weekTitle: string;
  appliedAt: Date;
  late: boolean;
  handleFrom: string | null;
  lateNote: string | null;
  prefectureDue: Date;
  /** From when the institution may be told it is not eligible (the Friday of the request week). */
  notEligibleNoticeFrom: Date;
  contactName: string;
  contactPhone: string | null;
  notes: string;
  closedReason: string | null;
  institution: {
    id: string;
    code: string;
    name: string;
    type: InstitutionType;
    typeLabel: string;
    prefectureCode: number;
    prefectureName: string;
    postcode: string;
    address: string;
    phone: string;
    email: string;
  };
  calculation:
    | (Calculation & {
        source: "snapshot" | "survey";
        limitSets: number;
        limitPieces: number;
      })
    | null;
  survey: {
    id: string;
    weekStart: string;
    /** The survey's answers now; they may differ from what the check saw. */
    figures: SurveyFigures | null;
    answeredAt: Date | null;
    changedSinceCheck: boolean;
  } | null;
  prefectureReview: {
    supplyNeeded: boolean | null;
    quantitySets: number | null;
    computedLimitSets: number;
    overrideReason: string | null;
    notes: string;
    notEligibleReason: string | null;
    completedAt: Date | null;
    completedBy: Person | null;
    updatedAt: Date;
    updatedBy: Person | null;
    version: number;
  } | null;
  ministryApproval: {
    quantitySets: number;
    quantityPieces: number;
    adjustReason: string | null;
    approvedAt: Date;
    approvedBy: Person;
  } | null;
  returns: Array<{ id: string; reason: string; returnedAt: Date; returnedBy: Person }>;
  /** Sanctions in force against the institution today. */
  sanctions: Array<{ id: string; reason: string; effectiveFrom: string }>;
  /** The target list (④) the request went out on, once issued. */
  targetList: { batchId: string; number: number; issuedAt: Date } | null;
  history: SosHistoryEntry[];
  abilities: ReviewAbilities;
}

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

function person(id: string | null, name: string | null): Person | null {
  return id === null ? null : { id, displayName: name ?? "" };
}

async function loadParts(db: Db, row: RequestRow, now: Date) {
  return Promise.all([
    db
      .selectFrom("institutions as i")
      .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
      .select([
        "i.id",
        "i.code",
        "i.name",
        "i.type",
        "i.prefectureCode",
        "p.name as prefectureName",
        "i.postcode",
        "i.address",
        "i.phone",
        "i.email",
      ])
      .where("i.id", "=", row.institutionId)
      .executeTakeFirst(),
    row.surveyId === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom("weeklySurveys")
          .select(["id", "weekStart", "stock", "consumption", "purchases", "answeredAt"])
          .where("id", "=", row.surveyId)
          .executeTakeFirst(),
    db
      .selectFrom("prefectureReviews as pr")
      .leftJoin("users as cu", "cu.id", "pr.completedBy")
      .leftJoin("users as uu", "uu.id", "pr.updatedBy")
      .selectAll("pr")
      .select(["cu.displayName as completedByName", "uu.displayName as updatedByName"])
      .where("pr.requestId", "=", row.id)
      .executeTakeFirst(),
    db
      .selectFrom("ministryApprovals as ma")
      .innerJoin("users as u", "u.id", "ma.approvedBy")
      .selectAll("ma")
      .select("u.displayName as approvedByName")
      .where("ma.requestId", "=", row.id)
      .executeTakeFirst(),
    db
      .selectFrom("reviewReturns as rr")
      .innerJoin("users as u", "u.id", "rr.returnedBy")
      .select(["rr.id", "rr.reason", "rr.returnedAt", "rr.returnedBy", "u.displayName"])
      .where("rr.requestId", "=", row.id)
      .orderBy("rr.returnedAt")
      .orderBy("rr.id")
      .execute(),
    activeSanctions(db, row.institutionId, tokyoDate(now)),
    db
      .selectFrom("targetItems as t")
      .innerJoin("targetBatches as b", "b.id", "t.batchId")
      .select(["b.id as batchId", "b.number", "b.issuedAt"])
      .where("t.requestId", "=", row.id)
      .executeTakeFirst(),
    listHistory(db, row.id),
  ]);
}

/** The request page of the review console; out of scope is NOT_FOUND. */
export async function reviewDetail(
  db: Db,
  { scope, now, id }: { scope: ReviewScope; now: Date; id: string },
): Promise<ReviewDetail> {
  const row = await findForReview(db, scope, id);
  if (!row || row.appliedAt === null) throw new DomainError("NOT_FOUND");
  const appliedAt = row.appliedAt;
  const [institution, survey, review, approval, returns, sanctions, target, history] =
    await loadParts(db, row, now);
  if (!institution) throw new DomainError("NOT_FOUND");

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
    institution: {
      ...institution,
      typeLabel: INSTITUTION_TYPE_LABELS.ja[institution.type],
    },
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
    prefectureReview: review
      ? {
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
        }
      : null,
    ministryApproval: approval
      ? {
          quantitySets: approval.quantitySets,
          quantityPieces: approval.quantitySets * PIECES_PER_SET,
          adjustReason: approval.adjustReason,
          approvedAt: approval.approvedAt,
          approvedBy: { id: approval.approvedBy, displayName: approval.approvedByName },
        }
      : null,
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
    history: history.map((entry) => {
      const view = toHistoryEntry(entry);
      return { ...view, actionLabel: reviewHistoryLabel(entry.action) };
    }),
    abilities: abilitiesFor(scope, row.status, row.reviewStage),
  };
}

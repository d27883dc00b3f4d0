import {
  REVIEW_STAGE_LABELS,
  type ReviewStage,
  SOS_STATUS_LABELS,
  type SosStatus,
  surveyWeekTitle,
} from "@sos/domain";
import {
  assessEligibility,
  notEligibleNoticeFrom,
  PIECES_PER_SET,
  prefectureDeadline,
  sosHandling,
  surveyWeekOf,
  weeksOfCover,
} from "@sos/rules";
import { formatJaDate } from "@sos/ui";
import type { QueueRow, ReviewDetail } from "../api-types";
import { historyOf } from "./history";
import type { InstitutionFixture } from "./institutions";
import { PEOPLE } from "./people";

type Person = { id: string; displayName: string };

/** What the prefecture has entered on a request so far. */
export interface PrefectureInputSpec {
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  overrideReason?: string | null;
  notes?: string;
  /** Completed (都道府県確認完了) at, or still a draft. */
  completedAt?: string | null;
  by?: Person;
  updatedAt: string;
}

/** One request of the stories, from which both its queue row and its page are made. */
export interface RequestSpec {
  id: string;
  version: number;
  institution: InstitutionFixture;
  /** ISO instant. */
  appliedAt: string;
  status?: SosStatus;
  reviewStage?: ReviewStage | null;
  prefectureInput?: PrefectureInputSpec | null;
  approval?: {
    quantitySets: number;
    adjustReason?: string | null;
    approvedAt: string;
    by?: Person;
  } | null;
  returns?: ReviewDetail["returns"];
  sanctions?: ReviewDetail["sanctions"];
  targetList?: ReviewDetail["targetList"];
  order?: ReviewDetail["order"];
  closedReason?: string | null;
  /** Who closed it as not eligible, when, and when the institution is emailed. */
  closed?: { at: string; by: Person; role: "prefecture" | "ministry"; noticeAt: string };
  contactPhone?: string | null;
  notes?: string;
  /** The survey answer changed after the system check, to these figures. */
  surveyChangedTo?: InstitutionFixture["figures"];
  /** No survey answer to judge by (the calculation card says so). */
  noCalculation?: boolean;
}

function handlingOf(spec: RequestSpec) {
  const appliedAt = new Date(spec.appliedAt);
  const handling = sosHandling(appliedAt);
  // A request filed between Wednesday 17:00 and 18:35 is late for the week still open.
  const weekStart = surveyWeekOf(appliedAt).weekStart;
  return {
    weekStart,
    weekTitle: surveyWeekTitle(weekStart),
    late: handling.late,
    handleFrom: handling.handleFrom,
    prefectureDue: prefectureDeadline(appliedAt).toISOString(),
    notEligibleNoticeFrom: notEligibleNoticeFrom(appliedAt).toISOString(),
  };
}

function reviewStateOf(input: PrefectureInputSpec | null | undefined) {
  if (input === null || input === undefined) return "none" as const;
  return input.completedAt ? ("completed" as const) : ("draft" as const);
}

/** The request as review.queue lists it. */
export function queueRow(spec: RequestSpec): QueueRow {
  const { institution } = spec;
  const status = spec.status ?? "reviewing";
  const reviewStage = spec.reviewStage === undefined ? "prefecture" : spec.reviewStage;
  const figures = institution.figures;
  const assessment = assessEligibility(figures);
  const handling = handlingOf(spec);
  const input = spec.prefectureInput ?? null;
  return {
    id: spec.id,
    version: spec.version,
    status,
    statusLabel: SOS_STATUS_LABELS.ja[status],
    reviewStage,
    reviewStageLabel: reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[reviewStage],
    weekStart: handling.weekStart,
    appliedAt: spec.appliedAt,
    late: handling.late,
    handleFrom: handling.handleFrom,
    prefectureDue: handling.prefectureDue,
    institution: {
      id: institution.id,
      code: institution.code,
      name: institution.name,
      type: institution.type,
      typeLabel: institution.typeLabel,
      prefectureCode: institution.prefectureCode,
      prefectureName: institution.prefectureName,
    },
    contactName: institution.contactName,
    figures,
    assessment,
    limitSets: assessment.limitSets,
    limitPieces: assessment.limitPieces,
    weeksOfCover: weeksOfCover(figures.stock, figures.consumption, figures.purchases),
    prefectureReview: {
      state: reviewStateOf(input),
      supplyNeeded: input?.supplyNeeded ?? null,
      quantitySets: input?.quantitySets ?? null,
      completedAt: input?.completedAt ?? null,
    },
    approvedSets: spec.approval?.quantitySets ?? null,
    returned: (spec.returns ?? []).length > 0,
    sanctioned: (spec.sanctions ?? []).length > 0,
  };
}

/** The request as review.get shows it; abilities follow the status, as the server's do. */
export function requestDetail(spec: RequestSpec): ReviewDetail {
  const row = queueRow(spec);
  const { institution } = spec;
  const handling = handlingOf(spec);
  const input = spec.prefectureInput ?? null;
  const reviewing = row.status === "reviewing";
  const figures = institution.figures;
  const assessment = assessEligibility(figures);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    statusLabel: row.statusLabel,
    reviewStage: row.reviewStage,
    reviewStageLabel: row.reviewStageLabel,
    weekStart: handling.weekStart,
    weekTitle: handling.weekTitle,
    appliedAt: spec.appliedAt,
    late: handling.late,
    handleFrom: handling.handleFrom,
    lateNote: handling.late
      ? `水曜17時の締切後の申請のため、${formatJaDate(handling.handleFrom)}以降の対応となります。`
      : null,
    prefectureDue: handling.prefectureDue,
    notEligibleNoticeFrom: handling.notEligibleNoticeFrom,
    contactName: institution.contactName,
    contactPhone: spec.contactPhone === undefined ? institution.phone : spec.contactPhone,
    notes: spec.notes ?? "",
    closedReason: spec.closedReason ?? null,
    institution: { ...row.institution, ...pick(institution) },
    calculation: spec.noCalculation
      ? null
      : {
          figures,
          assessment,
          weeksOfCover: row.weeksOfCover,
          source: "snapshot",
          limitSets: assessment.limitSets,
          limitPieces: assessment.limitPieces,
        },
    survey: spec.noCalculation
      ? null
      : {
          // The week's survey of the institution: its id is the institution's, re-suffixed.
          id: `${institution.id.slice(0, -4)}5eed`,
          weekStart: handling.weekStart,
          figures: spec.surveyChangedTo ?? figures,
          answeredAt: new Date(Date.parse(spec.appliedAt) - 3_600_000).toISOString(),
          changedSinceCheck: spec.surveyChangedTo !== undefined,
        },
    prefectureReview:
      input === null
        ? null
        : {
            supplyNeeded: input.supplyNeeded,
            quantitySets: input.quantitySets,
            computedLimitSets: assessment.limitSets,
            overrideReason: input.overrideReason ?? null,
            notes: input.notes ?? "",
            notEligibleReason: null,
            completedAt: input.completedAt ?? null,
            completedBy: input.completedAt ? (input.by ?? PEOPLE.prefectureOfficer) : null,
            updatedAt: input.updatedAt,
            updatedBy: input.by ?? PEOPLE.prefectureOfficer,
            version: 1,
          },
    ministryApproval:
      spec.approval === null || spec.approval === undefined
        ? null
        : {
            quantitySets: spec.approval.quantitySets,
            quantityPieces: spec.approval.quantitySets * PIECES_PER_SET,
            adjustReason: spec.approval.adjustReason ?? null,
            approvedAt: spec.approval.approvedAt,
            approvedBy: spec.approval.by ?? PEOPLE.ministryOfficer,
          },
    returns: spec.returns ?? [],
    sanctions: spec.sanctions ?? [],
    targetList: spec.targetList ?? null,
    order: spec.order ?? null,
    history: historyOf(spec),
    abilities: {
      canEditPrefectureReview: reviewing && row.reviewStage === "prefecture",
      canMarkNotEligible: reviewing,
      canApprove: reviewing && row.reviewStage === "ministry",
      canReturn: reviewing && row.reviewStage === "ministry",
    },
  };
}

function pick(institution: InstitutionFixture) {
  const { postcode, address, phone, email } = institution;
  return { postcode, address, phone, email };
}

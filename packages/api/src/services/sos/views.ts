import type { SosCheckErrorDetail } from "@sos/db";
import {
  formatJaDate,
  ROLE_LABELS,
  type Role,
  SOS_STATUS_LABELS,
  surveyWeekTitle,
} from "@sos/domain";
import {
  type Assessment,
  assessEligibility,
  isEditable,
  PIECES_PER_SET,
  type ReviewStage,
  type SosStatus,
  type SurveyFigures,
  sosDeadline,
  surveyCreationTime,
  transition,
} from "@sos/rules";
import { historyActionLabel } from "./messages";
import type { SosListRow, SosRequestRow } from "./queries";

export interface SosRequestListItem {
  id: string;
  status: SosStatus;
  /** The institution-facing label (申請前, エラーあり, 都道府県・国確認中, ...). */
  statusLabel: string;
  reviewStage: ReviewStage | null;
  weekStart: string;
  /** The survey week the request belongs to, e.g. 「2026年11月25日（水）〜12月2日（水）週」. */
  weekTitle: string;
  appliedAt: Date | null;
  /** Applied after the Wednesday 17:00 deadline. */
  late: boolean;
  /** The business day (YYYY-MM-DD) from which officers handle it; set once it is reviewing. */
  handleFrom: string | null;
  /** e.g. 「2026年12月3日（木）以降の対応となります。」 for a late request; null otherwise. */
  lateNote: string | null;
  contactName: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Only in the "recent" view: when this user last opened it. */
  viewedAt: Date | null;
}

export interface SosCheckView {
  surveyId: string | null;
  weekStart: string;
  weekTitle: string;
  /** The figures the system check used, copied at apply time. */
  figures: SurveyFigures;
  assessment: Assessment;
  /** "snapshot": copied at apply; "survey": read from the linked survey (request written without a copy). */
  source: "snapshot" | "survey";
  /** The linked survey's figures now; they may differ when the survey was edited after applying. */
  currentSurveyFigures: SurveyFigures | null;
  surveyChangedSinceCheck: boolean;
}

export type SosDecision =
  | {
      kind: "quantity";
      /** The ministry's approved quantity when there is one, else the prefecture's completed one. */
      source: "ministry" | "prefecture";
      /** True once the ministry approved (受付完了). */
      final: boolean;
      quantitySets: number;
      /** 購入上限数 in pieces: the decided sets x 1,000. */
      purchaseLimitPieces: number;
      /** What the rules computed from the survey, for comparison. */
      computedLimitSets: number | null;
      decidedAt: Date;
    }
  | { kind: "not_eligible"; reason: string };

export interface SosHistoryEntry {
  id: string;
  at: Date;
  actor: { id: string; displayName: string } | null;
  actorRole: string | null;
  /** 医療機関, 都道府県担当者, 国（厚生労働省）, システム */
  actorRoleLabel: string | null;
  action: string;
  actionLabel: string;
  fromStatus: SosStatus | null;
  toStatus: SosStatus | null;
  fromStatusLabel: string | null;
  toStatusLabel: string | null;
  /** Changed fields as { field: { from, to } }, or what the action decided (see the writers). */
  changes: Record<string, unknown>;
}

export interface SosRequestDetail extends SosRequestListItem {
  contactPhone: string | null;
  notes: string;
  conditionsConfirmed: true;
  /** The survey the last system check used (or points to, when it failed on the survey). */
  surveyId: string | null;
  closedReason: string | null;
  /** Why the last system check failed (status error), with the survey to fix where relevant. */
  errorReasons: SosCheckErrorDetail[];
  /** The Wednesday 17:00 deadline of the request's week. */
  deadline: Date;
  createdBy: { id: string; displayName: string };
  editable: boolean;
  canApply: boolean;
  canWithdraw: boolean;
  institution: {
    id: string;
    code: string;
    name: string;
    prefectureCode: number;
    prefectureName: string;
  };
  history: SosHistoryEntry[];
  check: SosCheckView | null;
  decision: SosDecision | null;
}

const SOS_STATUSES_SET: ReadonlySet<string> = new Set(Object.keys(SOS_STATUS_LABELS.ja));

function asStatus(value: string | null): SosStatus | null {
  return value !== null && SOS_STATUSES_SET.has(value) ? (value as SosStatus) : null;
}

export function lateNote(late: boolean, handleFrom: string | null): string | null {
  if (!late || handleFrom === null) return null;
  return `水曜17時の締切後の申請のため、${formatJaDate(handleFrom)}以降の対応となります。`;
}

export function toListItem(row: SosRequestRow | SosListRow): SosRequestListItem {
  return {
    id: row.id,
    status: row.status,
    statusLabel: SOS_STATUS_LABELS.ja[row.status],
    reviewStage: row.reviewStage,
    weekStart: row.weekStart,
    weekTitle: surveyWeekTitle(row.weekStart),
    appliedAt: row.appliedAt,
    late: row.late,
    handleFrom: row.handleFrom,
    lateNote: lateNote(row.late, row.handleFrom),
    contactName: row.contactName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    viewedAt: "viewedAt" in row ? row.viewedAt : null,
  };
}

export function requestDeadline(weekStart: string): Date {
  return sosDeadline(surveyCreationTime(weekStart));
}

/**
 * Withdrawing takes back a filed request. A draft was never filed, and the
 * table keeps every non-draft request's filing time (applied_at), so a draft
 * is not withdrawn: left unapplied, it simply never reaches anyone.
 */
export function canWithdraw(status: SosStatus): boolean {
  return status !== "draft" && transition(status, "withdraw").ok;
}

export function requestAbilities(status: SosStatus) {
  return {
    editable: isEditable(status),
    canApply: transition(status, "apply_passed").ok,
    canWithdraw: canWithdraw(status),
  };
}

const GENERIC_REASON =
  "システムチェックで要件を満たしていないと判定されました。週次調査の回答内容を確認してください。";

/** The reasons as stored at check time; codes without stored wording get a general message. */
export function errorReasonsOf(row: SosRequestRow): SosCheckErrorDetail[] {
  if (row.errorDetails.length > 0) return row.errorDetails;
  return row.errorReasons.map((code) => ({
    code,
    message: GENERIC_REASON,
    surveyId: row.surveyId,
  }));
}

export function checkedFigures(row: SosRequestRow): SurveyFigures | null {
  const { checkedStock, checkedConsumption, checkedPurchases } = row;
  if (checkedStock === null || checkedConsumption === null || checkedPurchases === null) {
    return null;
  }
  return { stock: checkedStock, consumption: checkedConsumption, purchases: checkedPurchases };
}

export function toCheckView(
  row: SosRequestRow,
  survey: { weekStart: string; figures: SurveyFigures | null } | null,
): SosCheckView | null {
  if (row.appliedAt === null) return null;
  const snapshot = checkedFigures(row);
  const figures = snapshot ?? survey?.figures ?? null;
  if (figures === null) return null;
  const current = survey?.figures ?? null;
  const weekStart = survey?.weekStart ?? row.weekStart;
  return {
    surveyId: row.surveyId,
    weekStart,
    weekTitle: surveyWeekTitle(weekStart),
    figures,
    assessment: assessEligibility(figures),
    source: snapshot === null ? "survey" : "snapshot",
    currentSurveyFigures: current,
    surveyChangedSinceCheck:
      current !== null &&
      (current.stock !== figures.stock ||
        current.consumption !== figures.consumption ||
        current.purchases !== figures.purchases),
  };
}

export function toHistoryEntry(row: {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  changes: Record<string, unknown>;
}): SosHistoryEntry {
  const fromStatus = asStatus(row.fromStatus);
  const toStatus = asStatus(row.toStatus);
  let actorRoleLabel: string | null = null;
  if (row.actorRole === "system") actorRoleLabel = "システム";
  else if (row.actorRole !== null && row.actorRole in ROLE_LABELS.ja) {
    actorRoleLabel = ROLE_LABELS.ja[row.actorRole as Role];
  }
  return {
    id: String(row.id),
    at: row.at,
    actor:
      row.actorUserId === null ? null : { id: row.actorUserId, displayName: row.actorName ?? "" },
    actorRole: row.actorRole,
    actorRoleLabel,
    action: row.action,
    actionLabel: historyActionLabel(row.action),
    fromStatus,
    toStatus,
    fromStatusLabel: fromStatus === null ? null : SOS_STATUS_LABELS.ja[fromStatus],
    toStatusLabel: toStatus === null ? null : SOS_STATUS_LABELS.ja[toStatus],
    changes: row.changes,
  };
}

export function toDecision(
  row: SosRequestRow,
  outcome: {
    prefecture:
      | {
          quantitySets: number | null;
          computedLimitSets: number;
          notEligibleReason: string | null;
          completedAt: Date | null;
        }
      | undefined;
    ministry: { quantitySets: number; approvedAt: Date } | undefined;
  },
): SosDecision | null {
  const { prefecture, ministry } = outcome;
  if (row.status === "withdrawn") return null;
  if (row.status === "not_eligible") {
    return {
      kind: "not_eligible",
      reason: row.closedReason ?? prefecture?.notEligibleReason ?? "",
    };
  }
  const computedLimitSets = prefecture?.computedLimitSets ?? row.checkedLimitSets;
  if (ministry) {
    return {
      kind: "quantity",
      source: "ministry",
      final: true,
      quantitySets: ministry.quantitySets,
      purchaseLimitPieces: ministry.quantitySets * PIECES_PER_SET,
      computedLimitSets,
      decidedAt: ministry.approvedAt,
    };
  }
  // The prefecture's figure counts only once it completed its part; a draft of it is not a decision.
  if (prefecture?.completedAt && prefecture.quantitySets !== null) {
    return {
      kind: "quantity",
      source: "prefecture",
      final: false,
      quantitySets: prefecture.quantitySets,
      purchaseLimitPieces: prefecture.quantitySets * PIECES_PER_SET,
      computedLimitSets,
      decidedAt: prefecture.completedAt,
    };
  }
  return null;
}

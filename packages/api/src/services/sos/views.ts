import type { SosCheckErrorDetail } from "@sos/db";
import type { SosListRow, SosRequestRow } from "@sos/db/repositories/sos-request";
import {
  formatJaDate,
  onBehalfLabel,
  ROLE_LABELS,
  type Role,
  SOS_STATUS_LABELS,
  surveyWeekTitle,
} from "@sos/domain";
import {
  assessEligibility,
  isEditable,
  PIECES_PER_SET,
  type SosStatus,
  type SurveyFigures,
  sosDeadline,
  surveyCreationTime,
  transition,
} from "@sos/rules";
import type {
  SosCheckView,
  SosDecision,
  SosHistoryEntry,
  SosRequestListItem,
} from "../../schemas/sos";
import { historyActionLabel } from "./messages";

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

/**
 * 削除: a request that never passed the system check (申請前, エラーあり) reached no
 * prefecture and counts for nothing, so the institution may throw it away. Once
 * filed (reviewing and after) it is part of the record: 取下げ is for that.
 */
export const DELETABLE_STATUSES = ["draft", "error"] as const satisfies readonly SosStatus[];

export function canDelete(status: SosStatus): boolean {
  return (DELETABLE_STATUSES as readonly SosStatus[]).includes(status);
}

export function requestAbilities(status: SosStatus) {
  return {
    editable: isEditable(status),
    canApply: transition(status, "apply_passed").ok,
    canWithdraw: canWithdraw(status),
    canDelete: canDelete(status),
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

export function toHistoryEntry(
  row: {
    id: string;
    at: Date;
    actorUserId: string | null;
    actorRole: string | null;
    actorName: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    changes: Record<string, unknown>;
    /** 代理入力: the delegate organisation's name, when one of its users did it. */
    delegateName?: string | null;
  },
  institutionName = "",
): SosHistoryEntry {
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
    onBehalf:
      row.delegateName === undefined || row.delegateName === null
        ? null
        : {
            organisationName: row.delegateName,
            institutionName,
            label: onBehalfLabel(row.delegateName, institutionName),
            at: row.at,
          },
  };
}

/** The request's latest entry made by a delegate, as the request page shows it on top. */
export function latestOnBehalf(history: readonly SosHistoryEntry[]): SosHistoryEntry["onBehalf"] {
  return history.findLast((entry) => entry.onBehalf != null)?.onBehalf ?? null;
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

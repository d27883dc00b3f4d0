import { SOS_STATUS_LABELS, type SosStatus } from "@sos/domain";
import { assessEligibility, type SurveyFigures } from "@sos/rules";
import type { SosRequestDetail } from "../api-types";
import { STAFF } from "./fixtures";
import { ELIGIBLE_FIGURES, THIS_WEEK_SURVEY_ID } from "./surveys";

/** A request's history entries as sos.get gives them, with what each action records. */

type History = SosRequestDetail["history"];
type Entry = History[number];

const ROLE_LABELS = {
  institution: "医療機関",
  prefecture: "都道府県担当者",
  ministry: "国（厚生労働省）",
};

export function entry(
  id: number,
  at: string,
  action: string,
  actionLabel: string,
  by: { actor: Entry["actor"]; role: keyof typeof ROLE_LABELS | null },
  from: SosStatus | null,
  to: SosStatus | null,
  changes: Entry["changes"] = {},
): Entry {
  return {
    id: String(id),
    at,
    actor: by.actor,
    actorRole: by.role,
    actorRoleLabel: by.role === null ? "システム" : ROLE_LABELS[by.role],
    action,
    actionLabel,
    fromStatus: from,
    toStatus: to,
    fromStatusLabel: from && SOS_STATUS_LABELS.ja[from],
    toStatusLabel: to && SOS_STATUS_LABELS.ja[to],
    changes,
  };
}

export const US = { actor: STAFF, role: "institution" } as const;
export const PREFECTURE = {
  actor: { id: "3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c01", displayName: "鈴木 次郎" },
  role: "prefecture",
} as const;
export const MINISTRY = {
  actor: { id: "3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c02", displayName: "高橋 三奈" },
  role: "ministry",
} as const;

export const CREATED_AT = "2026-11-19T01:40:00.000Z";
export const APPLIED_AT = "2026-11-19T01:52:00.000Z";

export const CREATED = entry(1, CREATED_AT, "create", "作成（申請前）", US, null, "draft", {
  contactName: { from: null, to: "山田 花子" },
  contactPhone: { from: null, to: "0426451111" },
  notes: { from: null, to: "" },
  conditionsConfirmed: { from: null, to: true },
});

/** What 「システムチェック&申請」 records: the figures it judged and, once passed, the handling. */
export function checked(
  figures: SurveyFigures,
  outcome: { late: boolean; handleFrom: string } | { errorReasons: string[] },
) {
  return {
    surveyId: THIS_WEEK_SURVEY_ID,
    checkedFigures: figures,
    limitSets: assessEligibility(figures).limitSets,
    errorReasons: [],
    ...outcome,
  };
}

export const APPLIED = entry(
  2,
  APPLIED_AT,
  "apply_passed",
  "システムチェック&申請（都道府県・国確認中）",
  US,
  "draft",
  "reviewing",
  checked(ELIGIBLE_FIGURES, { late: false, handleFrom: "2026-11-19" }),
);

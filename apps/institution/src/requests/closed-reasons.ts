import type { SosStatus } from "@sos/domain";

/** Why a request can no longer be changed, per closing status (as the API refuses it). */
export const NOT_EDITABLE_REASONS: Readonly<Partial<Record<SosStatus, string>>> = {
  accepted:
    "受付完了の要請は編集できません。内容の変更が必要な場合は、都道府県の担当者にご連絡ください。",
  not_eligible: "対象外となった要請は編集できません。必要な場合は、新しい要請を作成してください。",
  withdrawn: "取り下げた要請は編集できません。必要な場合は、新しい要請を作成してください。",
};

export function notEditableReason(status: SosStatus): string {
  return NOT_EDITABLE_REASONS[status] ?? "この要請は編集できません。";
}

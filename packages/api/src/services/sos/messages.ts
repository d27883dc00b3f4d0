import type { SosStatus } from "@sos/rules";

/** The Japanese refusals of the request procedures, per status where the status is the reason. */

type ClosedOrFiled = Exclude<SosStatus, "draft" | "error">;

/** Saving (編集 → 保存) is refused only for closed requests; reviewing ones stay editable. */
export const NOT_EDITABLE_MESSAGES: Readonly<
  Record<"accepted" | "not_eligible" | "withdrawn", string>
> = {
  accepted: "受付完了の要請は編集できません。",
  not_eligible: "対象外となった要請は編集できません。",
  withdrawn: "取り下げた要請は編集できません。",
};

export const NOT_APPLICABLE_MESSAGES: Readonly<Record<ClosedOrFiled, string>> = {
  reviewing: "この要請は申請済みです（都道府県・国確認中）。",
  accepted: "受付完了の要請は、もう一度申請することはできません。",
  not_eligible:
    "対象外となった要請は申請できません。改めて要請する場合は、新しい要請を作成してください。",
  withdrawn: "取り下げた要請は申請できません。改めて要請する場合は、新しい要請を作成してください。",
};

export const NOT_WITHDRAWABLE_MESSAGES: Readonly<
  Record<"draft" | "accepted" | "not_eligible" | "withdrawn", string>
> = {
  draft:
    "申請前の要請は取り下げできません。「システムチェック&申請」を行うまで、都道府県・国には届いていません。",
  accepted:
    "受付完了の要請は取り下げできません。取り下げが必要な場合は、都道府県の担当者にご連絡ください。",
  not_eligible: "対象外となった要請は取り下げできません。",
  withdrawn: "この要請はすでに取り下げられています。",
};

export const INVALID_CURSOR_MESSAGE =
  "一覧の続きを読み込めませんでした。一覧を再読み込みしてください。";

/** History actions as the request page lists them; unknown actions show as recorded. */
export const HISTORY_ACTION_LABELS: Readonly<Record<string, string>> = {
  create: "作成（申請前）",
  save: "編集",
  apply_passed: "システムチェック&申請（都道府県・国確認中）",
  apply_failed: "システムチェック&申請（エラーあり）",
  withdraw: "取下げ",
  prefecture_complete: "都道府県確認完了",
  return_to_prefecture: "国から都道府県へ差戻し",
  approve: "国の承認（受付完了）",
  reject: "対象外",
  hand_over: "販売業者へ引渡し",
};

/**
 * What an institution may see of its request's history. Reviewers' working
 * steps (drafts of the prefecture input, returns between prefecture and
 * ministry) and their notes stay inside the review console; the institution
 * sees that its request moved on, and the outcome.
 */
export const INSTITUTION_VISIBLE_ACTIONS: ReadonlySet<string> = new Set([
  "create",
  "save",
  "apply_passed",
  "apply_failed",
  "withdraw",
  "approve",
  "reject",
  "hand_over",
]);

export function historyActionLabel(action: string): string {
  return HISTORY_ACTION_LABELS[action] ?? action;
}

/** 削除 of a request that was filed: withdrawing is what closes it. */
export const NOT_DELETABLE_MESSAGE =
  "都道府県・国に申請済みの要請は削除できません。要請をやめる場合は「取下げ」を行ってください。";

/** A second 削除 (another click or tab) of a request this institution already deleted. */
export const ALREADY_DELETED_MESSAGE =
  "この要請はすでに削除されています。緊急配布要請の一覧を確認してください。";

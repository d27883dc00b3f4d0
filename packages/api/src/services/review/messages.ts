import { HISTORY_ACTION_LABELS } from "../sos/messages";

/** The Japanese wording of the review console's refusals and history. */

export const NOT_REVIEWING_MESSAGES = {
  accepted: "この要請は受付完了のため、変更できません。",
  not_eligible: "この要請は対象外として終了しています。",
  withdrawn: "この要請は医療機関が取り下げました。",
} as const;

export const WITH_MINISTRY_MESSAGE =
  "この要請は都道府県の確認が完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。";

export const WITH_PREFECTURE_MESSAGE =
  "この要請は都道府県確認中です。都道府県の確認が完了してから承認・差戻しができます。";

export const SUPPLY_ANSWER_REQUIRED = "配送要否を選択してください。";

export const QUANTITY_REQUIRED_WHEN_SUPPLY =
  "配送が必要な場合、数量は1セット以上を入力してください。";

export const QUANTITY_WITHOUT_SUPPLY = "配送不要の場合、数量は入力できません（0セット）。";

export function overrideReasonRequired(limitSets: number): string {
  return `購入上限数（算定値 ${limitSets}セット）を超える数量には、理由の入力が必要です。`;
}

export function adjustReasonRequired(prefectureSets: number): string {
  return `都道府県の入力（${prefectureSets}セット）と異なる数量で承認する場合は、調整理由を入力してください。`;
}

export const APPROVE_QUANTITY_REQUIRED =
  "承認する数量は1セット以上にしてください。都道府県が配送不要としている場合は、対象外とするか、数量と調整理由を入力してください。";

export const BATCH_REFUSED_SUFFIX = "いずれの要請も承認していません。";

/**
 * History actions of the review console, added to those the institution's
 * pages already label (作成, 申請, 都道府県確認完了, 承認 ...).
 */
export const REVIEW_HISTORY_LABELS: Readonly<Record<string, string>> = {
  ...HISTORY_ACTION_LABELS,
  prefecture_save: "都道府県入力の一時保存",
  reject: "対象外",
  hand_over: "販売業者へ引渡し（対象医療機関リスト）",
};

export function reviewHistoryLabel(action: string): string {
  return REVIEW_HISTORY_LABELS[action] ?? action;
}

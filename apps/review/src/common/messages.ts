/** The review console's shared wording. */

/** The API's optimistic-lock refusal (STALE_REVIEW_MESSAGE), word for word. */
export const CONFLICT_MESSAGE = "他の担当者が先に更新しました。最新の内容を確認してください。";

export const RELOAD_LABEL = "最新の内容を読み込む";

export const CONFLICT_DETAIL =
  "この画面の入力内容は保存されていません。最新の内容を読み込むと、入力中の内容は読み込んだ内容に置き換わります。必要な内容は控えてから読み込んでください。";

export const NOTES_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 1000;

/** A text over its limit, worded as the API words it. */
export function tooLongMessage(label: string, max: number): string {
  return `${label}は${max.toLocaleString("ja-JP")}文字以内で入力してください`;
}

import {
  DOMAIN_ERROR_MESSAGES,
  REVIEW_NOTES_MAX_LENGTH,
  REVIEW_REASON_MAX_LENGTH,
} from "@sos/domain";

/** The review console's shared wording. */

/** The API's optimistic-lock refusal (STALE_VERSION), from the one table of error wordings. */
export const CONFLICT_MESSAGE = DOMAIN_ERROR_MESSAGES.STALE_VERSION;

export const RELOAD_LABEL = "最新の内容を読み込む";

export const CONFLICT_DETAIL =
  "この画面の入力内容は保存されていません。最新の内容を読み込むと、入力中の内容は読み込んだ内容に置き換わります。必要な内容は控えてから読み込んでください。";

export const NOTES_MAX_LENGTH = REVIEW_NOTES_MAX_LENGTH;
export const REASON_MAX_LENGTH = REVIEW_REASON_MAX_LENGTH;

/** A text over its limit, worded as the API words it. */
export function tooLongMessage(label: string, max: number): string {
  return `${label}は${max.toLocaleString("ja-JP")}文字以内で入力してください`;
}

import { SOS_STATUSES } from "@sos/rules";
import { z } from "#zod";
import type { LabelMap, Locale } from "./locale";
import type { ReviewStage } from "./review-stage";
import { REVIEW_STAGE_LABELS } from "./review-stage";

// The status list is owned by @sos/rules (its transition table is written against it).
export { SOS_STATUSES };
export const SosStatus = z.enum(SOS_STATUSES, { error: "要請の状態が正しくありません" });
export type SosStatus = z.infer<typeof SosStatus>;

export const SOS_STATUS_LABELS: LabelMap<SosStatus> = {
  ja: {
    draft: "申請前",
    error: "エラーあり",
    reviewing: "都道府県・国確認中",
    accepted: "受付完了",
    not_eligible: "対象外",
    withdrawn: "取下げ",
  },
  en: {
    draft: "Draft",
    error: "Error",
    reviewing: "Under prefecture / ministry review",
    accepted: "Accepted",
    not_eligible: "Not eligible",
    withdrawn: "Withdrawn",
  },
};

/**
 * What each status means, for the institution's help text. The first four are the
 * manual's wording (4-1); the two closing statuses are this product's additions.
 */
export const SOS_STATUS_DESCRIPTIONS: Readonly<Record<SosStatus, string>> = {
  draft: "申請前の状態。「システムチェック＆申請」ボタンをクリック前の表示。",
  error: "申請の条件を満たしていない状態。",
  reviewing: "要請内容について都道府県または国で確認作業中の状態。",
  accepted: "都道府県、国による受付が完了した状態。",
  not_eligible: "都道府県または国が、配布条件に適さないと判断した状態。",
  withdrawn: "医療機関が要請を取り下げた状態。",
};

/**
 * The label officers need: while reviewing, say who holds the request
 * (都道府県確認中 / 国確認中) rather than the institution-facing 都道府県・国確認中.
 */
export function sosStatusDetailLabel(
  status: SosStatus,
  reviewStage: ReviewStage | null,
  locale: Locale = "ja",
): string {
  if (status === "reviewing" && reviewStage !== null) {
    return REVIEW_STAGE_LABELS[locale][reviewStage];
  }
  return SOS_STATUS_LABELS[locale][status];
}

import { REVIEW_STAGES } from "@sos/rules";
import { z } from "#zod";
import type { LabelMap } from "./locale";

// Owned by @sos/rules: who holds a request while it is "reviewing"; a ministry
// return moves it back to the prefecture.
export { REVIEW_STAGES };
export const ReviewStage = z.enum(REVIEW_STAGES, { error: "確認段階が正しくありません" });
export type ReviewStage = z.infer<typeof ReviewStage>;

export const REVIEW_STAGE_LABELS: LabelMap<ReviewStage> = {
  ja: { prefecture: "都道府県確認中", ministry: "国確認中" },
  en: { prefecture: "With the prefecture", ministry: "With the ministry" },
};

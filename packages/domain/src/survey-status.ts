import { z } from "#zod";
import type { LabelMap } from "./locale";

/** Derived, never stored: a survey is answered once its three figures are saved. */
export const SURVEY_STATUSES = ["unanswered", "answered"] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES, { error: "回答状況が正しくありません" });
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SURVEY_STATUS_LABELS: LabelMap<SurveyStatus> = {
  ja: { unanswered: "未回答", answered: "回答済み" },
  en: { unanswered: "Unanswered", answered: "Answered" },
};

import { z } from "#zod";
import { quantityFieldNamed } from "../fields/quantity";

/** The three figures for medical gloves, in pieces (枚), in the manual's order. */
export const SURVEY_FIGURE_LABELS = {
  stock: "在庫量",
  consumption: "1週間の想定消費量",
  purchases: "1週間の購入見込み量",
} as const;

const surveyFigures = {
  stock: quantityFieldNamed(SURVEY_FIGURE_LABELS.stock),
  consumption: quantityFieldNamed(SURVEY_FIGURE_LABELS.consumption),
  purchases: quantityFieldNamed(SURVEY_FIGURE_LABELS.purchases),
};

/** The weekly survey answer (週次調査: 在庫量・1週間の想定消費量・1週間の購入見込み量). */
export const SurveyAnswerInput = z.object(surveyFigures);
export type SurveyAnswerInput = z.input<typeof SurveyAnswerInput>;
export type SurveyAnswer = z.output<typeof SurveyAnswerInput>;

/** The self-check sheet (自己チェックシート) takes the same three figures. */
export const SelfCheckInput = z.object(surveyFigures);
export type SelfCheckInput = z.input<typeof SelfCheckInput>;
export type SelfCheck = z.output<typeof SelfCheckInput>;

import { MAX_QUANTITY } from "@sos/rules";
import { z } from "zod";
import type { SurveyStatus } from "../survey-status";
import { Id, IsoDate, Timestamp } from "./common";

const StoredQuantity = z.number().int().min(0).max(MAX_QUANTITY);

/** One survey record per institution and week; the week starts on its Wednesday (18:35 JST). */
export const WeeklySurvey = z.object({
  id: Id,
  institutionId: Id,
  weekStart: IsoDate,
  createdAt: Timestamp,
  stock: StoredQuantity.nullable(),
  consumption: StoredQuantity.nullable(),
  purchases: StoredQuantity.nullable(),
  answeredAt: Timestamp.nullable(),
  answeredBy: Id.nullable(),
  updatedAt: Timestamp,
});
export type WeeklySurvey = z.infer<typeof WeeklySurvey>;

export function surveyStatusOf(survey: Pick<WeeklySurvey, "answeredAt">): SurveyStatus {
  return survey.answeredAt === null ? "unanswered" : "answered";
}

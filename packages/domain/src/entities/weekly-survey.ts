import { MAX_QUANTITY } from "@sos/rules";
import { z } from "#zod";
import type { SurveyStatus } from "../survey-status";
import { Id, IsoDate, Timestamp } from "./common";

const StoredQuantity = z.number().check(z.int(), z.gte(0), z.lte(MAX_QUANTITY));

/** One survey record per institution and week; the week starts on its Wednesday (18:35 JST). */
export const WeeklySurvey = z.object({
  id: Id,
  institutionId: Id,
  weekStart: IsoDate,
  createdAt: Timestamp,
  stock: z.nullable(StoredQuantity),
  consumption: z.nullable(StoredQuantity),
  purchases: z.nullable(StoredQuantity),
  answeredAt: z.nullable(Timestamp),
  answeredBy: z.nullable(Id),
  updatedAt: Timestamp,
});
export type WeeklySurvey = z.infer<typeof WeeklySurvey>;

export function surveyStatusOf(survey: Pick<WeeklySurvey, "answeredAt">): SurveyStatus {
  return survey.answeredAt === null ? "unanswered" : "answered";
}

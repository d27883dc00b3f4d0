import { IsoDate } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "../../schemas/common";
import { SosListItemOutput } from "../sos/schemas";
import { SurveyViewOutput } from "../survey/schemas";

export const HomeSummaryOutput = z.object({
  week: z.object({
    weekStart: IsoDate,
    title: z.string(),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
  }),
  survey: SurveyViewOutput,
  deadline: z.object({
    at: IsoDateTime,
    timeLeft: z.object({
      days: z.number().int().min(0),
      hours: z.number().int().min(0),
      minutes: z.number().int().min(0),
      overdue: z.boolean(),
    }),
    ifAppliedNow: z.object({ late: z.boolean(), handleFrom: IsoDate }),
  }),
  request: SosListItemOutput.extend({ open: z.boolean() }).nullable(),
  purchase: z.null(),
});

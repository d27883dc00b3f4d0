import { IsoDate } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "./common";
import { SosListItemOutput } from "./sos";
import { SurveyViewOutput } from "./survey";

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
export type HomeSummaryOutput = z.infer<typeof HomeSummaryOutput>;
/** The services return the schema's input side: instants as Date, serialised by the output schema. */
export type HomeSummary = z.input<typeof HomeSummaryOutput>;

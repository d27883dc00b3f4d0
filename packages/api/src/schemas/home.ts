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
  /** Stock-out forecast from the latest answers (issue 18); null before the first answer. */
  forecast: z
    .object({
      /** The Tokyo day of the stock figure it starts from. */
      asOf: IsoDate,
      /** null: the stock does not shrink (no consumption, or purchases cover it), shown as "—". */
      weeksOfCover: z.number().nonnegative().nullable(),
      stockOutDate: IsoDate.nullable(),
      atRiskNextWeek: z.boolean(),
    })
    .nullable(),
});
export type HomeSummaryOutput = z.infer<typeof HomeSummaryOutput>;
/** The services return the schema's input side: instants as Date, serialised by the output schema. */
export type HomeSummary = z.input<typeof HomeSummaryOutput>;

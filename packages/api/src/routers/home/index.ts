import { homeSummary } from "../../services/home";
import { institutionActor } from "../../services/survey";
import { institutionProcedure, router } from "../../trpc";
import { HomeSummaryOutput } from "./schemas";

/** The institution's home: what to do this week at a glance. */
export const homeRouter = router({
  summary: institutionProcedure
    .output(HomeSummaryOutput)
    .query(({ ctx }) => homeSummary(ctx.db, { now: ctx.now(), actor: institutionActor(ctx) })),
});

import { HomeSummaryOutput } from "../../schemas/home";
import { homeSummary } from "../../services/home";
import { institutionActor } from "../../services/survey";
import { institutionProcedure, router } from "../../trpc";

/** The institution's home: what to do this week at a glance. */
export const homeRouter = router({
  summary: institutionProcedure
    .output(HomeSummaryOutput)
    .query(({ ctx }) => homeSummary(ctx.db, { now: ctx.now(), actor: institutionActor(ctx) })),
});

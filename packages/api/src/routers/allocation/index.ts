import { canonicalJson, DEFAULT_ALLOCATION_PARAMETERS } from "@sos/rules";
import {
  AllocationWeekInput,
  AllocationWeekOutput,
  CommitInput,
  CommitOutput,
  OwnAllocationInput,
  OwnAllocationOutput,
  PreviewInput,
  PreviewOutput,
  ReplayOutput,
  RunInput,
  RunsOutput,
  SeedOutput,
  StateSupplyInput,
} from "../../schemas/allocation";
import {
  type AllocationActor,
  commitPreviewed,
  commitSeed,
  previewWeek,
  stateWeekSupply,
} from "../../services/allocation/allocation";
import { ownAllocation } from "../../services/allocation/own";
import { pastRuns, replayRun } from "../../services/allocation/runs";
import { allocationSummary } from "../../services/allocation/summary";
import { weekStatus } from "../../services/allocation/week-status";
import { institutionProcedure, ministryProcedure, router } from "../../trpc";

const actorOf = (ctx: { user: { id: string } }): AllocationActor => ({
  userId: ctx.user.id,
  role: "ministry",
});

/**
 * Issue 17: the ministry states a week's supply per size, previews the
 * allocation, commits it and replays past runs; an institution reads its own
 * allocated sets and the figures of its own that produced them.
 */
export const allocationRouter = router({
  week: ministryProcedure
    .input(AllocationWeekInput)
    .output(AllocationWeekOutput)
    .query(({ ctx, input }) => weekStatus(ctx.db, input.weekStart)),

  stateSupply: ministryProcedure
    .input(StateSupplyInput)
    .output(AllocationWeekOutput)
    .mutation(async ({ ctx, input }) => {
      await stateWeekSupply(ctx.db, { ...input, actor: actorOf(ctx), now: ctx.now() });
      return weekStatus(ctx.db, input.weekStart);
    }),

  fixSeed: ministryProcedure
    .input(AllocationWeekInput)
    .output(SeedOutput)
    .mutation(({ ctx, input }) =>
      commitSeed(ctx.db, { weekStart: input.weekStart, actor: actorOf(ctx), now: ctx.now() }),
    ),

  preview: ministryProcedure
    .input(PreviewInput)
    .output(PreviewOutput)
    .query(async ({ ctx, input }) => {
      const parameters = input.parameters ?? DEFAULT_ALLOCATION_PARAMETERS;
      const { week, result, inputSha256 } = await previewWeek(ctx.db, {
        weekStart: input.weekStart,
        parameters,
      });
      return {
        weekStart: input.weekStart,
        rule: result.rule,
        parameters,
        changed: canonicalJson(parameters) !== canonicalJson(DEFAULT_ALLOCATION_PARAMETERS),
        inputSha256,
        summary: allocationSummary(week.input, result, week.prefectureOfCode),
      };
    }),

  commit: ministryProcedure
    .input(CommitInput)
    .output(CommitOutput)
    .mutation(({ ctx, input }) =>
      commitPreviewed(ctx.db, {
        weekStart: input.weekStart,
        ...(input.parameters ? { parameters: input.parameters } : {}),
        reason: input.reason === "" ? null : input.reason,
        expectedInputSha256: input.inputSha256,
        actor: actorOf(ctx),
        now: ctx.now(),
      }),
    ),

  runs: ministryProcedure.output(RunsOutput).query(({ ctx }) => pastRuns(ctx.db)),

  replay: ministryProcedure
    .input(RunInput)
    .output(ReplayOutput)
    .query(({ ctx, input }) => replayRun(ctx.db, input.runId)),

  /** The institution's own allocation: its requests only, whoever else was allocated. */
  mine: institutionProcedure
    .input(OwnAllocationInput)
    .output(OwnAllocationOutput)
    .query(({ ctx, input }) =>
      ownAllocation(ctx.db, {
        institutionId: ctx.institutionId,
        weekStart: input?.weekStart ?? null,
      }),
    ),
});

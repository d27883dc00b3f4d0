import { z } from "zod";
import {
  SanctionCreateInput,
  SanctionLiftInput,
  SanctionListInput,
  SanctionOutput,
  SanctionTargetInput,
  SanctionTargetOutput,
} from "../../schemas/sanctions";
import { ministryActor } from "../../services/review";
import {
  createSanction,
  liftSanction,
  listSanctions,
  sanctionTarget,
} from "../../services/sanctions";
import { ministryProcedure, router } from "../../trpc";

/** Measures under consent term ④; only the ministry applies or lifts them. */
export const sanctionsRouter = router({
  create: ministryProcedure
    .input(SanctionCreateInput)
    .output(SanctionOutput)
    .mutation(({ ctx, input }) =>
      createSanction(ctx.db, {
        actor: ministryActor(ctx),
        now: ctx.now(),
        institution:
          input.institutionId !== null && input.institutionId !== undefined
            ? { id: input.institutionId }
            : { code: input.institutionCode ?? "" },
        reason: input.reason,
        effectiveFrom: input.effectiveFrom,
      }),
    ),

  lift: ministryProcedure
    .input(SanctionLiftInput)
    .output(SanctionOutput)
    .mutation(({ ctx, input }) =>
      liftSanction(ctx.db, {
        actor: ministryActor(ctx),
        now: ctx.now(),
        id: input.id,
        reason: input.reason,
      }),
    ),

  /** The institution a typed code names, for the confirmation before create. */
  target: ministryProcedure
    .input(SanctionTargetInput)
    .output(SanctionTargetOutput)
    .query(({ ctx, input }) => sanctionTarget(ctx.db, input.institutionCode)),

  list: ministryProcedure
    .input(SanctionListInput)
    .output(z.array(SanctionOutput))
    .query(({ ctx, input }) =>
      listSanctions(ctx.db, { now: ctx.now(), state: input?.state ?? null }),
    ),
});

import {
  OpenDataListInput,
  PublicAllocationOutput,
  PublicFiguresOutput,
} from "../../schemas/open-data";
import { publicAllocation, publicFigures } from "../../services/open-data/public-pages";
import { publicProcedure, router } from "../../trpc";

const DEFAULT_WEEKS = 52;

/**
 * The public page (公開情報), read by anyone without signing in: the
 * allocation rule, each week's seed commitment, then the seed and the run's
 * files; and the open weekly figures. Read-only, and nothing that names an
 * institution, so there is no one to refuse.
 */
export const openDataRouter = router({
  allocation: publicProcedure
    .input(OpenDataListInput)
    .output(PublicAllocationOutput)
    .query(({ ctx, input }) =>
      publicAllocation(ctx.db, { limit: input?.limit ?? DEFAULT_WEEKS, now: ctx.now() }),
    ),

  figures: publicProcedure
    .input(OpenDataListInput)
    .output(PublicFiguresOutput)
    .query(({ ctx, input }) =>
      publicFigures(ctx.db, { limit: input?.limit ?? DEFAULT_WEEKS, now: ctx.now() }),
    ),
});

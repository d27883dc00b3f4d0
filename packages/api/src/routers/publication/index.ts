import { PublicationExportInput, PublicationOutput } from "../../schemas/publication";
import { publicationCsv } from "../../services/publication";
import { ministryActor } from "../../services/review";
import { ministryProcedure, router } from "../../trpc";

/** The publishable list of a week (consent term ②), as a UTF-8 (BOM) CSV text. */
export const publicationRouter = router({
  export: ministryProcedure
    .input(PublicationExportInput)
    .output(PublicationOutput)
    .mutation(async ({ ctx, input }) => {
      const file = await publicationCsv(ctx.db, {
        actor: ministryActor(ctx),
        weekStart: input.weekStart,
      });
      return {
        filename: file.filename,
        contentType: file.contentType,
        csv: file.body.toString("utf8"),
        rowCount: file.rowCount,
        totalSets: file.totalSets,
      };
    }),
});

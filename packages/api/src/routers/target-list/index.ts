import {
  BatchIdInput,
  CsvCheckOutput,
  TargetBatchDetailOutput,
  TargetBatchOutput,
  TargetListOutput,
} from "../../schemas/target-list";
import { ministryActor } from "../../services/review";
import {
  getTargetBatch,
  issueTargetList,
  listTargetBatches,
  targetListCsvCheck,
} from "../../services/target-list";
import { ministryProcedure, router } from "../../trpc";

/**
 * ④ 対象医療機関リスト on the ministry's side. The files themselves are served
 * over plain HTTP (GET /api/target-lists/:batchId.csv), where a browser can
 * save them; this router issues lists and shows them.
 */
export const targetListRouter = router({
  issue: ministryProcedure.output(TargetBatchOutput).mutation(({ ctx }) =>
    issueTargetList(ctx.db, {
      actor: ministryActor(ctx),
      now: ctx.now(),
      mail: { publicBaseUrl: ctx.config.publicBaseUrl, mailFrom: ctx.config.mailFrom },
    }),
  ),

  list: ministryProcedure.output(TargetListOutput).query(({ ctx }) => listTargetBatches(ctx.db)),

  get: ministryProcedure
    .input(BatchIdInput)
    .output(TargetBatchDetailOutput)
    .query(({ ctx, input }) => getTargetBatch(ctx.db, input.batchId)),

  /** What a Shift_JIS download would lose: shown as a warning before downloading. */
  csvCheck: ministryProcedure
    .input(BatchIdInput)
    .output(CsvCheckOutput)
    .query(({ ctx, input }) => targetListCsvCheck(ctx.db, input.batchId)),
});

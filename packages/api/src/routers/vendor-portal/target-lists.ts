import { z } from "zod";
import {
  BatchDetailOutput,
  BatchInput,
  BatchSummaryOutput,
  ItemIdInput,
  ReissueInput,
  RemindInput,
  RemindOutput,
  RunIdInput,
  RunProgressOutput,
  SendPurchaseLinksInput,
  VendorItemOutput,
} from "../../schemas/vendor-portal";
import {
  getVendorBatch,
  latestRunOfBatch,
  listVendorBatches,
  reissueLink,
  remindUnregistered,
  revokeLink,
  runProgress,
  sendPurchaseLinks,
  vendorActor,
} from "../../services/vendor-portal";
import { vendorProcedure } from "../../trpc";

/** ④ the lists handed over, matched with registrations; ⑤ the purchase links. */
export const targetListProcedures = {
  batches: vendorProcedure
    .output(z.array(BatchSummaryOutput))
    .query(({ ctx }) => listVendorBatches(ctx.db)),

  batch: vendorProcedure
    .input(BatchInput)
    .output(BatchDetailOutput)
    .query(async ({ ctx, input }) => {
      const { batchId, ...filter } = input;
      const [detail, latestRun] = await Promise.all([
        getVendorBatch(ctx.db, { batchId, filter, now: ctx.now() }),
        latestRunOfBatch(ctx.db, batchId),
      ]);
      return { ...detail, latestRun };
    }),

  remindUnregistered: vendorProcedure
    .input(RemindInput)
    .output(RemindOutput)
    .mutation(({ ctx, input }) =>
      remindUnregistered(ctx.db, {
        batchId: input.batchId,
        itemIds: input.itemIds,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),

  sendPurchaseLinks: vendorProcedure
    .input(SendPurchaseLinksInput)
    .output(RunProgressOutput)
    .mutation(({ ctx, input }) =>
      sendPurchaseLinks(ctx.db, input, {
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),

  /** null until the run with this id exists (the client may poll before its first reply). */
  sendProgress: vendorProcedure
    .input(RunIdInput)
    .output(RunProgressOutput.nullable())
    .query(({ ctx, input }) => runProgress(ctx.db, input.runId)),

  revokeLink: vendorProcedure
    .input(ItemIdInput)
    .output(VendorItemOutput)
    .mutation(({ ctx, input }) =>
      revokeLink(ctx.db, { itemId: input.itemId, actor: vendorActor(ctx), now: ctx.now() }),
    ),

  reissueLink: vendorProcedure
    .input(ReissueInput)
    .output(VendorItemOutput)
    .mutation(({ ctx, input }) =>
      reissueLink(ctx.db, {
        itemId: input.itemId,
        allowMismatched: input.allowMismatched,
        allowEmailDiffers: input.allowEmailDiffers,
        toRegistryAddress: input.toRegistryAddress,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),
};

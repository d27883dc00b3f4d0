import { z } from "zod";
import {
  ConfirmReceiptInput,
  InstitutionPurchaseStatusOutput,
  RequestIdInput,
} from "../../schemas/institution-orders";
import { OrderViewOutput } from "../../schemas/vendor-portal";
import {
  confirmReceipt,
  myPurchaseStatuses,
  purchaseStatusForRequest,
} from "../../services/institution-orders";
import { institutionActor } from "../../services/survey/actor";
import { institutionProcedure, router } from "../../trpc";

/**
 * The institution's view of buying (⑤ link sent?, ⑥ order, ⑦ shipping), for
 * its home page and its request pages. Only its own requests.
 */
export const institutionOrdersRouter = router({
  forRequest: institutionProcedure
    .input(RequestIdInput)
    .output(InstitutionPurchaseStatusOutput)
    .query(({ ctx, input }) =>
      purchaseStatusForRequest(ctx.db, {
        institutionId: ctx.institutionId,
        requestId: input.requestId,
        now: ctx.now(),
      }),
    ),

  /** 受領確認: the shipped gloves arrived. */
  confirmReceipt: institutionProcedure
    .input(ConfirmReceiptInput)
    .output(OrderViewOutput)
    .mutation(({ ctx, input }) =>
      confirmReceipt(ctx.db, {
        actor: institutionActor(ctx),
        orderId: input.orderId,
        now: ctx.now(),
      }),
    ),

  mine: institutionProcedure
    .output(z.array(InstitutionPurchaseStatusOutput))
    .query(({ ctx }) =>
      myPurchaseStatuses(ctx.db, { institutionId: ctx.institutionId, now: ctx.now() }),
    ),
});

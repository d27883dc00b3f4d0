import {
  MarkShippedInput,
  OrderIdInput,
  OrdersInput,
  OrdersOutput,
  OrderViewOutput,
  PickingTotalsOutput,
  ShipOrdersInput,
  ShipOrdersOutput,
} from "../../schemas/vendor-portal";
import {
  listVendorOrders,
  markDelivered,
  markShipped,
  pickingTotals,
  shipOrders,
  vendorActor,
} from "../../services/vendor-portal";
import { vendorProcedure } from "../../trpc";

/** ⑦ orders, picking and shipping. */
export const orderProcedures = {
  orders: vendorProcedure
    .input(OrdersInput)
    .output(OrdersOutput)
    .query(({ ctx, input }) => listVendorOrders(ctx.db, input)),

  pickingTotals: vendorProcedure
    .output(PickingTotalsOutput)
    .query(({ ctx }) => pickingTotals(ctx.db)),

  markShipped: vendorProcedure
    .input(MarkShippedInput)
    .output(OrderViewOutput)
    .mutation(({ ctx, input }) =>
      markShipped(ctx.db, {
        ...input,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),

  /** 一括出荷: several orders, each with its carrier (from the list) and tracking number. */
  shipOrders: vendorProcedure
    .input(ShipOrdersInput)
    .output(ShipOrdersOutput)
    .mutation(({ ctx, input }) =>
      shipOrders(ctx.db, {
        items: input.items,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),

  markDelivered: vendorProcedure
    .input(OrderIdInput)
    .output(OrderViewOutput)
    .mutation(({ ctx, input }) =>
      markDelivered(ctx.db, { orderId: input.orderId, actor: vendorActor(ctx), now: ctx.now() }),
    ),
};

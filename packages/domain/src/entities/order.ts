import { z } from "#zod";
import { OrderStatus } from "../order-status";
import { PaymentMethod } from "../payment-method";
import { Id, Postcode, Timestamp } from "./common";

/** ⑥ the one purchase a target item allows (fewer sets than the limit is fine; no second order). */
export const Order = z.object({
  id: Id,
  orderNumber: z.string().check(z.minLength(1)),
  targetItemId: Id,
  institutionId: Id,
  purchaseLinkId: Id,
  totalSets: z.number().check(z.int(), z.gte(1)),
  deliveryName: z.string().check(z.minLength(1)),
  deliveryPostcode: Postcode,
  deliveryAddress: z.string().check(z.minLength(1)),
  deliveryPhone: z.string().check(z.minLength(1)),
  paymentMethod: PaymentMethod,
  status: OrderStatus,
  createdAt: Timestamp,
});
export type Order = z.infer<typeof Order>;

/** Sets of one size, e.g. 2 x S + 1 x M for a 3-set order. */
export const OrderLine = z.object({
  orderId: Id,
  productSizeId: Id,
  sets: z.number().check(z.int(), z.gte(1)),
});
export type OrderLine = z.infer<typeof OrderLine>;

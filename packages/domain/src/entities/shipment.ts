import { z } from "#zod";
import { Id, Timestamp } from "./common";

export const Shipment = z.object({
  id: Id,
  orderId: Id,
  carrier: z.string().check(z.minLength(1)),
  trackingNumber: z.string().check(z.minLength(1)),
  shippedAt: Timestamp,
  shippedBy: z.nullable(Id),
  deliveredAt: z.nullable(Timestamp),
});
export type Shipment = z.infer<typeof Shipment>;

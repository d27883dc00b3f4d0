import { z } from "zod";
import { Id, Timestamp } from "./common";

export const Shipment = z.object({
  id: Id,
  orderId: Id,
  carrier: z.string().min(1),
  trackingNumber: z.string().min(1),
  shippedAt: Timestamp,
  shippedBy: Id.nullable(),
  deliveredAt: Timestamp.nullable(),
});
export type Shipment = z.infer<typeof Shipment>;

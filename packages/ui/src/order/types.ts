import type { GloveSize, OrderStatus } from "@sos/domain";

/**
 * What the order components show, shaped like the API's answers (instants as the ISO
 * strings the browser receives, or Dates) so a page passes them through unchanged.
 */

export interface DeliveryDetails {
  name: string;
  /** 7 digits as stored; shown as 〒100-0001. */
  postcode: string;
  address: string;
  /** Digits as stored; shown with hyphens. */
  phone: string;
}

export interface OrderLineView {
  size: GloveSize;
  sizeLabel: string;
  sets: number;
  pieces: number;
}

export interface ShipmentView {
  carrier: string;
  trackingNumber: string;
  shippedAt: string | Date;
  deliveredAt: string | Date | null;
}

export interface OrderView {
  orderNumber: string;
  orderedAt: string | Date;
  status: OrderStatus;
  totalSets: number;
  totalPieces: number;
  lines: readonly OrderLineView[];
  delivery: DeliveryDetails;
  paymentMethodLabel: string;
  shipment: ShipmentView | null;
}

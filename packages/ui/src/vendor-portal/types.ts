import type { GloveSize, OrderStatus, PaymentMethod } from "@sos/domain";

/**
 * What the vendor components show, shaped like the API's answers (instants as the ISO
 * strings the browser receives, or Dates) so a page passes them through unchanged.
 */

export interface PaymentMethodOption {
  value: PaymentMethod;
  label: string;
}

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

export interface PurchaseSizeOption {
  size: GloveSize;
  /** e.g. 「Sサイズ」 */
  label: string;
  stockSets: number;
}

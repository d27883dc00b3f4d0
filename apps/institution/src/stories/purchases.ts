import type { PurchaseStatus } from "../api-types";
import { INSTITUTION } from "./fixtures";

type Order = NonNullable<PurchaseStatus["order"]>;

const DELIVERY = {
  name: INSTITUTION.name,
  postcode: "1920032",
  address: "東京都八王子市石川町2958-1 みどりが丘記念病院 用度課",
  phone: "0426451111",
};

/** Handed to the vendor on Tuesday; the purchase link went out the same day. */
const HANDED_OVER = {
  handedOver: true,
  handedOverAt: "2026-11-24T02:00:00.000Z",
  limitSets: 2,
  limitPieces: 2000,
  registeredWithVendor: true,
};

export function purchaseWaiting(requestId: string, weekStart: string): PurchaseStatus {
  return {
    requestId,
    weekStart,
    handedOver: false,
    handedOverAt: null,
    limitSets: null,
    limitPieces: null,
    registeredWithVendor: false,
    link: { state: "not_sent", label: "購入用URLは未送信です", lastSentAt: null, expiresAt: null },
    order: null,
  };
}

/** Accepted and handed over, but the vendor has no registration to mail the link to. */
export function purchaseNeedsRegistration(requestId: string, weekStart: string): PurchaseStatus {
  return {
    ...purchaseWaiting(requestId, weekStart),
    ...HANDED_OVER,
    registeredWithVendor: false,
  };
}

export function purchaseLinkSent(requestId: string, weekStart: string): PurchaseStatus {
  return {
    ...purchaseWaiting(requestId, weekStart),
    ...HANDED_OVER,
    link: {
      state: "sent",
      label: "購入用URLをメールで送信しました",
      lastSentAt: "2026-11-24T05:30:00.000Z",
      expiresAt: "2026-12-01T14:59:00.000Z",
    },
  };
}

export type OrderStep = "ordered" | "shipped" | "delivered";

export function order(step: OrderStep, overrides: Partial<Order> = {}): Order {
  return {
    id: "c1d2e3f4-0000-4a5b-8c9d-000000000123",
    orderNumber: "SOS-2026-000123",
    orderedAt: "2026-11-24T06:10:00.000Z",
    status: step,
    statusLabel: { ordered: "注文済み", shipped: "出荷済み", delivered: "配達済み" }[step],
    totalSets: 2,
    totalPieces: 2000,
    lines: [
      { size: "M", sizeLabel: "Mサイズ", sets: 1, pieces: 1000 },
      { size: "L", sizeLabel: "Lサイズ", sets: 1, pieces: 1000 },
    ],
    delivery: DELIVERY,
    paymentMethod: "invoice",
    paymentMethodLabel: "請求書払い",
    shipment:
      step === "ordered"
        ? null
        : {
            carrier: "ヤマト運輸",
            trackingNumber: "4455-6677-8899",
            shippedAt: "2026-11-25T01:20:00.000Z",
            deliveredAt: step === "delivered" ? "2026-11-25T07:40:00.000Z" : null,
            receivedAt: null,
          },
    ...overrides,
  };
}

export function purchaseOrdered(
  requestId: string,
  weekStart: string,
  step: OrderStep,
  overrides: Partial<Order> = {},
): PurchaseStatus {
  return {
    ...purchaseLinkSent(requestId, weekStart),
    link: {
      state: "used",
      label: "購入手続きが完了しました",
      lastSentAt: "2026-11-24T05:30:00.000Z",
      expiresAt: "2026-12-01T14:59:00.000Z",
    },
    order: order(step, overrides),
  };
}

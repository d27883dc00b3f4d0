import { ORDER_STATUS_LABELS } from "@sos/domain";
import type { PurchaseStatus } from "../api-types";

/** One line on where buying stands, for places with room for no more (the request card). */
export function purchaseHeadline(status: PurchaseStatus | null): string {
  if (status === null || !status.handedOver) {
    return "購入：販売業者への引き渡しを待っています";
  }
  if (status.order !== null) {
    return `購入：注文番号 ${status.order.orderNumber}（${ORDER_STATUS_LABELS.ja[status.order.status]}）`;
  }
  if (!status.registeredWithVendor && status.link.state === "not_sent") {
    return "購入：販売業者の購入サイトへの施設登録が必要です";
  }
  return `購入：${status.link.label}`;
}

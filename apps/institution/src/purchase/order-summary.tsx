import { formatJaDateTime, formatSets, OrderStatusBadge, SummaryList } from "@sos/ui";
import type { PurchaseStatus } from "../api-types";
import { ReceiptConfirm } from "./receipt-confirm";

type Order = NonNullable<PurchaseStatus["order"]>;

function shippingOf(order: Order): string {
  if (order.status === "cancelled") return "この注文はキャンセルされました。";
  const { shipment } = order;
  if (shipment === null) return "出荷の準備中です。";
  if (shipment.deliveredAt !== null) {
    return `${formatJaDateTime(new Date(shipment.deliveredAt))}に配達されました。`;
  }
  return `${formatJaDateTime(new Date(shipment.shippedAt))}に出荷しました。`;
}

/** The order at a glance: its number, status, sets, and where the parcel is. */
export function OrderSummary({ order }: { order: Order }) {
  const { shipment } = order;
  return (
    <>
      <div className="inst-status-line">
        <OrderStatusBadge status={order.status} />
        <span>注文番号 {order.orderNumber}</span>
      </div>
      <p>{shippingOf(order)}</p>
      <SummaryList
        items={[
          { term: "注文数", detail: formatSets(order.totalSets) },
          ...(shipment === null
            ? []
            : [
                { term: "配送業者", detail: shipment.carrier },
                {
                  term: "お問い合わせ伝票番号",
                  detail: <span className="inst-tracking">{shipment.trackingNumber}</span>,
                },
              ]),
        ]}
      />
      <ReceiptConfirm order={order} />
    </>
  );
}

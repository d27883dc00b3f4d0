import { ORDER_STATUS_LABELS, type OrderStatus } from "@sos/domain";
import { type StatusShape, StatusShapeBadge } from "../data/StatusShapeBadge";
import "./order.css";

export interface OrderStatusBadgeProps {
  status: OrderStatus;
}

const SHAPE_OF: Record<OrderStatus, StatusShape> = {
  ordered: "document",
  shipped: "truck",
  delivered: "done",
  cancelled: "struck",
};

/** 注文済み / 出荷済み / 配達済み / キャンセル, drawn like the request's StatusBadge. */
export function OrderStatusBadge({ status }: OrderStatusBadgeProps) {
  return (
    <StatusShapeBadge
      status={status}
      shape={SHAPE_OF[status]}
      toneClass={`sos-order-status--${status}`}
    >
      {ORDER_STATUS_LABELS.ja[status]}
    </StatusShapeBadge>
  );
}

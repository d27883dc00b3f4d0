import { ORDER_STATUS_LABELS, type OrderStatus } from "@sos/domain";
import "../data/StatusBadge.css";
import "./order.css";

export interface OrderStatusBadgeProps {
  status: OrderStatus;
}

/** Each status has its own shape as well as its colour, so it never rests on colour alone. */
function OrderStatusIcon({ status }: { status: OrderStatus }) {
  return (
    <svg className="sos-status__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === "ordered" && (
        <>
          <rect
            x="2"
            y="2"
            width="12"
            height="12"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path d="M5 6h6v1.6H5zM5 9h4v1.6H5z" fill="currentColor" />
        </>
      )}
      {status === "shipped" && (
        <path
          d="M1 4h9v2h3l2 3v3h-1.6a2 2 0 0 1-3.8 0H6.4a2 2 0 0 1-3.8 0H1zm3.5 7.2a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6zm7 0a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6z"
          fill="currentColor"
        />
      )}
      {status === "delivered" && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="m6.8 11.2-3-3 1.1-1.1 1.9 1.9 4.3-4.3 1.1 1.1z" fill="#fff" />
        </>
      )}
      {status === "cancelled" && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M3.8 3 13 12.2l-1 1L2.8 4z" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

/** 注文済み / 出荷済み / 配達済み / キャンセル, drawn like the request's StatusBadge. */
export function OrderStatusBadge({ status }: OrderStatusBadgeProps) {
  return (
    <span className={`sos-status sos-order-status--${status}`} data-status={status}>
      <OrderStatusIcon status={status} />
      <span>{ORDER_STATUS_LABELS.ja[status]}</span>
    </span>
  );
}

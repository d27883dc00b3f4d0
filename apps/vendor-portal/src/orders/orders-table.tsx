import {
  Button,
  DataTable,
  formatJaDateTime,
  formatNumber,
  formatSets,
  OrderStatusBadge,
  TrackingNumber,
} from "@sos/ui";
import type { VendorOrder, VendorOrderPage } from "../api-types";

export interface OrdersTableProps {
  orders: VendorOrderPage;
  onShip: (order: VendorOrder) => void;
  onDeliver: (order: VendorOrder) => void;
  /** The orders picked for the bulk shipment and the picking list (only 注文済み ones). */
  selected?: ReadonlySet<string> | undefined;
  onToggle?: ((order: VendorOrder) => void) | undefined;
}

/** A page of orders, each with the step it is waiting for (出荷, then 配達). */
export function OrdersTable({ orders, onShip, onDeliver, selected, onToggle }: OrdersTableProps) {
  const selectColumn =
    onToggle === undefined
      ? []
      : [
          {
            key: "select",
            header: "選択",
            cell: (order: VendorOrder) =>
              order.status === "ordered" ? (
                <input
                  type="checkbox"
                  className="vendor-order-checkbox"
                  aria-label={`${order.orderNumber}を選択`}
                  checked={selected?.has(order.id) ?? false}
                  onChange={() => onToggle(order)}
                />
              ) : (
                "—"
              ),
          },
        ];
  return (
    <DataTable<VendorOrder>
      caption={`注文（${formatNumber(orders.total)}件）`}
      rows={orders.items}
      rowKey={(order) => order.id}
      emptyMessage="条件に当てはまる注文はありません。"
      columns={[
        ...selectColumn,
        {
          key: "number",
          header: "注文番号",
          rowHeader: true,
          cell: (order) => (
            <span className="vendor-cell-stack">
              <span>{order.orderNumber}</span>
              <span className="vendor-muted">{formatJaDateTime(new Date(order.orderedAt))}</span>
            </span>
          ),
        },
        {
          key: "institution",
          header: "医療機関",
          cell: (order) => (
            <span className="vendor-cell-stack">
              <span>{order.institution.name}</span>
              <span className="vendor-muted">
                {order.institution.institutionCode}・{order.institution.prefectureName}
              </span>
            </span>
          ),
        },
        {
          key: "lines",
          header: "内容",
          cell: (order) => (
            <span className="vendor-cell-stack">
              {order.lines.map((line) => (
                <span key={line.size}>
                  {line.sizeLabel} {formatNumber(line.sets)}セット
                </span>
              ))}
              <strong>計 {formatSets(order.totalSets)}</strong>
            </span>
          ),
        },
        {
          key: "delivery",
          header: "お届け先・お支払い",
          cell: (order) => (
            <span className="vendor-cell-stack">
              <span>{order.delivery.name}</span>
              <span className="vendor-muted">{order.delivery.address}</span>
              <span className="vendor-muted">{order.paymentMethodLabel}</span>
            </span>
          ),
        },
        {
          key: "status",
          header: "状態",
          cell: (order) => (
            <span className="vendor-cell-stack">
              <OrderStatusBadge status={order.status} />
              {order.shipment && (
                <span className="vendor-muted">
                  {order.shipment.carrier}{" "}
                  <TrackingNumber
                    carrier={order.shipment.carrier}
                    trackingNumber={order.shipment.trackingNumber}
                  />
                </span>
              )}
              {order.shipment?.receivedAt != null && (
                <span>受領確認済み（{formatJaDateTime(new Date(order.shipment.receivedAt))}）</span>
              )}
            </span>
          ),
        },
        {
          key: "actions",
          header: "操作",
          cell: (order) =>
            order.status === "ordered" ? (
              <Button
                variant="secondary"
                aria-label={`${order.orderNumber}を出荷済みにする`}
                onClick={() => onShip(order)}
              >
                出荷済みにする
              </Button>
            ) : order.status === "shipped" ? (
              <Button
                variant="secondary"
                aria-label={`${order.orderNumber}を配達済みにする`}
                onClick={() => onDeliver(order)}
              >
                配達済みにする
              </Button>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}

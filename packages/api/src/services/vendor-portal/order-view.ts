import type { Db } from "@sos/db";
import { linesOfOrders, ordersWithShipment } from "@sos/db/repositories/order";
import { GLOVE_SIZE_LABELS, ORDER_STATUS_LABELS, PAYMENT_METHOD_LABELS } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import type { OrderViewOutput } from "../../schemas/vendor-portal";
import type { OrderFacts } from "./mails";

/** An order as every side shows it: the storefront, the institution's app and the back office. */
export type OrderView = OrderViewOutput;

/** The orders with these ids, keyed by id (missing ids are simply absent). */
export async function loadOrderViews(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, OrderView>> {
  const views = new Map<string, OrderView>();
  if (orderIds.length === 0) return views;
  const [orders, lines] = await Promise.all([
    ordersWithShipment(db, orderIds),
    linesOfOrders(db, orderIds),
  ]);
  for (const order of orders) {
    views.set(order.id, {
      id: order.id,
      orderNumber: order.orderNumber,
      orderedAt: order.createdAt,
      status: order.status,
      statusLabel: ORDER_STATUS_LABELS.ja[order.status],
      totalSets: order.totalSets,
      totalPieces: order.totalSets * PIECES_PER_SET,
      lines: lines
        .filter((line) => line.orderId === order.id)
        .map((line) => ({
          size: line.size,
          sizeLabel: GLOVE_SIZE_LABELS.ja[line.size],
          sets: line.sets,
          pieces: line.sets * PIECES_PER_SET,
        })),
      delivery: {
        name: order.deliveryName,
        postcode: order.deliveryPostcode,
        address: order.deliveryAddress,
        phone: order.deliveryPhone,
      },
      paymentMethod: order.paymentMethod,
      paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[order.paymentMethod],
      shipment:
        order.carrier === null || order.trackingNumber === null || order.shippedAt === null
          ? null
          : {
              carrier: order.carrier,
              trackingNumber: order.trackingNumber,
              shippedAt: order.shippedAt,
              deliveredAt: order.deliveredAt,
              receivedAt: order.receivedAt,
            },
    });
  }
  return views;
}

export async function loadOrderView(db: Db, orderId: string): Promise<OrderView | null> {
  return (await loadOrderViews(db, [orderId])).get(orderId) ?? null;
}

/** What the order and shipping mails say about an order. */
export function orderFacts(view: OrderView, facilityName: string): OrderFacts {
  return {
    orderNumber: view.orderNumber,
    facilityName,
    orderedAt: view.orderedAt,
    lines: view.lines.map((line) => ({ size: line.size, sets: line.sets })),
    totalSets: view.totalSets,
    delivery: view.delivery,
    paymentMethod: view.paymentMethod,
  };
}

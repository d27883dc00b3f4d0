import { type Insertable, sql } from "kysely";
import type { Db } from "../connect";
import type { OrderLinesTable, OrdersTable } from "../schema";

/** ⑥ orders (orders, order_lines) and ⑦ their shipments (shipments). */

/** The order of a target-list item, if it was bought (target_item_id is unique). */
export async function orderOfTargetItem(db: Db, targetItemId: string) {
  return db
    .selectFrom("orders")
    .select(["id", "orderNumber", "purchaseLinkId"])
    .where("targetItemId", "=", targetItemId)
    .executeTakeFirst();
}

/** The next running order number (never reset, so never reused). */
export async function nextOrderSequence(trx: Db): Promise<number> {
  const sequence = await sql<{ n: string }>`select nextval('order_number_seq') as n`.execute(trx);
  return Number(sequence.rows[0]?.n);
}

export async function insertOrder(trx: Db, order: Insertable<OrdersTable>): Promise<string> {
  const row = await trx.insertInto("orders").values(order).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOrderLines(
  trx: Db,
  lines: readonly Insertable<OrderLinesTable>[],
): Promise<void> {
  await trx.insertInto("orderLines").values(lines).execute();
}

/** The orders with these ids and their shipment, if any. */
export async function ordersWithShipment(db: Db, orderIds: readonly string[]) {
  return db
    .selectFrom("orders as o")
    .leftJoin("shipments as s", "s.orderId", "o.id")
    .select([
      "o.id",
      "o.orderNumber",
      "o.createdAt",
      "o.status",
      "o.totalSets",
      "o.deliveryName",
      "o.deliveryPostcode",
      "o.deliveryAddress",
      "o.deliveryPhone",
      "o.paymentMethod",
      "s.carrier",
      "s.trackingNumber",
      "s.shippedAt",
      "s.deliveredAt",
    ])
    .where("o.id", "in", [...orderIds])
    .execute();
}

/** The lines of these orders, each order's in the vendor's size order. */
export async function linesOfOrders(db: Db, orderIds: readonly string[]) {
  return db
    .selectFrom("orderLines as ol")
    .innerJoin("productSizes as ps", "ps.id", "ol.productSizeId")
    .select(["ol.orderId", "ps.size", "ol.sets"])
    .where("ol.orderId", "in", [...orderIds])
    .orderBy("ps.sortOrder")
    .orderBy("ps.size")
    .execute();
}

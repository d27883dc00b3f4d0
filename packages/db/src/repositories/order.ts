import { type Insertable, sql } from "kysely";
import type { Db } from "../connect";
import type { GloveSizeColumn, OrderLinesTable, OrdersTable, ShipmentsTable } from "../schema";
import { registrationVouched } from "./registration";

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
  const row = await trx
    .insertInto("orders")
    .values(order)
    .returning("id")
    .executeTakeFirstOrThrow();
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
      "s.receivedAt",
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

export interface VendorOrderFilter {
  status: "ordered" | "shipped" | "delivered" | "cancelled" | null;
  prefectureCode: number | null;
  /** Order number, or part of the name, or the start of the code. */
  search: string | null;
}

function vendorOrderBase(db: Db, filter: VendorOrderFilter) {
  let base = db
    .selectFrom("orders as o")
    .innerJoin("targetItems as t", "t.id", "o.targetItemId")
    .innerJoin("targetBatches as b", "b.id", "t.batchId");
  if (filter.status !== null) base = base.where("o.status", "=", filter.status);
  if (filter.prefectureCode !== null)
    base = base.where("t.prefectureCode", "=", filter.prefectureCode);
  if (filter.search !== null) {
    const text = filter.search;
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = text.replace(/[\s-]/g, "");
    base = base.where((eb) =>
      eb.or([
        eb("o.orderNumber", "ilike", like),
        eb("t.name", "ilike", like),
        ...(/^[0-9]+$/.test(digits) ? [eb("t.institutionCode", "like", `${digits}%`)] : []),
      ]),
    );
  }
  return base;
}

/** A page of the orders the filter matches, oldest first, with the total count. */
export async function findVendorOrders(
  db: Db,
  filter: VendorOrderFilter,
  { limit, offset }: { limit: number; offset: number },
) {
  const base = vendorOrderBase(db, filter);
  const [rows, count] = await Promise.all([
    base
      .select([
        "o.id",
        "o.notifyEmail",
        "t.id as targetItemId",
        "t.name",
        "t.institutionCode",
        "t.prefectureCode",
        "b.number as batchNumber",
      ])
      .orderBy("o.createdAt")
      .orderBy("o.orderNumber")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** Sets and orders not shipped yet, per prefecture and size. */
export async function unshippedBySize(db: Db) {
  const result = await sql<{
    prefectureCode: number;
    size: GloveSizeColumn;
    sortOrder: number;
    sets: number;
    orders: number;
  }>`
    select t.prefecture_code, ps.size, min(ps.sort_order)::int as sort_order,
      sum(ol.sets)::int as sets, count(distinct o.id)::int as orders
    from orders o
    join target_items t on t.id = o.target_item_id
    join order_lines ol on ol.order_id = o.id
    join product_sizes ps on ps.id = ol.product_size_id
    where o.status = 'ordered'
    group by t.prefecture_code, ps.size
    order by t.prefecture_code, sort_order, ps.size`.execute(db);
  return result.rows;
}

/** Orders and sets not shipped yet, per prefecture. */
export async function unshippedByPrefecture(db: Db) {
  const result = await sql<{ prefectureCode: number; orders: number; sets: number }>`
    select t.prefecture_code, count(*)::int as orders, sum(o.total_sets)::int as sets
    from orders o join target_items t on t.id = o.target_item_id
    where o.status = 'ordered'
    group by t.prefecture_code
    order by t.prefecture_code`.execute(db);
  return result.rows;
}

/** The order with where its mails go, locked until the transaction ends. */
export async function lockOrder(trx: Db, orderId: string) {
  return trx
    .selectFrom("orders as o")
    .innerJoin("targetItems as t", "t.id", "o.targetItemId")
    .leftJoin("vendorRegistrations as r", "r.institutionCode", "t.institutionCode")
    .select([
      "o.id",
      "o.status",
      "o.notifyEmail",
      "t.name",
      "t.email as targetEmail",
      "r.facilityName",
      "r.email as registrationEmail",
    ])
    .where("o.id", "=", orderId)
    .forUpdate("o")
    .executeTakeFirst();
}

export async function setOrderStatus(
  trx: Db,
  orderId: string,
  status: "shipped" | "delivered",
): Promise<void> {
  await trx.updateTable("orders").set({ status }).where("id", "=", orderId).execute();
}

export async function insertShipment(trx: Db, shipment: Insertable<ShipmentsTable>): Promise<void> {
  await trx.insertInto("shipments").values(shipment).execute();
}

export async function shippedAtOf(trx: Db, orderId: string): Promise<Date> {
  const shipment = await trx
    .selectFrom("shipments")
    .select("shippedAt")
    .where("orderId", "=", orderId)
    .executeTakeFirstOrThrow();
  return shipment.shippedAt;
}

export async function recordDelivery(
  trx: Db,
  orderId: string,
  { deliveredAt, deliveredBy }: { deliveredAt: Date; deliveredBy: string },
): Promise<void> {
  await trx
    .updateTable("shipments")
    .set({ deliveredAt, deliveredBy })
    .where("orderId", "=", orderId)
    .execute();
}

/** The institution's order, row-locked, with its shipment's times (受領確認). */
export async function lockOwnOrder(trx: Db, institutionId: string, orderId: string) {
  return trx
    .selectFrom("orders as o")
    .leftJoin("shipments as s", "s.orderId", "o.id")
    .select(["o.id", "o.orderNumber", "o.status", "s.shippedAt", "s.receivedAt"])
    .where("o.id", "=", orderId)
    .where("o.institutionId", "=", institutionId)
    .forUpdate("o")
    .executeTakeFirst();
}

/** 受領確認: the institution says the parcel arrived. */
export async function recordReceipt(
  trx: Db,
  orderId: string,
  { receivedAt, receivedBy }: { receivedAt: Date; receivedBy: string },
): Promise<void> {
  await trx
    .updateTable("shipments")
    .set({ receivedAt, receivedBy })
    .where("orderId", "=", orderId)
    .execute();
}

/** A request of the institution with its list item, link, last send and order, if any. */
export interface PurchaseStatusRow {
  requestId: string;
  weekStart: string;
  targetItemId: string | null;
  handedOverAt: Date | null;
  limitSets: number | null;
  registered: boolean;
  linkExpiresAt: Date | null;
  linkRevokedAt: Date | null;
  hasLink: boolean;
  lastSentAt: Date | null;
  orderId: string | null;
}

export async function purchaseStatusRows(db: Db, institutionId: string, requestId: string | null) {
  const result = await sql<PurchaseStatusRow>`
    select sr.id as request_id, sr.week_start, t.id as target_item_id, b.issued_at as handed_over_at,
      t.limit_sets,
      -- Someone else's unconfirmed registration of the code is not the institution's.
      exists (
        select 1 from vendor_registrations r
        where r.institution_code = i.code and ${registrationVouched}
      ) as registered,
      l.id is not null as has_link, l.expires_at as link_expires_at, l.revoked_at as link_revoked_at,
      (select max(ps.at) from purchase_link_sends ps join purchase_links pl on pl.id = ps.purchase_link_id
        where pl.target_item_id = t.id) as last_sent_at,
      o.id as order_id
    from sos_requests sr
    join institutions i on i.id = sr.institution_id
    left join target_items t on t.request_id = sr.id
    left join target_batches b on b.id = t.batch_id
    left join lateral (
      select pl.id, pl.expires_at, pl.revoked_at from purchase_links pl
      where pl.target_item_id = t.id
      order by (pl.revoked_at is null) desc, pl.created_at desc limit 1
    ) l on true
    left join orders o on o.target_item_id = t.id
    where sr.institution_id = ${institutionId}
      ${requestId === null ? sql`and t.id is not null` : sql`and sr.id = ${requestId}`}
    order by b.issued_at desc nulls last, sr.week_start desc`.execute(db);
  return result.rows;
}

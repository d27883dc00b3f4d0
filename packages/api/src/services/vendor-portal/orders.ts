import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { GLOVE_SIZE_LABELS, type GloveSize, type OrderStatus, prefectureName } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { sql } from "kysely";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type {
  OrdersOutput,
  PickingTotalsOutput,
  VendorOrderOutput,
} from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { orderShippedMail } from "./mails";
import { loadOrderView, loadOrderViews, type OrderView, orderFacts } from "./order-view";

/**
 * ⑦ the back office's orders: the list, the picking totals, and the shipping
 * steps (ordered → shipped → delivered). The institution's identity comes from
 * the list it was handed over on (target_items), like everything the vendor sees.
 */

export type VendorOrderView = VendorOrderOutput;

export interface VendorOrderQuery {
  status: OrderStatus | null;
  prefectureCode: number | null;
  /** Order number, or part of the name, or the start of the code. */
  search: string | null;
  page: number;
  pageSize: number;
}

export type VendorOrderPage = OrdersOutput;

function orderBase(db: Db, query: VendorOrderQuery) {
  let base = db
    .selectFrom("orders as o")
    .innerJoin("targetItems as t", "t.id", "o.targetItemId")
    .innerJoin("targetBatches as b", "b.id", "t.batchId");
  if (query.status !== null) base = base.where("o.status", "=", query.status);
  if (query.prefectureCode !== null)
    base = base.where("t.prefectureCode", "=", query.prefectureCode);
  if (query.search !== null) {
    const text = query.search;
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

/** Oldest first: the order that has waited longest is picked first. */
export async function listVendorOrders(db: Db, query: VendorOrderQuery): Promise<VendorOrderPage> {
  const base = orderBase(db, query);
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
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  const views = await loadOrderViews(
    db,
    rows.map((row) => row.id),
  );
  const items = rows.flatMap((row) => {
    const view = views.get(row.id);
    if (view === undefined) return [];
    return [
      {
        ...view,
        institution: {
          targetItemId: row.targetItemId,
          name: row.name,
          institutionCode: row.institutionCode,
          prefectureCode: row.prefectureCode,
          prefectureName: prefectureName(row.prefectureCode) ?? "",
          batchNumber: row.batchNumber,
        },
        notifyEmail: row.notifyEmail,
      },
    ];
  });
  return { items, total: count.total, page: query.page, pageSize: query.pageSize };
}

export type PickingTotals = PickingTotalsOutput;

function sizeTotal(size: GloveSize, sets: number): PickingTotals["bySize"][number] {
  return { size, label: GLOVE_SIZE_LABELS.ja[size], sets, pieces: sets * PIECES_PER_SET };
}

/** 出荷準備: what the unshipped orders need, per size and per prefecture (JIS order). */
export async function pickingTotals(db: Db): Promise<PickingTotals> {
  const rows = await sql<{
    prefectureCode: number;
    size: GloveSize;
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
  const ordersByPrefecture = await sql<{ prefectureCode: number; orders: number; sets: number }>`
    select t.prefecture_code, count(*)::int as orders, sum(o.total_sets)::int as sets
    from orders o join target_items t on t.id = o.target_item_id
    where o.status = 'ordered'
    group by t.prefecture_code
    order by t.prefecture_code`.execute(db);

  const sizeOrder = new Map<GloveSize, number>();
  const overall = new Map<GloveSize, number>();
  for (const row of rows.rows) {
    sizeOrder.set(row.size, Math.min(sizeOrder.get(row.size) ?? row.sortOrder, row.sortOrder));
    overall.set(row.size, (overall.get(row.size) ?? 0) + row.sets);
  }
  const bySize = [...overall.entries()]
    .sort(([a], [b]) => (sizeOrder.get(a) ?? 0) - (sizeOrder.get(b) ?? 0) || a.localeCompare(b))
    .map(([size, sets]) => sizeTotal(size, sets));
  const byPrefecture = ordersByPrefecture.rows.map((p) => ({
    prefectureCode: p.prefectureCode,
    prefectureName: prefectureName(p.prefectureCode) ?? "",
    orders: p.orders,
    sets: p.sets,
    pieces: p.sets * PIECES_PER_SET,
    bySize: rows.rows
      .filter((row) => row.prefectureCode === p.prefectureCode)
      .map((row) => sizeTotal(row.size, row.sets)),
  }));
  const sets = byPrefecture.reduce((sum, p) => sum + p.sets, 0);
  return {
    orders: byPrefecture.reduce((sum, p) => sum + p.orders, 0),
    sets,
    pieces: sets * PIECES_PER_SET,
    bySize,
    byPrefecture,
  };
}

async function lockOrder(trx: Db, orderId: string) {
  const order = await trx
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
  if (order === undefined) throw new DomainError("NOT_FOUND");
  return order;
}

const STATUS_REFUSALS: Readonly<Record<"ship" | "deliver", Partial<Record<OrderStatus, string>>>> =
  {
    ship: {
      shipped: "この注文は既に出荷済みです。",
      delivered: "この注文は既に配達済みです。",
      cancelled: "キャンセルされた注文は出荷できません。",
    },
    deliver: {
      ordered: "出荷済みにしてから配達済みにしてください。",
      delivered: "この注文は既に配達済みです。",
      cancelled: "キャンセルされた注文は配達済みにできません。",
    },
  };

/** 出荷: records the shipment and tells the institution (carrier, tracking number). */
export async function markShipped(
  db: Db,
  {
    orderId,
    carrier,
    trackingNumber,
    actor,
    now,
    config,
  }: {
    orderId: string;
    carrier: string;
    trackingNumber: string;
    actor: VendorActor;
    now: Date;
    config: ApiConfig;
  },
): Promise<OrderView> {
  await db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    const refusal = STATUS_REFUSALS.ship[order.status];
    if (refusal !== undefined) throw new DomainError("INVALID_STATE", { messageJa: refusal });
    await trx
      .insertInto("shipments")
      .values({ orderId, carrier, trackingNumber, shippedAt: now, shippedBy: actor.userId })
      .execute();
    await trx.updateTable("orders").set({ status: "shipped" }).where("id", "=", orderId).execute();
    const view = await loadOrderView(trx, orderId);
    if (view === null) throw new DomainError("NOT_FOUND");
    const mail = orderShippedMail(orderFacts(view, order.facilityName ?? order.name), {
      carrier,
      trackingNumber,
      shippedAt: now,
    });
    await enqueueMail(trx, {
      kind: "order_shipped",
      to: order.notifyEmail ?? order.registrationEmail ?? order.targetEmail,
      from: config.vendorMailFrom,
      subject: mail.subject,
      text: mail.text,
    });
    await appendAudit(trx, {
      action: "order.ship",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "order",
      targetId: orderId,
      ip: actor.ip,
      details: { orderNumber: view.orderNumber, carrier, trackingNumber },
    });
  });
  const view = await loadOrderView(db, orderId);
  if (view === null) throw new DomainError("NOT_FOUND");
  return view;
}

/** 配達完了: the carrier reported delivery. */
export async function markDelivered(
  db: Db,
  { orderId, actor, now }: { orderId: string; actor: VendorActor; now: Date },
): Promise<OrderView> {
  await db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    const refusal = STATUS_REFUSALS.deliver[order.status];
    if (refusal !== undefined) throw new DomainError("INVALID_STATE", { messageJa: refusal });
    const shipment = await trx
      .selectFrom("shipments")
      .select("shippedAt")
      .where("orderId", "=", orderId)
      .executeTakeFirstOrThrow();
    // Delivery cannot precede shipping (a check constraint says so too).
    const deliveredAt = now.getTime() < shipment.shippedAt.getTime() ? shipment.shippedAt : now;
    await trx
      .updateTable("shipments")
      .set({ deliveredAt, deliveredBy: actor.userId })
      .where("orderId", "=", orderId)
      .execute();
    await trx
      .updateTable("orders")
      .set({ status: "delivered" })
      .where("id", "=", orderId)
      .execute();
    await appendAudit(trx, {
      action: "order.deliver",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "order",
      targetId: orderId,
      ip: actor.ip,
    });
  });
  const view = await loadOrderView(db, orderId);
  if (view === null) throw new DomainError("NOT_FOUND");
  return view;
}

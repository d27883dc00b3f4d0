import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  findVendorOrders,
  insertShipment,
  lockOrder,
  recordDelivery,
  setOrderStatus,
  shippedAtOf,
  unshippedByPrefecture,
  unshippedBySize,
} from "@sos/db/repositories/order";
import { GLOVE_SIZE_LABELS, type GloveSize, type OrderStatus, prefectureName } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
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

/** Oldest first: the order that has waited longest is picked first. */
export async function listVendorOrders(db: Db, query: VendorOrderQuery): Promise<VendorOrderPage> {
  const { rows, total } = await findVendorOrders(db, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });

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
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export type PickingTotals = PickingTotalsOutput;

function sizeTotal(size: GloveSize, sets: number): PickingTotals["bySize"][number] {
  return { size, label: GLOVE_SIZE_LABELS.ja[size], sets, pieces: sets * PIECES_PER_SET };
}

/** 出荷準備: what the unshipped orders need, per size and per prefecture (JIS order). */
export async function pickingTotals(db: Db): Promise<PickingTotals> {
  const rows = await unshippedBySize(db);
  const ordersByPrefecture = await unshippedByPrefecture(db);

  const sizeOrder = new Map<GloveSize, number>();
  const overall = new Map<GloveSize, number>();
  for (const row of rows) {
    sizeOrder.set(row.size, Math.min(sizeOrder.get(row.size) ?? row.sortOrder, row.sortOrder));
    overall.set(row.size, (overall.get(row.size) ?? 0) + row.sets);
  }
  const bySize = [...overall.entries()]
    .sort(([a], [b]) => (sizeOrder.get(a) ?? 0) - (sizeOrder.get(b) ?? 0) || a.localeCompare(b))
    .map(([size, sets]) => sizeTotal(size, sets));
  const byPrefecture = ordersByPrefecture.map((p) => ({
    prefectureCode: p.prefectureCode,
    prefectureName: prefectureName(p.prefectureCode) ?? "",
    orders: p.orders,
    sets: p.sets,
    pieces: p.sets * PIECES_PER_SET,
    bySize: rows
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

async function lockedOrder(trx: Db, orderId: string) {
  const order = await lockOrder(trx, orderId);
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
    const order = await lockedOrder(trx, orderId);
    const refusal = STATUS_REFUSALS.ship[order.status];
    if (refusal !== undefined) throw new DomainError("INVALID_STATE", { messageJa: refusal });
    await insertShipment(trx, {
      orderId,
      carrier,
      trackingNumber,
      shippedAt: now,
      shippedBy: actor.userId,
    });
    await setOrderStatus(trx, orderId, "shipped");
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
    const order = await lockedOrder(trx, orderId);
    const refusal = STATUS_REFUSALS.deliver[order.status];
    if (refusal !== undefined) throw new DomainError("INVALID_STATE", { messageJa: refusal });
    const shippedAt = await shippedAtOf(trx, orderId);
    // Delivery cannot precede shipping (a check constraint says so too).
    const deliveredAt = now.getTime() < shippedAt.getTime() ? shippedAt : now;
    await recordDelivery(trx, orderId, { deliveredAt, deliveredBy: actor.userId });
    await setOrderStatus(trx, orderId, "delivered");
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

import { appendAudit, type Db } from "@sos/db";
import { lockOwnOrder, recordReceipt } from "@sos/db/repositories/order";
import { DomainError } from "../../errors";
import { actorRole, delegationDetails, type InstitutionActor } from "../survey/actor";
import { loadOrderView, type OrderView } from "../vendor-portal/order-view";

export const RECEIPT_REFUSALS = {
  ordered: "出荷前の注文は受領確認できません。出荷のお知らせが届いてから確認してください。",
  cancelled: "キャンセルされた注文は受領確認できません。",
  received: "この注文は既に受領確認済みです。",
} as const;

/**
 * 受領確認: the institution (or its delegate) confirms the shipped gloves arrived.
 * Only its own order (another's is NOT_FOUND, audited as out of scope), only once
 * the order has shipped, and once; the vendor and the review console then show it.
 */
export async function confirmReceipt(
  db: Db,
  { actor, orderId, now }: { actor: InstitutionActor; orderId: string; now: Date },
): Promise<OrderView> {
  await db.transaction().execute(async (trx) => {
    const order = await lockOwnOrder(trx, actor.institutionId, orderId);
    if (order === undefined) throw new DomainError("NOT_FOUND");
    if (order.status === "ordered" || order.status === "cancelled") {
      throw new DomainError("INVALID_STATE", { messageJa: RECEIPT_REFUSALS[order.status] });
    }
    if (order.shippedAt === null) throw new DomainError("INVALID_STATE");
    if (order.receivedAt !== null) {
      throw new DomainError("INVALID_STATE", { messageJa: RECEIPT_REFUSALS.received });
    }
    // Never before the parcel left (a check constraint says so too): a clock behind the
    // vendor's records the shipping time.
    const receivedAt = now.getTime() < order.shippedAt.getTime() ? order.shippedAt : now;
    await recordReceipt(trx, orderId, { receivedAt, receivedBy: actor.userId });
    await appendAudit(trx, {
      action: "order.receive",
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      targetType: "order",
      targetId: orderId,
      ip: actor.ip,
      details: {
        ...delegationDetails(actor),
        orderNumber: order.orderNumber,
        status: order.status,
      },
    });
  });
  const view = await loadOrderView(db, orderId);
  if (view === null) throw new DomainError("NOT_FOUND");
  return view;
}

import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  insertOrder,
  insertOrderLines,
  nextOrderSequence,
  orderOfTargetItem,
} from "@sos/db/repositories/order";
import { saleSizes, stockSetsOf, takeStock } from "@sos/db/repositories/product";
import { GLOVE_SIZE_LABELS, type GloveSize } from "@sos/domain";
import { PURCHASE_ERROR_MESSAGES, tokyoDate, validatePurchase } from "@sos/rules";
import { auditIp } from "../../audit-ip";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { PurchaseInput } from "../../schemas/storefront";
import { orderConfirmedMail, purchaseUrl } from "../vendor-portal/mails";
import { loadOrderView, type OrderView, orderFacts } from "../vendor-portal/order-view";
import { isUniqueViolation } from "../vendor-portal/pg-errors";
import { assertPaymentMethodOffered } from "../vendor-portal/registrations";
import {
  type Allocation,
  allocatedSets,
  lockAllocation,
  takeAllocated,
} from "./allocated-purchase";
import {
  findLink,
  institutionOf,
  isUsable,
  type LinkRow,
  unusableLinkError,
} from "./purchase-link";

/** "SOS-2026-000123": the Tokyo year, then the running number (never reset, so never reused). */
export function formatOrderNumber(sequence: number, now: Date): string {
  return `SOS-${tokyoDate(now).slice(0, 4)}-${String(sequence).padStart(6, "0")}`;
}

function purchaseRefused(messageJa: string): DomainError {
  return new DomainError("INVALID_INPUT", { messageJa, fieldErrors: { lines: [messageJa] } });
}

function alreadyPurchased(orderNumber: string): DomainError {
  return new DomainError("ALREADY_PURCHASED", {
    messageJa: `この購入リンクでは既に購入手続きが完了しています（注文番号 ${orderNumber}）。購入は1回限りです。ご注文の内容はこのページで確認できます。`,
  });
}

/**
 * The one purchase a link allows, in one transaction: the link row is locked
 * first, so simultaneous submissions through one link queue behind each other
 * and all but the first find the order; orders.target_item_id is unique as a
 * last guard. Stock is taken size by size with a conditional update that never
 * goes below zero; a size that runs short aborts the whole order, so nothing
 * is half-written.
 */
export async function purchase(
  db: Db,
  { input, now, ip, config }: { input: PurchaseInput; now: Date; ip: string; config: ApiConfig },
): Promise<OrderView> {
  assertPaymentMethodOffered(config, input.paymentMethod);
  return db
    .transaction()
    .execute(async (trx) => {
      const link = await lockBuyableLink(trx, input.token, now);
      const allocation = await lockAllocation(trx, link.targetItemId);
      const allocated = allocation.length > 0;
      // An allocated institution's limit is its allocation (issue 17).
      const limit = allocated ? { ...link, limitSets: allocatedSets(allocation) } : link;
      const totalSets = checkLimit(limit, input.lines);
      const lines = allocated
        ? await takeAllocatedStock(trx, allocation, input.lines)
        : await takeStockOf(trx, input.lines);
      const placed = await writeOrder(trx, { link, input, totalSets, lines, now });
      return announceOrder(trx, { link, input, placed, ip, config });
    })
    .catch((error: unknown) => explainRace(db, input.token, error));
}

/** The link, locked until the transaction ends, if it may still buy. */
async function lockBuyableLink(trx: Db, token: string, now: Date): Promise<LinkRow> {
  const link = await findLink(trx, token, true);
  if (link === null) throw new DomainError("PURCHASE_LINK_INVALID");
  const existing = await orderOfTargetItem(trx, link.targetItemId);
  if (existing !== undefined) {
    if (existing.purchaseLinkId === link.linkId) throw alreadyPurchased(existing.orderNumber);
    throw new DomainError("PURCHASE_LINK_INVALID");
  }
  if (!isUsable(link, now)) throw unusableLinkError(link);
  return link;
}

/** The total sets, within the institution's 購入上限数. */
function checkLimit(link: LinkRow, lines: PurchaseInput["lines"]): number {
  const checked = validatePurchase({ limitSets: link.limitSets, lines });
  if (!checked.ok) {
    const message =
      checked.error === "over_limit"
        ? `購入上限数（${link.limitSets.toLocaleString("ja-JP")}セット）を超えています。合計セット数を上限以内にしてください。`
        : PURCHASE_ERROR_MESSAGES[checked.error];
    throw purchaseRefused(message);
  }
  return checked.value.totalSets;
}

interface TakenLine {
  size: GloveSize;
  sets: number;
  sizeId: string;
  sortOrder: number;
}

/** Takes each size's sets from its stock, or refuses the whole order on the first that runs short. */
async function takeStockOf(trx: Db, requested: PurchaseInput["lines"]): Promise<TakenLine[]> {
  const sizes = await saleSizes(trx);
  const wanted = requested.filter((line) => line.sets > 0);
  const lines = wanted.map((line) => {
    const size = sizes.find((s) => s.size === line.size);
    if (size === undefined) {
      throw purchaseRefused(`${GLOVE_SIZE_LABELS.ja[line.size]}は現在取り扱っていません。`);
    }
    return { ...line, sizeId: size.id, sortOrder: size.sortOrder };
  });
  // One order of taking sizes for every purchase, so two orders never wait on each other crosswise.
  lines.sort((a, b) => a.sortOrder - b.sortOrder || a.size.localeCompare(b.size));
  for (const line of lines) {
    if (!(await takeStock(trx, line.sizeId, line.sets))) {
      throw outOfStock(await stockSetsOf(trx, line.sizeId), line.size, requested);
    }
  }
  return lines;
}

/** The allocated sizes, taken from the reservation, in the vendor's size order. */
async function takeAllocatedStock(
  trx: Db,
  allocation: Allocation,
  requested: PurchaseInput["lines"],
): Promise<TakenLine[]> {
  const sizes = await saleSizes(trx);
  const taken = await takeAllocated(trx, allocation, requested);
  return taken
    .map((line) => ({
      ...line,
      sortOrder: sizes.find((s) => s.id === line.sizeId)?.sortOrder ?? 0,
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.size.localeCompare(b.size));
}

function outOfStock(left: number, size: GloveSize, requested: PurchaseInput["lines"]) {
  return new DomainError("OUT_OF_STOCK", {
    messageJa: `${GLOVE_SIZE_LABELS.ja[size]}の在庫が不足しています（残り ${left.toLocaleString("ja-JP")} セット）。セット数を減らすか、別のサイズをお選びください。`,
    fieldErrors: {
      [`lines.${requested.findIndex((l) => l.size === size)}.sets`]: [
        `残り ${left.toLocaleString("ja-JP")} セットです`,
      ],
    },
  });
}

interface PlacedOrder {
  orderId: string;
  orderNumber: string;
  notifyEmail: string;
}

async function writeOrder(
  trx: Db,
  {
    link,
    input,
    totalSets,
    lines,
    now,
  }: { link: LinkRow; input: PurchaseInput; totalSets: number; lines: TakenLine[]; now: Date },
): Promise<PlacedOrder> {
  const orderNumber = formatOrderNumber(await nextOrderSequence(trx), now);
  const notifyEmail = link.registrationEmail ?? link.targetEmail;
  const orderId = await insertOrder(trx, {
    orderNumber,
    targetItemId: link.targetItemId,
    institutionId: link.institutionId,
    purchaseLinkId: link.linkId,
    totalSets,
    deliveryName: input.delivery.name,
    deliveryPostcode: input.delivery.postcode,
    deliveryAddress: input.delivery.address,
    deliveryPhone: input.delivery.phone,
    paymentMethod: input.paymentMethod,
    notifyEmail,
    createdAt: now,
  });
  await insertOrderLines(
    trx,
    lines.map((line) => ({ orderId, productSizeId: line.sizeId, sets: line.sets })),
  );
  return { orderId, orderNumber, notifyEmail };
}

/** The confirmation mail (outbox) and the audit entry, in the order's transaction. */
async function announceOrder(
  trx: Db,
  {
    link,
    input,
    placed,
    ip,
    config,
  }: { link: LinkRow; input: PurchaseInput; placed: PlacedOrder; ip: string; config: ApiConfig },
): Promise<OrderView> {
  const view = await loadOrderView(trx, placed.orderId);
  if (view === null) throw new Error("the order just written is missing");
  const mail = orderConfirmedMail(
    orderFacts(view, institutionOf(link).name),
    purchaseUrl(config.publicBaseUrl, input.token),
  );
  await enqueueMail(trx, {
    kind: "order_confirmed",
    to: placed.notifyEmail,
    from: config.vendorMailFrom,
    subject: mail.subject,
    text: mail.text,
    // The purchase page's URL: the order stays readable through it for good.
    secret: true,
  });
  await appendAudit(trx, {
    action: "order.place",
    targetType: "order",
    targetId: placed.orderId,
    ip: auditIp(ip),
    details: {
      via: "purchase_link",
      linkId: link.linkId,
      targetItemId: link.targetItemId,
      orderNumber: placed.orderNumber,
      totalSets: view.totalSets,
      lines: view.lines.map((line) => ({ size: line.size, sets: line.sets })),
    },
  });
  return view;
}

/** Only reachable if the link lock were bypassed; the unique index still holds. */
async function explainRace(db: Db, token: string, error: unknown): Promise<never> {
  if (isUniqueViolation(error, "orders_target_item_id_key")) {
    const link = await findLink(db, token, false);
    const order = link === null ? undefined : await orderOfTargetItem(db, link.targetItemId);
    throw order === undefined ? new DomainError("CONFLICT") : alreadyPurchased(order.orderNumber);
  }
  throw error;
}

import { hashToken } from "@sos/auth";
import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  formatNumber,
  GLOVE_SIZE_LABELS,
  type GloveSize,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
} from "@sos/domain";
import { PIECES_PER_SET, PURCHASE_ERROR_MESSAGES, tokyoDate, validatePurchase } from "@sos/rules";
import { sql } from "kysely";
import { auditIp } from "../../audit-ip";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import { EMAILED_TOKEN_FORMAT } from "../vendor-portal/emailed-token";
import { orderConfirmedMail, purchaseUrl } from "../vendor-portal/mails";
import { registrationVouched } from "../vendor-portal/matching";
import { loadOrderView, type OrderView, orderFacts } from "../vendor-portal/order-view";
import { isUniqueViolation } from "../vendor-portal/pg-errors";
import { assertPaymentMethodOffered } from "../vendor-portal/registrations";
import { paymentMethodsOf } from "../vendor-portal/settings";

/**
 * ⑥ the purchase page an institution reaches through its emailed link. The
 * token is the whole credential: whoever holds it acts for that institution,
 * once. An unknown, revoked or expired token gets one and the same answer, so
 * the page says nothing about which tokens exist.
 */

interface LinkRow {
  linkId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  targetItemId: string;
  institutionId: string;
  institutionCode: string;
  name: string;
  postcode: string;
  address: string;
  phone: string;
  limitSets: number;
  registrationName: string | null;
  registrationPostcode: string | null;
  registrationAddress: string | null;
  registrationPhone: string | null;
  registrationEmail: string | null;
  registrationPaymentMethod: PaymentMethod | null;
  targetEmail: string;
}

async function findLink(db: Db, token: string, lock: boolean): Promise<LinkRow | null> {
  if (!EMAILED_TOKEN_FORMAT.test(token)) return null;
  const result = await sql<LinkRow>`
    select pl.id as link_id, pl.expires_at, pl.revoked_at, t.id as target_item_id,
      t.institution_id, t.institution_code, t.name, t.postcode, t.address, t.phone, t.limit_sets,
      t.email as target_email,
      r.facility_name as registration_name, r.postcode as registration_postcode,
      r.address as registration_address, r.phone as registration_phone,
      r.email as registration_email, r.payment_method as registration_payment_method
    from purchase_links pl
    join target_items t on t.id = pl.target_item_id
    -- Only a registration the institution confirmed (or the vendor's customer file) may
    -- prefill the delivery or receive the order mails; else the ministry's data serve.
    left join vendor_registrations r on r.institution_code = t.institution_code
      and ${registrationVouched}
    where pl.token_hash = ${hashToken(token)}
    ${lock ? sql`for update of pl` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

function isUsable(link: LinkRow, now: Date): boolean {
  return link.revokedAt === null && link.expiresAt.getTime() > now.getTime();
}

async function orderOfItem(db: Db, targetItemId: string) {
  return db
    .selectFrom("orders")
    .select(["id", "orderNumber", "purchaseLinkId"])
    .where("targetItemId", "=", targetItemId)
    .executeTakeFirst();
}

export interface PurchaseInstitution {
  name: string;
  institutionCode: string;
}

export interface PurchaseSizeOption {
  size: GloveSize;
  label: string;
  stockSets: number;
}

export type PurchasePage =
  | {
      kind: "form";
      institution: PurchaseInstitution;
      limitSets: number;
      limitPieces: number;
      piecesPerSet: number;
      expiresAt: Date;
      product: { name: string; sizes: PurchaseSizeOption[] } | null;
      delivery: { name: string; postcode: string; address: string; phone: string };
      paymentMethods: { value: PaymentMethod; label: string }[];
      defaultPaymentMethod: PaymentMethod;
    }
  | { kind: "ordered"; institution: PurchaseInstitution; order: OrderView };

function institutionOf(link: LinkRow): PurchaseInstitution {
  return { name: link.registrationName ?? link.name, institutionCode: link.institutionCode };
}

async function saleSizes(db: Db) {
  return db
    .selectFrom("productSizes as ps")
    .innerJoin("products as p", "p.id", "ps.productId")
    .select(["ps.id", "ps.size", "ps.stockSets", "ps.sortOrder", "p.name as productName"])
    .where("p.active", "=", true)
    .orderBy("ps.sortOrder")
    .orderBy("ps.size")
    .execute();
}

export async function purchasePage(
  db: Db,
  { token, now, config }: { token: string; now: Date; config: ApiConfig },
): Promise<PurchasePage> {
  const link = await findLink(db, token, false);
  if (link === null) throw new DomainError("PURCHASE_LINK_INVALID");
  const order = await orderOfItem(db, link.targetItemId);
  // The link that bought shows its order for good (also after its expiry); any
  // other link of a bought item is dead.
  if (order !== undefined) {
    const view = order.purchaseLinkId === link.linkId ? await loadOrderView(db, order.id) : null;
    if (view === null) throw new DomainError("PURCHASE_LINK_INVALID");
    return { kind: "ordered", institution: institutionOf(link), order: view };
  }
  if (!isUsable(link, now)) throw new DomainError("PURCHASE_LINK_INVALID");

  const sizes = await saleSizes(db);
  const methods = paymentMethodsOf(config);
  const registered = link.registrationPaymentMethod;
  return {
    kind: "form",
    institution: institutionOf(link),
    limitSets: link.limitSets,
    limitPieces: link.limitSets * PIECES_PER_SET,
    piecesPerSet: PIECES_PER_SET,
    expiresAt: link.expiresAt,
    product:
      sizes.length === 0
        ? null
        : {
            name: sizes[0]?.productName ?? "",
            sizes: sizes.map((s) => ({
              size: s.size,
              label: GLOVE_SIZE_LABELS.ja[s.size],
              stockSets: s.stockSets,
            })),
          },
    // The registration is the facility's own word on where goods go; the
    // ministry's data is the fallback.
    delivery: {
      name: link.registrationName ?? link.name,
      postcode: link.registrationPostcode ?? link.postcode,
      address: link.registrationAddress ?? link.address,
      phone: link.registrationPhone ?? link.phone,
    },
    paymentMethods: methods.map((value) => ({ value, label: PAYMENT_METHOD_LABELS.ja[value] })),
    defaultPaymentMethod:
      registered !== null && methods.includes(registered) ? registered : (methods[0] ?? "invoice"),
  };
}

export interface PurchaseInput {
  token: string;
  lines: { size: GloveSize; sets: number }[];
  delivery: { name: string; postcode: string; address: string; phone: string };
  paymentMethod: PaymentMethod;
}

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
  const placed = await db
    .transaction()
    .execute(async (trx) => {
      const link = await findLink(trx, input.token, true);
      if (link === null) throw new DomainError("PURCHASE_LINK_INVALID");
      const existing = await orderOfItem(trx, link.targetItemId);
      if (existing !== undefined) {
        if (existing.purchaseLinkId === link.linkId) throw alreadyPurchased(existing.orderNumber);
        throw new DomainError("PURCHASE_LINK_INVALID");
      }
      if (!isUsable(link, now)) throw new DomainError("PURCHASE_LINK_INVALID");

      const checked = validatePurchase({ limitSets: link.limitSets, lines: input.lines });
      if (!checked.ok) {
        const message =
          checked.error === "over_limit"
            ? `購入上限数（${formatNumber(link.limitSets)}セット）を超えています。合計セット数を上限以内にしてください。`
            : PURCHASE_ERROR_MESSAGES[checked.error];
        throw purchaseRefused(message);
      }

      const sizes = await saleSizes(trx);
      const wanted = input.lines.filter((line) => line.sets > 0);
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
        const taken = await sql`
          update product_sizes set stock_sets = stock_sets - ${line.sets}
          where id = ${line.sizeId} and stock_sets >= ${line.sets}`.execute(trx);
        if (Number(taken.numAffectedRows ?? 0n) === 0) {
          const left = await trx
            .selectFrom("productSizes")
            .select("stockSets")
            .where("id", "=", line.sizeId)
            .executeTakeFirstOrThrow();
          throw new DomainError("OUT_OF_STOCK", {
            messageJa: `${GLOVE_SIZE_LABELS.ja[line.size]}の在庫が不足しています（残り ${formatNumber(left.stockSets)} セット）。セット数を減らすか、別のサイズをお選びください。`,
            fieldErrors: {
              [`lines.${input.lines.findIndex((l) => l.size === line.size)}.sets`]: [
                `残り ${formatNumber(left.stockSets)} セットです`,
              ],
            },
          });
        }
      }

      const sequence = await sql<{ n: string }>`select nextval('order_number_seq') as n`.execute(
        trx,
      );
      const orderNumber = formatOrderNumber(Number(sequence.rows[0]?.n), now);
      const notifyEmail = link.registrationEmail ?? link.targetEmail;
      const order = await trx
        .insertInto("orders")
        .values({
          orderNumber,
          targetItemId: link.targetItemId,
          institutionId: link.institutionId,
          purchaseLinkId: link.linkId,
          totalSets: checked.value.totalSets,
          deliveryName: input.delivery.name,
          deliveryPostcode: input.delivery.postcode,
          deliveryAddress: input.delivery.address,
          deliveryPhone: input.delivery.phone,
          paymentMethod: input.paymentMethod,
          notifyEmail,
          createdAt: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("orderLines")
        .values(
          lines.map((line) => ({ orderId: order.id, productSizeId: line.sizeId, sets: line.sets })),
        )
        .execute();

      const view = await loadOrderView(trx, order.id);
      if (view === null) throw new Error("the order just written is missing");
      const mail = orderConfirmedMail(
        orderFacts(view, institutionOf(link).name),
        purchaseUrl(config.publicBaseUrl, input.token),
      );
      await enqueueMail(trx, {
        kind: "order_confirmed",
        to: notifyEmail,
        from: config.vendorMailFrom,
        subject: mail.subject,
        text: mail.text,
        // The purchase page's URL: the order stays readable through it for good.
        secret: true,
      });
      await appendAudit(trx, {
        action: "order.place",
        targetType: "order",
        targetId: order.id,
        ip: auditIp(ip),
        details: {
          via: "purchase_link",
          linkId: link.linkId,
          targetItemId: link.targetItemId,
          orderNumber,
          totalSets: view.totalSets,
          lines: view.lines.map((line) => ({ size: line.size, sets: line.sets })),
        },
      });
      return view;
    })
    .catch(async (error: unknown) => {
      // Only reachable if the link lock were bypassed; the unique index still holds.
      if (isUniqueViolation(error, "orders_target_item_id_key")) {
        const link = await findLink(db, input.token, false);
        const order = link === null ? undefined : await orderOfItem(db, link.targetItemId);
        throw order === undefined
          ? new DomainError("CONFLICT")
          : alreadyPurchased(order.orderNumber);
      }
      throw error;
    });
  return placed;
}

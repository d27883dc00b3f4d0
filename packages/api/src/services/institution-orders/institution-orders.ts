import type { Db } from "@sos/db";
import { type PurchaseStatusRow, purchaseStatusRows } from "@sos/db/repositories/order";
import type { LinkState } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { DomainError } from "../../errors";
import type {
  InstitutionLinkState,
  InstitutionPurchaseStatusOutput,
} from "../../schemas/institution-orders";
import { linkStateOf } from "../vendor-portal/link-state";
import { loadOrderViews } from "../vendor-portal/order-view";

/**
 * What the institution's app shows about buying, on its home page and on a
 * request's page: whether the request was handed to the vendor, whether the
 * facility is registered with the vendor, whether a purchase link was mailed,
 * and the order with its shipping. Only the institution's own requests; the
 * link's URL itself is never shown here (only its hash is stored; it lives in
 * the mail).
 */

export const INSTITUTION_LINK_STATE_LABELS: Readonly<Record<InstitutionLinkState, string>> = {
  not_sent: "購入用URLは未送信です",
  sent: "購入用URLをメールで送信しました",
  expired: "購入用URLの有効期限が切れました",
  revoked: "購入用URLは無効になりました",
  used: "購入手続きが完了しました",
};

const FROM_LINK_STATE: Readonly<Record<LinkState, InstitutionLinkState>> = {
  none: "not_sent",
  live: "sent",
  expired: "expired",
  revoked: "revoked",
  address_changed: "revoked",
  used: "used",
};

export type InstitutionPurchaseStatus = InstitutionPurchaseStatusOutput;

async function toStatuses(
  db: Db,
  rows: PurchaseStatusRow[],
  now: Date,
): Promise<InstitutionPurchaseStatus[]> {
  const orders = await loadOrderViews(
    db,
    rows.flatMap((row) => (row.orderId === null ? [] : [row.orderId])),
  );
  return rows.map((row) => {
    const state =
      FROM_LINK_STATE[
        linkStateOf(
          row.hasLink
            ? { expiresAt: row.linkExpiresAt ?? now, revokedAt: row.linkRevokedAt }
            : null,
          row.orderId !== null,
          now,
        )
      ];
    return {
      requestId: row.requestId,
      weekStart: row.weekStart,
      handedOver: row.targetItemId !== null,
      handedOverAt: row.handedOverAt,
      limitSets: row.limitSets,
      limitPieces: row.limitSets === null ? null : row.limitSets * PIECES_PER_SET,
      registeredWithVendor: row.registered,
      link: {
        state,
        label: INSTITUTION_LINK_STATE_LABELS[state],
        lastSentAt: row.lastSentAt,
        expiresAt: row.hasLink ? row.linkExpiresAt : null,
      },
      order: row.orderId === null ? null : (orders.get(row.orderId) ?? null),
    };
  });
}

/** For a request page; another institution's request is NOT_FOUND, like everywhere else. */
export async function purchaseStatusForRequest(
  db: Db,
  { institutionId, requestId, now }: { institutionId: string; requestId: string; now: Date },
): Promise<InstitutionPurchaseStatus> {
  const rows = await purchaseStatusRows(db, institutionId, requestId);
  const [status] = await toStatuses(db, rows, now);
  if (status === undefined) throw new DomainError("NOT_FOUND");
  return status;
}

/** For the home page: every request of the institution that was handed to the vendor, newest first. */
export async function myPurchaseStatuses(
  db: Db,
  { institutionId, now }: { institutionId: string; now: Date },
): Promise<InstitutionPurchaseStatus[]> {
  const rows = await purchaseStatusRows(db, institutionId, null);
  return toStatuses(db, rows, now);
}

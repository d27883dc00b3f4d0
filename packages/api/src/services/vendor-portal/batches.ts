import type { Db } from "@sos/db";
import {
  type BatchSummaryRow,
  batchSummaries,
  type VendorItemRow,
  vendorItem,
  vendorItemsOfBatch,
} from "@sos/db/repositories/registration";
import {
  ORDER_STATUS_LABELS,
  type OrderStatus,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
  prefectureName,
  type RegistrationSource,
} from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { DomainError } from "../../errors";
import { LINK_STATE_LABELS, type LinkState, linkStateOf } from "./link-state";
import {
  CHECK_REASON_LABELS,
  type CheckReason,
  checkReasonsOf,
  differencesOf,
  MATCH_STATUS_LABELS,
  type MatchField,
  type MatchStatus,
} from "./matching";

/**
 * ④ the lists the ministry handed over, as the vendor works with them. The
 * vendor reads institutions only through these lists (target_items, copied at
 * hand-over), never the institutions table: an institution that was never
 * handed over cannot appear in anything returned here.
 */

export interface VendorBatchSummary {
  id: string;
  number: number;
  issuedAt: Date;
  itemCount: number;
  totalSets: number;
  totalPieces: number;
  matched: number;
  notRegistered: number;
  mismatched: number;
  /** 要確認: registered, but unconfirmed or under another address than the list's. */
  needsCheck: number;
  /** Registered but not (yet) confirmed by the institution: asked to register again by a reminder. */
  unconfirmed: number;
  /** Items that were sent a purchase link at least once. */
  linksSent: number;
  ordered: number;
  /** Items without a confirmed registration (未登録, unconfirmed) reminded at least once. */
  reminded: number;
}

export interface VendorItemView {
  id: string;
  batchId: string;
  batchNumber: number;
  institutionCode: string;
  prefectureCode: number;
  prefectureName: string;
  limitSets: number;
  limitPieces: number;
  match: {
    status: MatchStatus;
    label: string;
    differences: MatchField[];
    /** Why it is 要確認, each with its Japanese reason; empty otherwise. */
    reasons: { reason: CheckReason; label: string }[];
  };
  /** What the ministry's list says (the left column of a side-by-side view). */
  ministry: {
    name: string;
    postcode: string;
    address: string;
    phone: string;
    contactName: string;
    email: string;
  };
  /** What the facility registered with the vendor (the right column), if anything. */
  registration: {
    id: string;
    facilityName: string;
    postcode: string;
    address: string;
    phone: string;
    email: string;
    paymentMethod: PaymentMethod;
    paymentMethodLabel: string;
    source: RegistrationSource;
    registeredAt: Date;
    updatedAt: Date;
    /** When the institution confirmed it (null: unconfirmed, or the vendor's own customer file). */
    confirmedAt: Date | null;
    confirmedVia: "mail" | "institution" | null;
  } | null;
  link: {
    state: LinkState;
    label: string;
    sendCount: number;
    lastSentAt: Date | null;
    expiresAt: Date | null;
  };
  reminders: { count: number; lastAt: Date | null };
  order: {
    id: string;
    orderNumber: string;
    status: OrderStatus;
    statusLabel: string;
    totalSets: number;
    orderedAt: Date;
  } | null;
}

function toItemView(row: VendorItemRow, now: Date): VendorItemView {
  const registration =
    row.registrationId === null
      ? null
      : {
          id: row.registrationId,
          facilityName: row.registrationName ?? "",
          postcode: row.registrationPostcode ?? "",
          address: row.registrationAddress ?? "",
          phone: row.registrationPhone ?? "",
          email: row.registrationEmail ?? "",
          paymentMethod: row.registrationPaymentMethod ?? "invoice",
          paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[row.registrationPaymentMethod ?? "invoice"],
          source: row.registrationSource ?? "web",
          registeredAt: row.registeredAt ?? now,
          updatedAt: row.registrationUpdatedAt ?? now,
          confirmedAt: row.registrationConfirmedAt,
          confirmedVia: row.registrationConfirmedVia,
        };
  const state = linkStateOf(
    row.linkId === null
      ? null
      : { expiresAt: row.linkExpiresAt ?? now, revokedAt: row.linkRevokedAt },
    row.orderId !== null,
    now,
  );
  return {
    id: row.id,
    batchId: row.batchId,
    batchNumber: row.batchNumber,
    institutionCode: row.institutionCode,
    prefectureCode: row.prefectureCode,
    prefectureName: prefectureName(row.prefectureCode) ?? "",
    limitSets: row.limitSets,
    limitPieces: row.limitSets * PIECES_PER_SET,
    match: {
      status: row.matchStatus,
      label: MATCH_STATUS_LABELS[row.matchStatus],
      differences: differencesOf(row),
      reasons: checkReasonsOf(row).map((reason) => ({
        reason,
        label: CHECK_REASON_LABELS[reason],
      })),
    },
    ministry: {
      name: row.name,
      postcode: row.postcode,
      address: row.address,
      phone: row.phone,
      contactName: row.contactName,
      email: row.email,
    },
    registration,
    link: {
      state,
      label: LINK_STATE_LABELS[state],
      sendCount: row.sendCount,
      lastSentAt: row.lastSentAt,
      expiresAt: row.linkId === null ? null : row.linkExpiresAt,
    },
    reminders: { count: row.reminderCount, lastAt: row.lastRemindedAt },
    order:
      row.orderId === null
        ? null
        : {
            id: row.orderId,
            orderNumber: row.orderNumber ?? "",
            status: row.orderStatus ?? "ordered",
            statusLabel: ORDER_STATUS_LABELS.ja[row.orderStatus ?? "ordered"],
            totalSets: row.orderTotalSets ?? 0,
            orderedAt: row.orderedAt ?? now,
          },
  };
}

function toSummary(row: BatchSummaryRow): VendorBatchSummary {
  return { ...row, totalPieces: row.totalSets * PIECES_PER_SET };
}

/** Every batch handed over, the newest first, with where each stands. */
export async function listVendorBatches(db: Db): Promise<VendorBatchSummary[]> {
  return (await batchSummaries(db, null)).map(toSummary);
}

export interface VendorBatchFilter {
  status: MatchStatus | null;
  linkState: LinkState | null;
  /** Part of the name (ministry's or registered) or the start of the code. */
  search: string | null;
}

export interface VendorBatchDetail extends VendorBatchSummary {
  items: VendorItemView[];
}

export async function getVendorBatch(
  db: Db,
  { batchId, filter, now }: { batchId: string; filter: VendorBatchFilter; now: Date },
): Promise<VendorBatchDetail> {
  const [summary] = await batchSummaries(db, batchId);
  if (summary === undefined) throw new DomainError("NOT_FOUND");
  const rows = await vendorItemsOfBatch(db, batchId, filter);
  let items = rows.map((row) => toItemView(row, now));
  if (filter.linkState !== null)
    items = items.filter((item) => item.link.state === filter.linkState);
  return { ...toSummary(summary), items };
}

/** One item as the back office shows it (after a send, a revoke or a reissue). */
export async function getVendorItem(db: Db, itemId: string, now: Date): Promise<VendorItemView> {
  const row = await vendorItem(db, itemId);
  if (row === undefined) throw new DomainError("NOT_FOUND");
  return toItemView(row, now);
}

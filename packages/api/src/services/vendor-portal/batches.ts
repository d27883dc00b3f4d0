import type { Db } from "@sos/db";
import {
  type BatchSummaryRow,
  batchSummaries,
  type VendorItemRow,
  vendorItem,
  vendorItemsOfBatch,
} from "@sos/db/repositories/registration";
import {
  CHECK_REASON_LABELS,
  LINK_STATE_LABELS,
  type LinkState,
  MATCH_STATUS_LABELS,
  type MatchStatus,
  ORDER_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  prefectureName,
} from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { DomainError } from "../../errors";
import type {
  BatchDetailOutput,
  BatchSummaryOutput,
  VendorItemOutput,
} from "../../schemas/vendor-portal";
import { linkStateOf } from "./link-state";
import { checkReasonsOf, differencesOf } from "./matching";

/**
 * ④ the lists the ministry handed over, as the vendor works with them. The
 * vendor reads institutions only through these lists (target_items, copied at
 * hand-over), never the institutions table: an institution that was never
 * handed over cannot appear in anything returned here.
 */

export type VendorBatchSummary = BatchSummaryOutput;

export type VendorItemView = VendorItemOutput;

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
      : {
          expiresAt: row.linkExpiresAt ?? now,
          revokedAt: row.linkRevokedAt,
          revokedForAddressChange: row.linkRevokedForAddressChange,
        },
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
      // A link revoked by the registry's change of address: the comparison sets the
      // registration beside the address the 照合 and its reason read, not the list's old one.
      email: state === "address_changed" ? row.registryEmail : row.email,
    },
    registration,
    link: {
      state,
      label: LINK_STATE_LABELS[state],
      sendCount: row.sendCount,
      lastSentAt: row.lastSentAt,
      expiresAt: row.linkId === null ? null : row.linkExpiresAt,
      resendTo: state === "address_changed" ? row.registryEmail : null,
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

/** The router adds the latest run. */
export type VendorBatchDetail = Omit<BatchDetailOutput, "latestRun">;

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

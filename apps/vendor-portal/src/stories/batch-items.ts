import {
  CHECK_REASON_LABELS,
  type CheckReason,
  LINK_STATE_LABELS as LINK_LABELS,
  MATCH_STATUS_LABELS as MATCH_LABELS,
  prefectureName,
} from "@sos/domain";
import type { LinkState, MatchStatusCode, VendorItem } from "../api-types";

// Builders for the items of a target list, shaped as vendorPortal.batch returns them.

export const SMALL_BATCH_ID = "3f1c2b4a-0d5e-4c6f-8a7b-9c0d1e2f3a04";
export const LARGE_BATCH_ID = "3f1c2b4a-0d5e-4c6f-8a7b-9c0d1e2f3a03";

// A link is valid for a week from its last sending.
export const SENT_FRIDAY = "2026-12-11T01:00:00.000Z";
const EXPIRED_FRIDAY = "2026-12-18T01:00:00.000Z";
export const SENT_MONDAY = "2026-12-14T01:00:00.000Z";
const EXPIRES_MONDAY = "2026-12-21T01:00:00.000Z";

export function link(
  state: LinkState,
  sendCount = 0,
  lastSentAt: string | null = null,
  resendTo: string | null = null,
) {
  const expiresAt =
    lastSentAt === null ? null : lastSentAt === SENT_MONDAY ? EXPIRES_MONDAY : EXPIRED_FRIDAY;
  return { state, label: LINK_LABELS[state], sendCount, lastSentAt, expiresAt, resendTo };
}

export type Ministry = VendorItem["ministry"];
type Registration = NonNullable<VendorItem["registration"]>;

export function registered(ministry: Ministry, details: Partial<Registration> = {}): Registration {
  return {
    id: "5c4b3a29-1807-4f6e-9d5c-000000000000",
    facilityName: ministry.name,
    postcode: ministry.postcode,
    address: ministry.address,
    phone: ministry.phone,
    email: ministry.email,
    paymentMethod: "bank_transfer",
    paymentMethodLabel: "銀行振込",
    source: "web",
    registeredAt: "2026-12-01T03:00:00.000Z",
    updatedAt: "2026-12-01T03:00:00.000Z",
    confirmedAt: "2026-12-01T03:20:00.000Z",
    confirmedVia: "mail",
    ...details,
  };
}

interface ItemSeed {
  id: string;
  batchId?: string;
  batchNumber?: number;
  institutionCode: string;
  prefectureCode: number;
  limitSets: number;
  ministry: Ministry;
  match?: MatchStatusCode;
  differences?: VendorItem["match"]["differences"];
  /** Why a needs_check item is held (要確認). */
  reasons?: readonly CheckReason[];
  registration?: Registration | null;
  link?: VendorItem["link"];
  reminders?: VendorItem["reminders"];
  order?: VendorItem["order"];
}

export function item(seed: ItemSeed): VendorItem {
  const status = seed.match ?? "matched";
  return {
    id: seed.id,
    batchId: seed.batchId ?? SMALL_BATCH_ID,
    batchNumber: seed.batchNumber ?? 4,
    institutionCode: seed.institutionCode,
    prefectureCode: seed.prefectureCode,
    prefectureName: prefectureName(seed.prefectureCode) ?? "",
    limitSets: seed.limitSets,
    limitPieces: seed.limitSets * 1000,
    match: {
      status,
      label: MATCH_LABELS[status],
      differences: seed.differences ?? [],
      reasons: (seed.reasons ?? []).map((reason) => ({
        reason,
        label: CHECK_REASON_LABELS[reason],
      })),
    },
    ministry: seed.ministry,
    registration:
      seed.registration !== undefined
        ? seed.registration
        : status === "not_registered"
          ? null
          : registered(seed.ministry),
    link: seed.link ?? link("none"),
    reminders: seed.reminders ?? { count: 0, lastAt: null },
    order: seed.order ?? null,
  };
}

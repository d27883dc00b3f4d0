import type { Db } from "@sos/db";
import {
  addressMatches,
  emailMatches,
  matchStatusSql,
  nameMatches,
  phoneMatches,
  postcodeMatches,
  registrationVouched,
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
import { type RawBuilder, sql } from "kysely";
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

interface ItemRow {
  id: string;
  batchId: string;
  batchNumber: number;
  institutionCode: string;
  name: string;
  prefectureCode: number;
  postcode: string;
  address: string;
  phone: string;
  contactName: string;
  email: string;
  limitSets: number;
  registrationId: string | null;
  registrationName: string | null;
  registrationPostcode: string | null;
  registrationAddress: string | null;
  registrationPhone: string | null;
  registrationEmail: string | null;
  registrationPaymentMethod: PaymentMethod | null;
  registrationSource: RegistrationSource | null;
  registeredAt: Date | null;
  registrationUpdatedAt: Date | null;
  registrationConfirmedAt: Date | null;
  registrationConfirmedVia: "mail" | "institution" | null;
  matchStatus: MatchStatus;
  registrationVouched: boolean | null;
  emailMatches: boolean | null;
  nameMatches: boolean | null;
  postcodeMatches: boolean | null;
  phoneMatches: boolean | null;
  addressMatches: boolean | null;
  linkId: string | null;
  linkExpiresAt: Date | null;
  linkRevokedAt: Date | null;
  sendCount: number;
  lastSentAt: Date | null;
  reminderCount: number;
  lastRemindedAt: Date | null;
  orderId: string | null;
  orderNumber: string | null;
  orderStatus: OrderStatus | null;
  orderTotalSets: number | null;
  orderedAt: Date | null;
}

function itemRows(db: Db, where: RawBuilder<boolean>) {
  return sql<ItemRow>`
    select t.id, t.batch_id, b.number as batch_number, t.institution_code, t.name,
      t.prefecture_code, t.postcode, t.address, t.phone, t.contact_name, t.email, t.limit_sets,
      r.id as registration_id, r.facility_name as registration_name,
      r.postcode as registration_postcode, r.address as registration_address,
      r.phone as registration_phone, r.email as registration_email,
      r.payment_method as registration_payment_method, r.source as registration_source,
      r.created_at as registered_at, r.updated_at as registration_updated_at,
      r.confirmed_at as registration_confirmed_at, r.confirmed_via as registration_confirmed_via,
      ${matchStatusSql} as match_status,
      ${registrationVouched} as registration_vouched, ${emailMatches} as email_matches,
      ${nameMatches} as name_matches, ${postcodeMatches} as postcode_matches,
      ${phoneMatches} as phone_matches, ${addressMatches} as address_matches,
      l.id as link_id, l.expires_at as link_expires_at, l.revoked_at as link_revoked_at,
      s.send_count, s.last_sent_at, rm.reminder_count, rm.last_reminded_at,
      o.id as order_id, o.order_number, o.status as order_status,
      o.total_sets as order_total_sets, o.created_at as ordered_at
    from target_items t
    join target_batches b on b.id = t.batch_id
    left join vendor_registrations r on r.institution_code = t.institution_code
    -- the live link if there is one, else the latest
    left join lateral (
      select pl.id, pl.expires_at, pl.revoked_at from purchase_links pl
      where pl.target_item_id = t.id
      order by (pl.revoked_at is null) desc, pl.created_at desc limit 1
    ) l on true
    left join lateral (
      select count(*)::int as send_count, max(ps.at) as last_sent_at
      from purchase_link_sends ps join purchase_links pl on pl.id = ps.purchase_link_id
      where pl.target_item_id = t.id
    ) s on true
    left join lateral (
      select count(*)::int as reminder_count, max(rr.at) as last_reminded_at
      from registration_reminders rr where rr.target_item_id = t.id
    ) rm on true
    left join orders o on o.target_item_id = t.id
    where ${where}
    order by t.prefecture_code, t.institution_code`.execute(db);
}

function toItemView(row: ItemRow, now: Date): VendorItemView {
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

type SummaryRow = Omit<VendorBatchSummary, "totalPieces">;

function summaries(db: Db, where: RawBuilder<boolean>) {
  return sql<SummaryRow>`
    select b.id, b.number, b.issued_at,
      count(t.id)::int as item_count,
      coalesce(sum(t.limit_sets), 0)::int as total_sets,
      count(*) filter (where t.match_status = 'matched')::int as matched,
      count(*) filter (where t.match_status = 'not_registered')::int as not_registered,
      count(*) filter (where t.match_status = 'mismatched')::int as mismatched,
      count(*) filter (where t.match_status = 'needs_check')::int as needs_check,
      count(*) filter (where t.registered and not t.vouched)::int as unconfirmed,
      count(*) filter (where t.sent)::int as links_sent,
      count(*) filter (where t.ordered)::int as ordered,
      count(*) filter (where t.reminded and not coalesce(t.vouched, false))::int as reminded
    from target_batches b
    left join lateral (
      select t.id, t.limit_sets, ${matchStatusSql} as match_status,
        r.id is not null as registered, ${registrationVouched} as vouched,
        exists (
          select 1 from purchase_links pl join purchase_link_sends ps on ps.purchase_link_id = pl.id
          where pl.target_item_id = t.id
        ) as sent,
        exists (select 1 from orders o where o.target_item_id = t.id) as ordered,
        exists (select 1 from registration_reminders rr where rr.target_item_id = t.id) as reminded
      from target_items t
      left join vendor_registrations r on r.institution_code = t.institution_code
      where t.batch_id = b.id
    ) t on true
    where ${where}
    group by b.id
    order by b.number desc`.execute(db);
}

function toSummary(row: SummaryRow): VendorBatchSummary {
  return { ...row, totalPieces: row.totalSets * PIECES_PER_SET };
}

/** Every batch handed over, the newest first, with where each stands. */
export async function listVendorBatches(db: Db): Promise<VendorBatchSummary[]> {
  const result = await summaries(db, sql<boolean>`true`);
  return result.rows.map(toSummary);
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

function searchCondition(search: string): RawBuilder<boolean> {
  const digits = search.replace(/[\s-]/g, "");
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byCode = /^[0-9]+$/.test(digits) ? sql`or t.institution_code like ${`${digits}%`}` : sql``;
  return sql<boolean>`(t.name ilike ${like} or r.facility_name ilike ${like} ${byCode})`;
}

export async function getVendorBatch(
  db: Db,
  { batchId, filter, now }: { batchId: string; filter: VendorBatchFilter; now: Date },
): Promise<VendorBatchDetail> {
  const summary = (await summaries(db, sql<boolean>`b.id = ${batchId}`)).rows[0];
  if (summary === undefined) throw new DomainError("NOT_FOUND");
  const conditions: RawBuilder<boolean>[] = [sql<boolean>`t.batch_id = ${batchId}`];
  if (filter.status !== null) conditions.push(sql<boolean>`${matchStatusSql} = ${filter.status}`);
  if (filter.search !== null) conditions.push(searchCondition(filter.search));
  const rows = await itemRows(db, sql<boolean>`${sql.join(conditions, sql` and `)}`);
  let items = rows.rows.map((row) => toItemView(row, now));
  if (filter.linkState !== null)
    items = items.filter((item) => item.link.state === filter.linkState);
  return { ...toSummary(summary), items };
}

/** One item as the back office shows it (after a send, a revoke or a reissue). */
export async function getVendorItem(db: Db, itemId: string, now: Date): Promise<VendorItemView> {
  const row = (await itemRows(db, sql<boolean>`t.id = ${itemId}`)).rows[0];
  if (row === undefined) throw new DomainError("NOT_FOUND");
  return toItemView(row, now);
}

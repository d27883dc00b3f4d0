import { type Insertable, type RawBuilder, sql, type Updateable } from "kysely";
import type { Db } from "../connect";
import type {
  PaymentMethodColumn,
  RegistrationRemindersTable,
  VendorRegistrationConfirmationsTable,
  VendorRegistrationsTable,
} from "../schema";
import { revokedForAddressChangeSql } from "./link-revoke-reason";

/**
 * ①' the vendor's registrations (vendor_registrations): a facility's delivery
 * details and payment method under its institution code, from the storefront
 * (source web) or the vendor's own customer file (source import).
 */

export type NewRegistration = Insertable<VendorRegistrationsTable>;

/** What a registration is read as everywhere. */
export const REGISTRATION_COLUMNS = [
  "id",
  "institutionCode",
  "facilityName",
  "postcode",
  "address",
  "phone",
  "email",
  "paymentMethod",
  "source",
  "createdAt",
  "updatedAt",
  "confirmedAt",
  "confirmedVia",
] as const;
export type RegistrationChanges = Updateable<VendorRegistrationsTable>;

/** The registrations under these codes, locked until the transaction ends. */
export async function lockRegistrationsByCode(trx: Db, codes: readonly string[]) {
  return trx
    .selectFrom("vendorRegistrations")
    .select([
      "id",
      "institutionCode",
      "source",
      "facilityName",
      "postcode",
      "address",
      "phone",
      "email",
      "paymentMethod",
    ])
    .where("institutionCode", "in", codes)
    .forUpdate()
    .execute();
}

export async function updateRegistration(
  trx: Db,
  id: string,
  changes: RegistrationChanges,
): Promise<void> {
  await trx.updateTable("vendorRegistrations").set(changes).where("id", "=", id).execute();
}

/**
 * Inserts the rows whose code has no registration yet, in one statement; a code
 * registered meanwhile is skipped. Returns the codes actually inserted.
 */
export async function insertNewRegistrations(
  trx: Db,
  rows: readonly NewRegistration[],
): Promise<string[]> {
  const inserted = await trx
    .insertInto("vendorRegistrations")
    .values(rows)
    .onConflict((oc) => oc.column("institutionCode").doNothing())
    .returning("institutionCode")
    .execute();
  return inserted.map((row) => row.institutionCode);
}

// 照合 fragments: the ministry's snapshot (alias `t`, target_items) against the
// registration with the same institution code (alias `r`, left-joined). Names and
// addresses compare in the normal form of migration 0004's SQL functions
// (vendor_match_text / vendor_match_address); postcodes and phone numbers are
// stored normalised on both sides.

export const nameMatches = sql<boolean>`(vendor_match_text(t.name) = vendor_match_text(r.facility_name))`;
export const postcodeMatches = sql<boolean>`(t.postcode = r.postcode)`;
export const phoneMatches = sql<boolean>`(t.phone = r.phone)`;
export const addressMatches = sql<boolean>`(vendor_match_address(t.address) = vendor_match_address(r.address))`;
/**
 * The address the ministry's registry holds for the item's institution now: a
 * registry import may have changed it since the list was issued (t.email is the
 * snapshot), and the registry's address is the one the 照合 trusts.
 */
export const registryEmail = sql<string>`(select ri.email from institutions ri where ri.id = t.institution_id)`;
// Mail systems treat addresses case-insensitively in practice; a case difference is no other mailbox.
export const emailMatches = sql<boolean>`(lower(${registryEmail}) = lower(r.email))`;
/** Confirmed by the institution, or the vendor's own customer file. */
export const registrationVouched = sql<boolean>`(r.confirmed_at is not null or r.source = 'import')`;

export type MatchStatusCode = "matched" | "not_registered" | "mismatched" | "needs_check";

/** Unvouched or under another address than the list's is 要確認 whatever the other details say. */
export const matchStatusSql = sql<MatchStatusCode>`(case
  when r.id is null then 'not_registered'
  when not ${registrationVouched} or not ${emailMatches} then 'needs_check'
  when ${nameMatches} and ${postcodeMatches} and ${phoneMatches} and ${addressMatches} then 'matched'
  else 'mismatched' end)`;

/**
 * Counts one storefront registration attempt under `key` in sign_in_throttle (its
 * own key prefix; `failures` counts attempts there) and blocks past `attempts` in
 * the window. Returns the attempts counted, or null when the key is blocked (then
 * nothing is counted).
 */
export async function countRegistrationAttempt(
  db: Db,
  key: string,
  {
    now,
    windowStart,
    blockEnd,
    attempts,
  }: { now: Date; windowStart: Date; blockEnd: Date; attempts: number },
): Promise<number | null> {
  const count = sql<number>`(case when t.first_failure_at <= ${windowStart} then 1 else t.failures + 1 end)`;
  const result = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${now}, null)
    on conflict (key) do update set
      failures = ${count},
      first_failure_at = case when t.first_failure_at <= ${windowStart} then ${now} else t.first_failure_at end,
      last_failure_at = ${now},
      blocked_until = case when ${count} > ${attempts} then ${blockEnd}::timestamptz end
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures
  `.execute(db);
  return result.rows[0]?.failures ?? null;
}

// ---- 未登録 reminders (registration_reminders) ----

/** Serialises reminders per batch (with the batch id): a double click sends once. */
const REMINDER_LOCK = 742_301;

export async function targetBatchExists(db: Db, batchId: string): Promise<boolean> {
  const batch = await db
    .selectFrom("targetBatches")
    .select("id")
    .where("id", "=", batchId)
    .executeTakeFirst();
  return batch !== undefined;
}

/** Takes the batch's reminder lock until the transaction ends. */
export async function lockBatchReminders(trx: Db, batchId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${REMINDER_LOCK}, hashtext(${batchId}))`.execute(trx);
}

/**
 * The batch's items (or the selected ones) with no vouched registration and no
 * order, and whether each was reminded since `quietSince`.
 */
export async function unvouchedItems(
  trx: Db,
  batchId: string,
  { itemIds, quietSince }: { itemIds: readonly string[] | null; quietSince: Date },
) {
  const result = await sql<{
    id: string;
    institutionCode: string;
    name: string;
    contactName: string;
    email: string;
    limitSets: number;
    recentlyReminded: boolean;
  }>`
    select t.id, t.institution_code, t.name, t.contact_name, t.email, t.limit_sets,
      exists (
        select 1 from registration_reminders rr
        where rr.target_item_id = t.id and rr.at > ${quietSince}
      ) as recently_reminded
    from target_items t
    where t.batch_id = ${batchId}
      ${itemIds === null ? sql`` : sql`and t.id = any(${[...itemIds]}::uuid[])`}
      and not exists (
        select 1 from vendor_registrations r
        where r.institution_code = t.institution_code and ${registrationVouched}
      )
      and not exists (select 1 from orders o where o.target_item_id = t.id)
    order by t.prefecture_code, t.institution_code`.execute(trx);
  return result.rows;
}

export async function insertReminder(
  trx: Db,
  reminder: Insertable<RegistrationRemindersTable>,
): Promise<void> {
  await trx.insertInto("registrationReminders").values(reminder).execute();
}

// ---- one registration ----

/** Serialises the writes of one code's registration (with the code). */
const REGISTRATION_CODE_LOCK = 742_302;

/** Takes the code's lock, then its registration (if any) for update. */
export async function lockRegistrationOfCode(trx: Db, institutionCode: string) {
  await sql`select pg_advisory_xact_lock(${REGISTRATION_CODE_LOCK}, hashtext(${institutionCode}))`.execute(
    trx,
  );
  return registrationWhere(trx, "institutionCode", institutionCode).forUpdate().executeTakeFirst();
}

export async function lockRegistration(trx: Db, id: string) {
  return registrationWhere(trx, "id", id).forUpdate().executeTakeFirst();
}

export async function registrationOfCode(db: Db, institutionCode: string) {
  return registrationWhere(db, "institutionCode", institutionCode).executeTakeFirst();
}

function registrationWhere(db: Db, key: "id" | "institutionCode", value: string) {
  return db.selectFrom("vendorRegistrations").select(REGISTRATION_COLUMNS).where(key, "=", value);
}

export async function codeIsRegistered(db: Db, institutionCode: string): Promise<boolean> {
  const taken = await db
    .selectFrom("vendorRegistrations")
    .select("id")
    .where("institutionCode", "=", institutionCode)
    .executeTakeFirst();
  return taken !== undefined;
}

export async function insertRegistration(trx: Db, registration: NewRegistration) {
  return trx
    .insertInto("vendorRegistrations")
    .values(registration)
    .returning(REGISTRATION_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Inserts and returns only the new id. */
export async function insertRegistrationId(
  trx: Db,
  registration: NewRegistration,
): Promise<string> {
  const row = await trx
    .insertInto("vendorRegistrations")
    .values(registration)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRegistrationReturning(
  trx: Db,
  id: string,
  changes: RegistrationChanges,
) {
  return trx
    .updateTable("vendorRegistrations")
    .set(changes)
    .where("id", "=", id)
    .returning(REGISTRATION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface RegistrationFilter {
  /** Start of the code, or part of the facility name / email. */
  search: string | null;
  source: "web" | "import" | null;
}

function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of the registrations the filter matches, newest first, with the total count. */
export async function findRegistrations(
  db: Db,
  filter: RegistrationFilter,
  { limit, offset }: { limit: number; offset: number },
) {
  let base = db.selectFrom("vendorRegistrations");
  if (filter.source !== null) base = base.where("source", "=", filter.source);
  if (filter.search !== null) {
    const digits = filter.search.replace(/[\s-]/g, "");
    const pattern = `%${likePattern(filter.search)}%`;
    base = base.where((eb) =>
      eb.or([
        ...(/^[0-9]+$/.test(digits)
          ? [eb("institutionCode", "like", `${likePattern(digits)}%`)]
          : []),
        eb("facilityName", "ilike", pattern),
        eb("email", "ilike", pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(REGISTRATION_COLUMNS)
      .orderBy("updatedAt", "desc")
      .orderBy("id")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** What the ministry's registry holds for an institution, as the storefront form asks for it. */
export async function institutionDetailsForRegistration(db: Db, institutionId: string) {
  return db
    .selectFrom("institutions")
    .select([
      "code as institutionCode",
      "name as facilityName",
      "postcode",
      "address",
      "phone",
      "email",
    ])
    .where("id", "=", institutionId)
    .executeTakeFirst();
}

// ---- storefront submissions waiting for their mailed link (vendor_registration_confirmations) ----

/** The active institution's registry name and address under the code, if any. */
export async function registryContactOfCode(db: Db, institutionCode: string) {
  return db
    .selectFrom("institutions")
    .select(["name", "email"])
    .where("code", "=", institutionCode)
    .where("active", "=", true)
    .executeTakeFirst();
}

/** How many confirmation mails the code was sent since `since`. */
export async function confirmationsSince(
  db: Db,
  institutionCode: string,
  since: Date,
): Promise<number> {
  const recent = await db
    .selectFrom("vendorRegistrationConfirmations")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("institutionCode", "=", institutionCode)
    .where("createdAt", ">", since)
    .executeTakeFirstOrThrow();
  return Number(recent.count);
}

export async function insertConfirmation(
  trx: Db,
  confirmation: Insertable<VendorRegistrationConfirmationsTable>,
): Promise<string> {
  const row = await trx
    .insertInto("vendorRegistrationConfirmations")
    .values(confirmation)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The submission with this token hash; `lock` takes it until the transaction ends. */
export async function findConfirmationByHash(db: Db, tokenHash: string, lock: boolean) {
  const query = db
    .selectFrom("vendorRegistrationConfirmations")
    .select([
      "id",
      "institutionCode",
      "facilityName",
      "postcode",
      "address",
      "phone",
      "email",
      "paymentMethod",
      "sentTo",
      "expiresAt",
      "confirmedAt",
      "registrationId",
    ])
    .where("tokenHash", "=", tokenHash);
  return lock ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

export async function markConfirmationUsed(
  trx: Db,
  id: string,
  { confirmedAt, registrationId }: { confirmedAt: Date; registrationId: string },
): Promise<void> {
  await trx
    .updateTable("vendorRegistrationConfirmations")
    .set({ confirmedAt, registrationId })
    .where("id", "=", id)
    .execute();
}

export async function registrationById(db: Db, id: string) {
  return db
    .selectFrom("vendorRegistrations")
    .select(REGISTRATION_COLUMNS)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

// ---- the vendor's view of the handed-over lists (照合 per item, counts per batch) ----

/** A target-list item as the vendor sees it: its registration, the 照合, its link, reminders and order. */
export interface VendorItemRow {
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
  registrationPaymentMethod: PaymentMethodColumn | null;
  registrationSource: "web" | "import" | null;
  registeredAt: Date | null;
  registrationUpdatedAt: Date | null;
  registrationConfirmedAt: Date | null;
  registrationConfirmedVia: "mail" | "institution" | null;
  matchStatus: MatchStatusCode;
  registrationVouched: boolean | null;
  emailMatches: boolean | null;
  nameMatches: boolean | null;
  postcodeMatches: boolean | null;
  phoneMatches: boolean | null;
  addressMatches: boolean | null;
  linkId: string | null;
  linkExpiresAt: Date | null;
  linkRevokedAt: Date | null;
  linkRevokedForAddressChange: boolean | null;
  registryEmail: string;
  sendCount: number;
  lastSentAt: Date | null;
  reminderCount: number;
  lastRemindedAt: Date | null;
  orderId: string | null;
  orderNumber: string | null;
  orderStatus: "ordered" | "shipped" | "delivered" | "cancelled" | null;
  orderTotalSets: number | null;
  orderedAt: Date | null;
}

async function vendorItemRows(db: Db, where: RawBuilder<boolean>): Promise<VendorItemRow[]> {
  const result = await sql<VendorItemRow>`
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
      l.revoked_for_address_change as link_revoked_for_address_change,
      ${registryEmail} as registry_email, s.send_count, s.last_sent_at, rm.reminder_count, rm.last_reminded_at,
      o.id as order_id, o.order_number, o.status as order_status,
      o.total_sets as order_total_sets, o.created_at as ordered_at
    from target_items t
    join target_batches b on b.id = t.batch_id
    left join vendor_registrations r on r.institution_code = t.institution_code
    -- the live link if there is one, else the latest
    left join lateral (
      select pl.id, pl.expires_at, pl.revoked_at,
        ${revokedForAddressChangeSql} as revoked_for_address_change
      from purchase_links pl
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
  return result.rows;
}

function searchCondition(search: string): RawBuilder<boolean> {
  const digits = search.replace(/[\s-]/g, "");
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byCode = /^[0-9]+$/.test(digits) ? sql`or t.institution_code like ${`${digits}%`}` : sql``;
  return sql<boolean>`(t.name ilike ${like} or r.facility_name ilike ${like} ${byCode})`;
}

/** The batch's items, filtered by 照合 status and by a name or the start of a code. */
export async function vendorItemsOfBatch(
  db: Db,
  batchId: string,
  filter: { status: MatchStatusCode | null; search: string | null },
): Promise<VendorItemRow[]> {
  const conditions: RawBuilder<boolean>[] = [sql<boolean>`t.batch_id = ${batchId}`];
  if (filter.status !== null) conditions.push(sql<boolean>`${matchStatusSql} = ${filter.status}`);
  if (filter.search !== null) conditions.push(searchCondition(filter.search));
  return vendorItemRows(db, sql<boolean>`${sql.join(conditions, sql` and `)}`);
}

export async function vendorItem(db: Db, itemId: string): Promise<VendorItemRow | undefined> {
  return (await vendorItemRows(db, sql<boolean>`t.id = ${itemId}`))[0];
}

/** Where a handed-over batch stands: items, sets, 照合 counts, links sent, orders, reminders. */
export interface BatchSummaryRow {
  id: string;
  number: number;
  issuedAt: Date;
  itemCount: number;
  totalSets: number;
  matched: number;
  notRegistered: number;
  mismatched: number;
  needsCheck: number;
  unconfirmed: number;
  linksSent: number;
  ordered: number;
  reminded: number;
}

async function summaries(db: Db, where: RawBuilder<boolean>): Promise<BatchSummaryRow[]> {
  const result = await sql<BatchSummaryRow>`
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
  return result.rows;
}

/** Every batch (or the one named), the newest first. */
export async function batchSummaries(db: Db, batchId: string | null): Promise<BatchSummaryRow[]> {
  return summaries(db, batchId === null ? sql<boolean>`true` : sql<boolean>`b.id = ${batchId}`);
}

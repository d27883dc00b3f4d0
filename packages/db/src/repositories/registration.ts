import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../connect";
import type { RegistrationRemindersTable, VendorRegistrationsTable } from "../schema";

/**
 * ①' the vendor's registrations (vendor_registrations): a facility's delivery
 * details and payment method under its institution code, from the storefront
 * (source web) or the vendor's own customer file (source import).
 */

export type NewRegistration = Insertable<VendorRegistrationsTable>;
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
// Mail systems treat addresses case-insensitively in practice; a case difference is no other mailbox.
export const emailMatches = sql<boolean>`(lower(t.email) = lower(r.email))`;
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

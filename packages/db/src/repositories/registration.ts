import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../connect";
import type { VendorRegistrationsTable } from "../schema";

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

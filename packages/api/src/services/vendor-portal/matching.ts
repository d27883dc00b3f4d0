import { type CheckReason, MATCH_FIELDS, type MatchField, type MatchStatus } from "@sos/domain";
import { sql } from "kysely";

/**
 * 照合: the ministry's snapshot (alias `t`, target_items) against the vendor's
 * registration with the same institution code (alias `r`, left-joined). Names
 * and addresses are compared in the normal form of the SQL functions of
 * migration 0004 (vendor_match_text / vendor_match_address); postcodes and
 * phone numbers are stored normalised on both sides.
 *
 * The purchase link is a bearer credential mailed to the registration's address,
 * so who may receive it is decided before anything else: the address must be the
 * one on the ministry's list, and the registration must be vouched for — confirmed
 * by the institution (the one-time link to its registry address, or registered
 * while signed in as it) or the vendor's own customer file. Anything else is
 * 要確認 (needs_check) whatever the other details say, and is never sent in bulk.
 */

export const nameMatches = sql<boolean>`(vendor_match_text(t.name) = vendor_match_text(r.facility_name))`;
export const postcodeMatches = sql<boolean>`(t.postcode = r.postcode)`;
export const phoneMatches = sql<boolean>`(t.phone = r.phone)`;
export const addressMatches = sql<boolean>`(vendor_match_address(t.address) = vendor_match_address(r.address))`;
// Mail systems treat addresses case-insensitively in practice; a case difference is no other mailbox.
export const emailMatches = sql<boolean>`(lower(t.email) = lower(r.email))`;
export const registrationVouched = sql<boolean>`(r.confirmed_at is not null or r.source = 'import')`;

export const matchStatusSql = sql<MatchStatus>`(case
  when r.id is null then 'not_registered'
  when not ${registrationVouched} or not ${emailMatches} then 'needs_check'
  when ${nameMatches} and ${postcodeMatches} and ${phoneMatches} and ${addressMatches} then 'matched'
  else 'mismatched' end)`;

export interface MatchFlags {
  nameMatches: boolean | null;
  postcodeMatches: boolean | null;
  phoneMatches: boolean | null;
  addressMatches: boolean | null;
}

/** The fields that differ, in display order (none when not registered). */
export function differencesOf(flags: MatchFlags): MatchField[] {
  const byField: Record<MatchField, boolean | null> = {
    name: flags.nameMatches,
    postcode: flags.postcodeMatches,
    phone: flags.phoneMatches,
    address: flags.addressMatches,
  };
  return MATCH_FIELDS.filter((field) => byField[field] === false);
}

/** Why a registration is 要確認 (none when it is not, or when there is no registration). */
export function checkReasonsOf(flags: {
  registrationVouched: boolean | null;
  emailMatches: boolean | null;
}): CheckReason[] {
  const reasons: CheckReason[] = [];
  if (flags.registrationVouched === false) reasons.push("unconfirmed");
  if (flags.emailMatches === false) reasons.push("email_differs");
  return reasons;
}

/**
 * 照合: the ministry's snapshot (target_items) against the vendor's registration
 * with the same institution code; the SQL that compares them is in
 * @sos/db/repositories/registration (matchStatusSql and the fragments).
 *
 * The purchase link is a bearer credential mailed to the registration's address,
 * so who may receive it is decided before anything else: the address must be the
 * one on the ministry's list, and the registration must be vouched for — confirmed
 * by the institution (the one-time link to its registry address, or registered
 * while signed in as it) or the vendor's own customer file. Anything else is
 * 要確認 (needs_check) whatever the other details say, and is never sent in bulk.
 */

import { type CheckReason, MATCH_FIELDS, type MatchField } from "@sos/domain";

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

import { sql } from "kysely";

/**
 * 照合: the ministry's snapshot (alias `t`, target_items) against the vendor's
 * registration with the same institution code (alias `r`, left-joined). Names
 * and addresses are compared in the normal form of the SQL functions of
 * migration 0004 (vendor_match_text / vendor_match_address); postcodes and
 * phone numbers are stored normalised on both sides. Email is not compared: a
 * registered customer's own address is the one to use.
 */

export const MATCH_STATUSES = ["matched", "not_registered", "mismatched"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_STATUS_LABELS: Readonly<Record<MatchStatus, string>> = {
  matched: "照合済み",
  not_registered: "未登録",
  mismatched: "登録内容不一致",
};

export const MATCH_FIELDS = ["name", "postcode", "phone", "address"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export const MATCH_FIELD_LABELS: Readonly<Record<MatchField, string>> = {
  name: "施設名",
  postcode: "郵便番号",
  phone: "電話番号",
  address: "住所",
};

export const nameMatches = sql<boolean>`(vendor_match_text(t.name) = vendor_match_text(r.facility_name))`;
export const postcodeMatches = sql<boolean>`(t.postcode = r.postcode)`;
export const phoneMatches = sql<boolean>`(t.phone = r.phone)`;
export const addressMatches = sql<boolean>`(vendor_match_address(t.address) = vendor_match_address(r.address))`;

export const matchStatusSql = sql<MatchStatus>`(case
  when r.id is null then 'not_registered'
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

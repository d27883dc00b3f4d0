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

export const MATCH_STATUSES = ["matched", "not_registered", "mismatched", "needs_check"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_STATUS_LABELS: Readonly<Record<MatchStatus, string>> = {
  matched: "照合済み",
  not_registered: "未登録",
  mismatched: "登録内容不一致",
  needs_check: "要確認",
};

export const MATCH_FIELDS = ["name", "postcode", "phone", "address"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export const MATCH_FIELD_LABELS: Readonly<Record<MatchField, string>> = {
  name: "施設名",
  postcode: "郵便番号",
  phone: "電話番号",
  address: "住所",
};

/** Why a registration is held as 要確認, in display order. */
export const CHECK_REASONS = ["unconfirmed", "email_differs"] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];

export const CHECK_REASON_LABELS: Readonly<Record<CheckReason, string>> = {
  unconfirmed:
    "施設登録が確認されていません（国に届け出たメールアドレスに送った確認メールのリンクが開かれていません）",
  email_differs:
    "登録のメールアドレスが国のリストのメールアドレスと異なります（購入リンクは自動では送信しません）",
};

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

/** 照合: a target-list entry against the facility's registration with the same code. */
export const MATCH_STATUSES = ["matched", "not_registered", "mismatched", "needs_check"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_STATUS_LABELS: Readonly<Record<MatchStatus, string>> = {
  matched: "照合済み",
  not_registered: "未登録",
  mismatched: "登録内容不一致",
  // Unconfirmed by the institution, or under another address than the list's: no link goes out.
  needs_check: "要確認",
};

/**
 * The details compared, in display order. The email is compared apart: an address
 * other than the list's makes the registration 要確認, not 登録内容不一致.
 */
export const MATCH_FIELDS = ["name", "postcode", "phone", "address"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export const MATCH_FIELD_LABELS: Readonly<Record<MatchField, string>> = {
  name: "施設名",
  postcode: "郵便番号",
  phone: "電話番号",
  address: "住所",
};

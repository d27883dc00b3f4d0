/**
 * Where a target item's purchase link stands, as the vendor's list shows it: a
 * bought item is "used" whatever its link says, since the purchase right is spent.
 * "address_changed": revoked by a registry import that changed the institution's
 * e-mail address; the link must be sent again, to the registry's new address.
 */
export const LINK_STATES = [
  "none",
  "live",
  "expired",
  "revoked",
  "address_changed",
  "used",
] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LINK_STATE_LABELS: Readonly<Record<LinkState, string>> = {
  none: "未送信",
  live: "送信済み（有効）",
  expired: "有効期限切れ",
  revoked: "取消済み",
  address_changed: "メールアドレス変更により無効",
  used: "購入済み",
};

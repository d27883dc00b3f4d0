/**
 * Where a target item's purchase link stands, as the vendor's list shows it: a
 * bought item is "used" whatever its link says, since the purchase right is spent.
 */
export const LINK_STATES = ["none", "live", "expired", "revoked", "used"] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LINK_STATE_LABELS: Readonly<Record<LinkState, string>> = {
  none: "未送信",
  live: "送信済み（有効）",
  expired: "有効期限切れ",
  revoked: "取消済み",
  used: "購入済み",
};

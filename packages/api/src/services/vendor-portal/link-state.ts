import type { LinkState } from "@sos/domain";

/**
 * Where a target item's purchase link stands, from its live (or latest) link
 * and whether the item was bought: a bought item is "used" whatever its link
 * says, since the purchase right is spent.
 */
export function linkStateOf(
  link: {
    expiresAt: Date;
    revokedAt: Date | null;
    revokedForAddressChange?: boolean | null;
  } | null,
  ordered: boolean,
  now: Date,
): LinkState {
  if (ordered) return "used";
  if (link === null) return "none";
  if (link.revokedAt !== null) return link.revokedForAddressChange ? "address_changed" : "revoked";
  return link.expiresAt.getTime() > now.getTime() ? "live" : "expired";
}

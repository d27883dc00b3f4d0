import { hashToken } from "@sos/auth";
import type { Db } from "@sos/db";
import { findPurchaseLink, type PurchaseLinkRow } from "@sos/db/repositories/purchase-link";
import { DomainError } from "../../errors";
import type { PurchasePageOutput } from "../../schemas/storefront";
import { EMAILED_TOKEN_FORMAT } from "../vendor-portal/emailed-token";

/**
 * The token is the whole credential: whoever holds it acts for that institution,
 * once. An unknown, revoked or expired token gets one and the same answer, so
 * the page says nothing about which tokens exist. One exception: a link revoked
 * because the registry's address changed says so, since its holder (at the old
 * address) must learn where the new link goes; only a real token, 160 random
 * bits, reaches that answer.
 */

export type LinkRow = PurchaseLinkRow;

export async function findLink(db: Db, token: string, lock: boolean): Promise<LinkRow | null> {
  if (!EMAILED_TOKEN_FORMAT.test(token)) return null;
  return findPurchaseLink(db, hashToken(token), lock);
}

export function isUsable(link: LinkRow, now: Date): boolean {
  return link.revokedAt === null && link.expiresAt.getTime() > now.getTime();
}

/** Why a link that is not usable is refused. */
export function unusableLinkError(link: LinkRow): DomainError {
  return new DomainError(
    link.revokedForAddressChange ? "PURCHASE_LINK_ADDRESS_CHANGED" : "PURCHASE_LINK_INVALID",
  );
}

export function institutionOf(link: LinkRow): PurchasePageOutput["institution"] {
  return { name: link.registrationName ?? link.name, institutionCode: link.institutionCode };
}

import { sql } from "kysely";

/**
 * Why a purchase link was revoked, where the vendor's list and the storefront
 * must tell it: kept in the audit entry the revocation writes (no column of its
 * own), read back through the audit log's (target_type, target_id) index.
 */

/** The reason a registry import writes into the audit entry of each link it revokes. */
export const REGISTRY_EMAIL_REVOKE_REASON = "registry_email_changed";

/**
 * Whether link `pl` of item `t` was revoked by a change of the registry's address:
 * read from the audit entry the revocation wrote with it (target_item, indexed).
 */
export const revokedForAddressChangeSql = sql<boolean>`(pl.revoked_at is not null and exists (
  select 1 from audit_log a
  where a.target_type = 'target_item' and a.target_id = t.id::text
    and a.action = 'purchase_link.revoke'
    and a.details->>'linkId' = pl.id::text
    and a.details->>'reason' = ${REGISTRY_EMAIL_REVOKE_REASON}))`;

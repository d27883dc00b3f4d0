import { sql } from "kysely";
import type { Db } from "../connect";
import type { PaymentMethodColumn } from "../schema";
import { registrationVouched } from "./registration";

/**
 * ⑤ purchase links (purchase_links): one emailed token per target-list item,
 * stored as its hash.
 */

/** A link with its item (the ministry's data) and the item's vouched registration, if any. */
export interface PurchaseLinkRow {
  linkId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  targetItemId: string;
  institutionId: string;
  institutionCode: string;
  name: string;
  postcode: string;
  address: string;
  phone: string;
  limitSets: number;
  registrationName: string | null;
  registrationPostcode: string | null;
  registrationAddress: string | null;
  registrationPhone: string | null;
  registrationEmail: string | null;
  registrationPaymentMethod: PaymentMethodColumn | null;
  targetEmail: string;
}

/** The link with this token hash; `lock` takes the link row until the transaction ends. */
export async function findPurchaseLink(
  db: Db,
  tokenHash: string,
  lock: boolean,
): Promise<PurchaseLinkRow | null> {
  const result = await sql<PurchaseLinkRow>`
    select pl.id as link_id, pl.expires_at, pl.revoked_at, t.id as target_item_id,
      t.institution_id, t.institution_code, t.name, t.postcode, t.address, t.phone, t.limit_sets,
      t.email as target_email,
      r.facility_name as registration_name, r.postcode as registration_postcode,
      r.address as registration_address, r.phone as registration_phone,
      r.email as registration_email, r.payment_method as registration_payment_method
    from purchase_links pl
    join target_items t on t.id = pl.target_item_id
    -- Only a registration the institution confirmed (or the vendor's customer file) may
    -- prefill the delivery or receive the order mails; else the ministry's data serve.
    left join vendor_registrations r on r.institution_code = t.institution_code
      and ${registrationVouched}
    where pl.token_hash = ${tokenHash}
    ${lock ? sql`for update of pl` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

/**
 * Revokes the live links of the code's items not bought yet (their mail went to
 * an address the registration no longer has). Returns the revoked links' ids.
 */
export async function revokeLiveLinksOfCode(
  trx: Db,
  institutionCode: string,
  now: Date,
): Promise<string[]> {
  const revoked = await sql<{ id: string }>`
    update purchase_links pl set revoked_at = ${now}
    from target_items t
    where t.id = pl.target_item_id and t.institution_code = ${institutionCode}
      and pl.revoked_at is null
      and not exists (select 1 from orders o where o.target_item_id = t.id)
    returning pl.id`.execute(trx);
  return revoked.rows.map((link) => link.id);
}

import { sql } from "kysely";
import type { Db } from "../connect";
import type { PaymentMethodColumn } from "../schema";
import {
  emailMatches,
  type MatchStatusCode,
  matchStatusSql,
  registrationVouched,
} from "./registration";

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

// ---- sending links (set-based: the same few statements for one item or hundreds) ----

/** A target-list item with its registration's facts, as the link rules read it. */
export interface LockedItem {
  id: string;
  batchId: string;
  institutionCode: string;
  limitSets: number;
  matchStatus: MatchStatusCode;
  registrationVouched: boolean | null;
  emailMatches: boolean | null;
  registrationName: string | null;
  registrationEmail: string | null;
}

/** The items with their registration's facts, locked in id order (the same order everywhere). */
export async function lockItems(trx: Db, itemIds: readonly string[]): Promise<LockedItem[]> {
  const result = await sql<LockedItem>`
    select t.id, t.batch_id, t.institution_code, t.limit_sets, ${matchStatusSql} as match_status,
      ${registrationVouched} as registration_vouched, ${emailMatches} as email_matches,
      r.facility_name as registration_name, r.email as registration_email
    from target_items t
    left join vendor_registrations r on r.institution_code = t.institution_code
    where t.id = any(${itemIds}::uuid[])
    order by t.id
    for no key update of t`.execute(trx);
  return result.rows;
}

export interface LiveLink {
  id: string;
  expiresAt: Date;
}

/** The items' live (unrevoked) links, locked in item order. */
export async function lockLiveLinks(
  trx: Db,
  itemIds: readonly string[],
): Promise<Map<string, LiveLink>> {
  const rows = await trx
    .selectFrom("purchaseLinks")
    .select(["id", "targetItemId", "expiresAt"])
    .where("targetItemId", "in", itemIds)
    .where("revokedAt", "is", null)
    .orderBy("targetItemId")
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.targetItemId, { id: row.id, expiresAt: row.expiresAt }]));
}

/** Asked only once the live links are locked: a purchase that got there first is seen. */
export async function ordersAndLinks(
  trx: Db,
  itemIds: readonly string[],
): Promise<{ ordered: Set<string>; linked: Set<string> }> {
  const rows = await sql<{ id: string; ordered: boolean; linked: boolean }>`
    select i.id,
      exists (select 1 from orders o where o.target_item_id = i.id) as ordered,
      exists (select 1 from purchase_links l where l.target_item_id = i.id) as linked
    from unnest(${itemIds}::uuid[]) as i(id)`.execute(trx);
  return {
    ordered: new Set(rows.rows.filter((row) => row.ordered).map((row) => row.id)),
    linked: new Set(rows.rows.filter((row) => row.linked).map((row) => row.id)),
  };
}

export async function revokeLinkById(trx: Db, linkId: string, now: Date): Promise<void> {
  await trx.updateTable("purchaseLinks").set({ revokedAt: now }).where("id", "=", linkId).execute();
}

export async function revokeLinks(trx: Db, linkIds: readonly string[], now: Date): Promise<void> {
  await trx
    .updateTable("purchaseLinks")
    .set({ revokedAt: now })
    .where("id", "in", linkIds)
    .execute();
}

/**
 * The new links, their sends (each naming its outbox mail) and one audit entry
 * per item, in one statement; the arrays run in parallel, one entry per link.
 */
export async function insertLinksSendsAndAudit(
  trx: Db,
  {
    linkIds,
    itemIds,
    tokenHashes,
    mailIds,
    actions,
    details,
    expiresAt,
    now,
    actor,
  }: {
    linkIds: readonly string[];
    itemIds: readonly string[];
    tokenHashes: readonly string[];
    mailIds: readonly string[];
    actions: readonly string[];
    /** JSON text. */
    details: readonly string[];
    expiresAt: Date;
    now: Date;
    actor: { userId: string; ip: string | null };
  },
): Promise<void> {
  // The sends name links written by a sibling: foreign keys are checked at the statement's end.
  await sql`
    with links as (
      insert into purchase_links (id, target_item_id, token_hash, expires_at, created_at, created_by)
      select link_id, item_id, token_hash, ${expiresAt}, ${now}, ${actor.userId}
      from unnest(${linkIds}::uuid[], ${itemIds}::uuid[],
        ${tokenHashes}::text[]) as u(link_id, item_id, token_hash)
    ), sends as (
      insert into purchase_link_sends (purchase_link_id, mail_id, sent_by, at)
      select link_id, mail_id, ${actor.userId}, ${now}
      from unnest(${linkIds}::uuid[], ${mailIds}::uuid[]) as u(link_id, mail_id)
    )
    insert into audit_log (action, actor_user_id, actor_role, target_type, target_id, ip, details)
    select action, ${actor.userId}, 'vendor', 'target_item', item_id, ${actor.ip}, details::jsonb
    from unnest(${actions}::text[], ${itemIds}::text[],
      ${details}::text[]) with ordinality as u(action, item_id, details, n)
    order by n`.execute(trx);
}

import { type Insertable, type RawBuilder, sql } from "kysely";
import type { Db } from "../connect";
import type { PaymentMethodColumn, PurchaseLinkRunsTable } from "../schema";
import { REGISTRY_EMAIL_REVOKE_REASON, revokedForAddressChangeSql } from "./link-revoke-reason";
import {
  emailMatches,
  type MatchStatusCode,
  matchStatusSql,
  registrationVouched,
  registryEmail,
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
  /** Revoked because the registry's e-mail address changed (see revokeLinksForRegistryEmail). */
  revokedForAddressChange: boolean;
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
      r.email as registration_email, r.payment_method as registration_payment_method,
      ${revokedForAddressChangeSql} as revoked_for_address_change
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

/** A link its institution can still buy with: unrevoked, unexpired, its item (`t`) not bought. */
function usableLinkSql(now: Date) {
  return sql<boolean>`(pl.revoked_at is null and pl.expires_at > ${now}
    and not exists (select 1 from orders o where o.target_item_id = t.id))`;
}

/**
 * How many links of these institutions are usable at `now`, read only: what a
 * registry apply changing their addresses would revoke (the console's preview).
 */
export async function countUsableLinksOfCodes(
  db: Db,
  institutionCodes: readonly string[],
  now: Date,
): Promise<number> {
  if (institutionCodes.length === 0) return 0;
  const result = await sql<{ links: number }>`
    select count(*)::int as links
    from purchase_links pl
    join target_items t on t.id = pl.target_item_id
    where t.institution_code = any(${institutionCodes}::text[]) and ${usableLinkSql(now)}`.execute(
    db,
  );
  return result.rows[0]?.links ?? 0;
}

export interface RegistryEmailChange {
  institutionCode: string;
  oldEmail: string;
  newEmail: string;
}

/**
 * Revokes every still usable link (unrevoked, unexpired, its item not bought) of
 * the institutions whose registry address changed, and audits each with the
 * reason, in one statement. Returns how many links each code lost.
 */
export async function revokeLinksForRegistryEmail(
  trx: Db,
  changes: readonly RegistryEmailChange[],
  {
    now,
    actor,
    uploadId,
  }: { now: Date; actor: { userId: string | null; role: string | null }; uploadId: string | null },
): Promise<Map<string, number>> {
  if (changes.length === 0) return new Map();
  // As a send does: a send that got there first has committed its link (revoked
  // below); one that comes later reads the new address and no longer matches.
  await lockItemRows(
    trx,
    sql<boolean>`t.institution_code = any(${changes.map((c) => c.institutionCode)}::text[])`,
  );
  const revoked = await sql<{ institutionCode: string; links: number }>`
    with changed as (
      select * from unnest(${changes.map((c) => c.institutionCode)}::text[],
        ${changes.map((c) => c.oldEmail)}::text[], ${changes.map((c) => c.newEmail)}::text[])
        as c(code, old_email, new_email)
    ), revoked as (
      update purchase_links pl set revoked_at = ${now}
      from target_items t, changed c
      where t.id = pl.target_item_id and t.institution_code = c.code
        and ${usableLinkSql(now)}
      returning pl.id as link_id, t.id as item_id, t.batch_id, c.code, c.old_email, c.new_email
    ), audited as (
      insert into audit_log (action, actor_user_id, actor_role, target_type, target_id, details)
      select 'purchase_link.revoke', ${actor.userId}::uuid, ${actor.role}, 'target_item',
        r.item_id::text, jsonb_build_object('reason', ${REGISTRY_EMAIL_REVOKE_REASON}::text,
          'linkId', r.link_id, 'batchId', r.batch_id, 'institutionCode', r.code,
          'oldEmail', r.old_email, 'newEmail', r.new_email, 'registryUploadId', ${uploadId}::text)
      from revoked r order by r.item_id
    )
    select code as institution_code, count(*)::int as links from revoked group by code`.execute(
    trx,
  );
  return new Map(revoked.rows.map((row) => [row.institutionCode, row.links]));
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
  /** The address the ministry's registry holds for the institution now. */
  registryEmail: string;
}

/** Locks the items in id order (the same order everywhere): sends and registry applies queue. */
async function lockItemRows(trx: Db, where: RawBuilder<boolean>): Promise<void> {
  await sql`select t.id from target_items t where ${where} order by t.id
    for no key update of t`.execute(trx);
}

/**
 * The items with their registration's facts, locked. The facts are read after the
 * lock, in a statement of their own: a registry apply that held the items (and
 * changed the institution's address) is seen once it committed, never the
 * address from before it.
 */
export async function lockItems(trx: Db, itemIds: readonly string[]): Promise<LockedItem[]> {
  await lockItemRows(trx, sql<boolean>`t.id = any(${itemIds}::uuid[])`);
  const result = await sql<LockedItem>`
    select t.id, t.batch_id, t.institution_code, t.limit_sets, ${matchStatusSql} as match_status,
      ${registrationVouched} as registration_vouched, ${emailMatches} as email_matches,
      r.facility_name as registration_name, r.email as registration_email,
      ${registryEmail} as registry_email
    from target_items t
    left join vendor_registrations r on r.institution_code = t.institution_code
    where t.id = any(${itemIds}::uuid[])
    order by t.id`.execute(trx);
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

// ---- link runs (purchase_link_runs, purchase_link_run_items) ----

/** Writes the run unless one with this id exists; returns whether it was written. */
export async function insertRunIfNew(
  trx: Db,
  run: Insertable<PurchaseLinkRunsTable> & { id: string },
): Promise<boolean> {
  const inserted = await trx
    .insertInto("purchaseLinkRuns")
    .values(run)
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function batchIdOfRun(db: Db, runId: string): Promise<string> {
  const existing = await db
    .selectFrom("purchaseLinkRuns")
    .select("batchId")
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
  return existing.batchId;
}

/** The run's items: the batch's (or these of it); returns the item ids written. */
export async function insertRunItems(
  trx: Db,
  runId: string,
  batchId: string,
  itemIds: readonly string[] | null,
): Promise<string[]> {
  const items = await sql<{ id: string }>`
    insert into purchase_link_run_items (run_id, target_item_id)
    select ${runId}, t.id from target_items t
    where t.batch_id = ${batchId}
      ${itemIds === null ? sql`` : sql`and t.id = any(${itemIds}::uuid[])`}
    returning target_item_id as id`.execute(trx);
  return items.rows.map((row) => row.id);
}

export async function setRunTotal(trx: Db, runId: string, total: number): Promise<void> {
  await trx.updateTable("purchaseLinkRuns").set({ total }).where("id", "=", runId).execute();
}

/** Each item's outcome on its run item, in one statement (parallel arrays). */
export async function recordRunOutcomes(
  trx: Db,
  runId: string,
  {
    itemIds,
    states,
    linkIds,
    reasons,
  }: {
    itemIds: readonly string[];
    states: readonly ("sent" | "skipped")[];
    linkIds: readonly (string | null)[];
    reasons: readonly (string | null)[];
  },
  now: Date,
): Promise<void> {
  await sql`
    update purchase_link_run_items i
    set state = u.state, purchase_link_id = u.link_id, reason = u.reason, done_at = ${now}
    from unnest(${itemIds}::uuid[], ${states}::text[], ${linkIds}::uuid[], ${reasons}::text[])
      as u(item_id, state, link_id, reason)
    where i.run_id = ${runId} and i.target_item_id = u.item_id`.execute(trx);
}

/**
 * Claims up to `limit` pending items of the run (or the one named) until the
 * transaction ends; items another transaction holds are skipped (SKIP LOCKED).
 */
export async function claimPendingRunItems(
  trx: Db,
  runId: string,
  take: { limit: number } | { itemId: string },
): Promise<string[]> {
  const next = await sql<{ targetItemId: string }>`
    select target_item_id from purchase_link_run_items
    where run_id = ${runId} and state = 'pending'
      ${"itemId" in take ? sql`and target_item_id = ${take.itemId}` : sql``}
    order by target_item_id
    limit ${"itemId" in take ? 1 : take.limit}
    for update skip locked`.execute(trx);
  return next.rows.map((row) => row.targetItemId);
}

export async function markRunItemFailed(
  db: Db,
  runId: string,
  itemId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("purchaseLinkRunItems")
    .set({ state: "failed", reason: "error", doneAt: now })
    .where("runId", "=", runId)
    .where("targetItemId", "=", itemId)
    .where("state", "=", "pending")
    .execute();
}

/** Locks the run's pending items (waiting for whoever holds them); returns how many there are. */
export async function lockPendingRunItems(trx: Db, runId: string): Promise<number> {
  const rows = await sql`
    select target_item_id from purchase_link_run_items
    where run_id = ${runId} and state = 'pending'
    for update`.execute(trx);
  return rows.rows.length;
}

export async function runSettings(db: Db, runId: string) {
  return db
    .selectFrom("purchaseLinkRuns")
    .select(["id", "resend", "allowMismatched"])
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
}

/** Marks the run finished once no item is pending. */
export async function finishRunIfDone(db: Db, runId: string, now: Date): Promise<void> {
  await sql`
    update purchase_link_runs set finished_at = ${now}
    where id = ${runId} and finished_at is null
      and not exists (
        select 1 from purchase_link_run_items where run_id = ${runId} and state = 'pending'
      )`.execute(db);
}

export async function findRun(db: Db, runId: string) {
  return db.selectFrom("purchaseLinkRuns").selectAll().where("id", "=", runId).executeTakeFirst();
}

/** The run's items counted by state and reason. */
export async function runItemCounts(db: Db, runId: string) {
  return db
    .selectFrom("purchaseLinkRunItems")
    .select(["state", "reason", sql<number>`count(*)::int`.as("count")])
    .where("runId", "=", runId)
    .groupBy(["state", "reason"])
    .execute();
}

export async function latestRunIdOfBatch(db: Db, batchId: string): Promise<string | undefined> {
  const run = await db
    .selectFrom("purchaseLinkRuns")
    .select("id")
    .where("batchId", "=", batchId)
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return run?.id;
}

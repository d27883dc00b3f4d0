import { type RawBuilder, sql } from "kysely";
import type { Db } from "../connect";
import { streamRows } from "../cursor";

/**
 * ④ 対象医療機関リスト: numbered batches of approved requests handed to the
 * vendor, each item a copy of what the vendor needs as it was when issued.
 */

/** Serialises issuing: the next number and "not yet handed over" are decided by one issuer at a time. */
const ISSUE_LOCK = 742_104;

/** On aliases ma (approval) and r (request): approved, and on no target list yet. */
const PENDING_CONDITION: RawBuilder<boolean> = sql<boolean>`ma.target_batch_id is null and r.status = 'accepted'`;

/** Takes the issuing lock until the transaction ends. */
export async function lockIssuing(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ISSUE_LOCK})`.execute(trx);
}

/** How many approved requests wait for the next list, and their sets. */
export async function pendingTotals(db: Db): Promise<{ count: number; sets: number }> {
  return db
    .selectFrom("ministryApprovals as ma")
    .innerJoin("sosRequests as r", "r.id", "ma.requestId")
    .select([
      sql<number>`count(*)::int`.as("count"),
      sql<number>`coalesce(sum(ma.quantity_sets), 0)::int`.as("sets"),
    ])
    .where(PENDING_CONDITION)
    .executeTakeFirstOrThrow();
}

export async function lastBatchNumber(db: Db): Promise<number | null> {
  const last = await db
    .selectFrom("targetBatches")
    .select((eb) => eb.fn.max("number").as("number"))
    .executeTakeFirst();
  return last?.number ?? null;
}

export async function insertBatch(
  db: Db,
  batch: { number: number; issuedAt: Date; issuedBy: string },
): Promise<{ id: string }> {
  return db.insertInto("targetBatches").values(batch).returning("id").executeTakeFirstOrThrow();
}

/** The institutions of the pending requests with their phone and postcode, once each. */
export async function pendingContacts(db: Db) {
  const { rows } = await sql<{ id: string; phone: string; postcode: string }>`
      select distinct i.id, i.phone, i.postcode
      from ministry_approvals ma
      join sos_requests r on r.id = ma.request_id
      join institutions i on i.id = r.institution_id
      where ${PENDING_CONDITION}`.execute(db);
  return rows;
}

/** Hyphenated phone numbers and postcodes by row id, as column arrays for SQL's unnest. */
export interface DisplayForms {
  ids: string[];
  phones: string[];
  postcodes: string[];
  phoneDisplays: string[];
  postcodeDisplays: string[];
}

/**
 * Copies every pending request onto the batch as an item, with the display
 * forms of its institution's phone and postcode when they are still the ones
 * `forms` was made from (an institution edited in between keeps null forms).
 */
export async function insertPendingItems(db: Db, batchId: string, forms: DisplayForms) {
  const { rows } = await sql<{ requestId: string; limitSets: number }>`
      insert into target_items (batch_id, request_id, institution_id, institution_code, name,
        prefecture_code, postcode, address, phone, contact_name, email, limit_sets,
        phone_display, postcode_display)
      select ${batchId}, r.id, i.id, i.code, i.name, i.prefecture_code, i.postcode, i.address,
        i.phone, coalesce(nullif(r.contact_name, ''), i.contact_name), i.email, ma.quantity_sets,
        case when d.phone = i.phone then d.phone_display end,
        case when d.postcode = i.postcode then d.postcode_display end
      from ministry_approvals ma
      join sos_requests r on r.id = ma.request_id
      join institutions i on i.id = r.institution_id
      left join unnest(${forms.ids}::uuid[], ${forms.phones}::text[], ${forms.postcodes}::text[],
        ${forms.phoneDisplays}::text[], ${forms.postcodeDisplays}::text[])
        as d(institution_id, phone, postcode, phone_display, postcode_display)
        on d.institution_id = i.id
      where ${PENDING_CONDITION}
      order by r.prefecture_code, i.code
      returning request_id, limit_sets`.execute(db);
  return rows;
}

/** Marks the approvals of the batch's items as handed over on it. */
export async function assignApprovalsToBatch(db: Db, batchId: string): Promise<void> {
  await sql`
      update ministry_approvals ma set target_batch_id = ${batchId}
      from target_items t where t.batch_id = ${batchId} and ma.request_id = t.request_id`.execute(
    db,
  );
}

export async function setBatchTotals(
  db: Db,
  batchId: string,
  totals: { itemCount: number; totalSets: number },
): Promise<void> {
  await db.updateTable("targetBatches").set(totals).where("id", "=", batchId).execute();
}

/** The hand_over entry in the history of every request on the batch. */
export async function insertHandOverHistory(
  db: Db,
  entry: { batchId: string; number: number; at: Date; actorUserId: string; actorRole: string },
): Promise<void> {
  await sql`
      insert into sos_request_history (request_id, at, actor_user_id, actor_role, action,
        from_status, to_status, changes)
      select t.request_id, ${entry.at}, ${entry.actorUserId}, ${entry.actorRole}, 'hand_over', 'accepted', 'accepted',
        jsonb_build_object('batchId', t.batch_id, 'batchNumber', ${entry.number}::int, 'limitSets', t.limit_sets)
      from target_items t where t.batch_id = ${entry.batchId}`.execute(db);
}

/** The vendor's users who can sign in, to be told of a new list. */
export async function activeVendorUsers(db: Db) {
  return db
    .selectFrom("users")
    .select(["displayName", "email"])
    .where("role", "=", "vendor")
    .where("disabledAt", "is", null)
    .orderBy("username")
    .execute();
}

function batchSummaries(db: Db) {
  return db
    .selectFrom("targetBatches as b")
    .innerJoin("users as u", "u.id", "b.issuedBy")
    .select([
      "b.id",
      "b.number",
      "b.issuedAt",
      "b.issuedBy",
      "u.displayName",
      "b.itemCount",
      "b.totalSets",
    ]);
}
export type BatchSummaryRow = Awaited<
  ReturnType<ReturnType<typeof batchSummaries>["execute"]>
>[number];

/** Every batch, the newest first, with who issued it. */
export async function listBatchSummaries(db: Db): Promise<BatchSummaryRow[]> {
  return batchSummaries(db).orderBy("b.number", "desc").execute();
}

export async function findBatchSummary(
  db: Db,
  batchId: string,
): Promise<BatchSummaryRow | undefined> {
  return batchSummaries(db).where("b.id", "=", batchId).executeTakeFirst();
}

/** A batch's items with their prefecture's name, in prefecture and code order. */
export async function listBatchItems(db: Db, batchId: string) {
  return db
    .selectFrom("targetItems as t")
    .innerJoin("prefectures as p", "p.code", "t.prefectureCode")
    .select([
      "t.id",
      "t.requestId",
      "t.institutionId",
      "t.institutionCode",
      "t.name",
      "t.prefectureCode",
      "p.name as prefectureName",
      "t.postcode",
      "t.address",
      "t.phone",
      "t.contactName",
      "t.email",
      "t.limitSets",
    ])
    .where("t.batchId", "=", batchId)
    .orderBy("t.prefectureCode")
    .orderBy("t.institutionCode")
    .execute();
}

/** One item as the file query returns it (arrays, in this column order). */
export type ListFileRow = [
  name: string,
  institutionCode: string,
  prefectureName: string,
  postcode: string | null,
  postcodeDisplay: string | null,
  address: string,
  phone: string | null,
  phoneDisplay: string | null,
  contactName: string,
  email: string,
  limitSets: number,
];

/**
 * A list's items in the file's order (the order the ministry hands them over in),
 * `rowsPerRead` at a time through a cursor (see streamRows). The raw phone and
 * postcode come only where no display form was written.
 */
export function streamListFileRows(
  db: Db,
  batchId: string,
  options: { rowsPerRead?: number } = {},
): AsyncGenerator<ListFileRow[], void, undefined> {
  const query = sql`
    select t.name, t.institution_code, p.name,
      case when t.postcode_display is null then t.postcode end, t.postcode_display, t.address,
      case when t.phone_display is null then t.phone end, t.phone_display, t.contact_name, t.email,
      t.limit_sets
    from target_items t join prefectures p on p.code = t.prefecture_code
    where t.batch_id = ${batchId}
    order by t.prefecture_code, t.institution_code, t.id`.compile(db);
  return streamRows(db, query, options) as AsyncGenerator<ListFileRow[], void, undefined>;
}

/** Up to `limit` items of a batch lacking a display form. */
export async function itemsLackingDisplayForms(db: Db, batchId: string, limit: number) {
  return db
    .selectFrom("targetItems")
    .select(["id", "phone", "postcode"])
    .where("batchId", "=", batchId)
    .where((eb) => eb.or([eb("phoneDisplay", "is", null), eb("postcodeDisplay", "is", null)]))
    .limit(limit)
    .execute();
}

/** Writes display forms onto items by id (forms.ids are item ids here). */
export async function writeDisplayForms(db: Db, forms: DisplayForms): Promise<void> {
  await sql`
      update target_items t set phone_display = d.phone_display, postcode_display = d.postcode_display
      from unnest(${forms.ids}::uuid[], ${forms.phoneDisplays}::text[],
        ${forms.postcodeDisplays}::text[]) as d(id, phone_display, postcode_display)
      where t.id = d.id`.execute(db);
}

/** The stored Shift_JIS check of a batch (null: not decided yet); undefined: no such batch. */
export async function findCp932Check(
  db: Db,
  batchId: string,
): Promise<{ cp932Check: unknown } | undefined> {
  return db
    .selectFrom("targetBatches")
    .select("cp932Check")
    .where("id", "=", batchId)
    .executeTakeFirst();
}

export async function storeCp932CheckJson(db: Db, batchId: string, check: unknown): Promise<void> {
  await db
    .updateTable("targetBatches")
    .set({ cp932Check: JSON.stringify(check) })
    .where("id", "=", batchId)
    .execute();
}

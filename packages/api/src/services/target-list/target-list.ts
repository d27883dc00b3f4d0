import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { PIECES_PER_SET } from "@sos/rules";
import { sql } from "kysely";
import { appBaseUrl } from "../../apps";
import { DomainError } from "../../errors";
import type { ReviewActor } from "../review/actor";
import { targetListIssuedMail } from "../review/mails";
import type { MailConfig } from "../sos/commands";
import { storeCp932Check } from "./target-list-check";
import { displayForms, fillDisplayForms } from "./target-list-rows";

/** Serialises issuing: the next number and "not yet handed over" are decided by one issuer at a time. */
const ISSUE_LOCK = 742_104;

export interface TargetBatchSummary {
  id: string;
  number: number;
  issuedAt: Date;
  issuedBy: { id: string; displayName: string };
  itemCount: number;
  totalSets: number;
  totalPieces: number;
}

export interface TargetItemView {
  id: string;
  requestId: string;
  institutionId: string;
  institutionCode: string;
  name: string;
  prefectureCode: number;
  prefectureName: string;
  postcode: string;
  address: string;
  phone: string;
  contactName: string;
  email: string;
  limitSets: number;
  limitPieces: number;
}

export interface TargetBatchDetail extends TargetBatchSummary {
  items: TargetItemView[];
}

export interface PendingHandOver {
  /** Accepted requests not on any list yet. */
  count: number;
  sets: number;
}

/** On aliases ma (approval) and r (request): approved, and on no target list yet. */
const PENDING_CONDITION = sql<boolean>`ma.target_batch_id is null and r.status = 'accepted'`;

export async function pendingHandOver(db: Db): Promise<PendingHandOver> {
  const row = await db
    .selectFrom("ministryApprovals as ma")
    .innerJoin("sosRequests as r", "r.id", "ma.requestId")
    .select([
      sql<number>`count(*)::int`.as("count"),
      sql<number>`coalesce(sum(ma.quantity_sets), 0)::int`.as("sets"),
    ])
    .where(PENDING_CONDITION)
    .executeTakeFirstOrThrow();
  return { count: row.count, sets: row.sets };
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

type SummaryRow = Awaited<ReturnType<ReturnType<typeof batchSummaries>["execute"]>>[number];

function toSummary(row: SummaryRow): TargetBatchSummary {
  return {
    id: row.id,
    number: row.number,
    issuedAt: row.issuedAt,
    issuedBy: { id: row.issuedBy, displayName: row.displayName },
    itemCount: row.itemCount,
    totalSets: row.totalSets,
    totalPieces: row.totalSets * PIECES_PER_SET,
  };
}

/**
 * ④ 対象医療機関リスト: hands every accepted request that is not on a list yet
 * to the vendor as the next numbered batch. Each item copies what the vendor
 * needs as it is now (name, code, address, postcode, phone, the request's
 * contact, email, the approved quantity), so later edits do not change a list
 * already sent. Under an advisory lock, so two ministry officers issuing at
 * once produce one batch and a refusal, never two batches sharing a request
 * (target_items.request_id is unique as well). The vendor's users are emailed.
 */
export async function issueTargetList(
  db: Db,
  { actor, now, mail }: { actor: ReviewActor; now: Date; mail: MailConfig },
): Promise<TargetBatchSummary> {
  const batchId = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ISSUE_LOCK})`.execute(trx);
    const pending = await pendingHandOver(trx);
    if (pending.count === 0) throw new DomainError("NOTHING_TO_ISSUE");

    const last = await trx
      .selectFrom("targetBatches")
      .select((eb) => eb.fn.max("number").as("number"))
      .executeTakeFirst();
    const number = (last?.number ?? 0) + 1;
    const batch = await trx
      .insertInto("targetBatches")
      .values({ number, issuedAt: now, issuedBy: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();

    // Phone numbers and postcodes as the list shows them, formatted once here rather
    // than on every download (libphonenumber costs more than reading the row).
    const contacts = await sql<{ id: string; phone: string; postcode: string }>`
      select distinct i.id, i.phone, i.postcode
      from ministry_approvals ma
      join sos_requests r on r.id = ma.request_id
      join institutions i on i.id = r.institution_id
      where ${PENDING_CONDITION}`.execute(trx);
    const forms = displayForms(contacts.rows);
    // An institution edited in between keeps null forms: the download formats those itself.
    const inserted = await sql<{ requestId: string; limitSets: number }>`
      insert into target_items (batch_id, request_id, institution_id, institution_code, name,
        prefecture_code, postcode, address, phone, contact_name, email, limit_sets,
        phone_display, postcode_display)
      select ${batch.id}, r.id, i.id, i.code, i.name, i.prefecture_code, i.postcode, i.address,
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
      returning request_id, limit_sets`.execute(trx);
    await sql`
      update ministry_approvals ma set target_batch_id = ${batch.id}
      from target_items t where t.batch_id = ${batch.id} and ma.request_id = t.request_id`.execute(
      trx,
    );
    const itemCount = inserted.rows.length;
    const totalSets = inserted.rows.reduce((sum, row) => sum + row.limitSets, 0);
    await trx
      .updateTable("targetBatches")
      .set({ itemCount, totalSets })
      .where("id", "=", batch.id)
      .execute();

    await sql`
      insert into sos_request_history (request_id, at, actor_user_id, actor_role, action,
        from_status, to_status, changes)
      select t.request_id, ${now}, ${actor.userId}, ${actor.role}, 'hand_over', 'accepted', 'accepted',
        jsonb_build_object('batchId', t.batch_id, 'batchNumber', ${number}::int, 'limitSets', t.limit_sets)
      from target_items t where t.batch_id = ${batch.id}`.execute(trx);
    await appendAudit(trx, {
      action: "target_list.issue",
      actorUserId: actor.userId,
      actorRole: actor.role,
      targetType: "target_batch",
      targetId: batch.id,
      ip: actor.ip,
      details: { number, itemCount, totalSets },
    });

    const vendors = await trx
      .selectFrom("users")
      .select(["displayName", "email"])
      .where("role", "=", "vendor")
      .where("disabledAt", "is", null)
      .orderBy("username")
      .execute();
    const link = `${appBaseUrl(mail.publicBaseUrl, "vendor")}/target-lists/${batch.id}`;
    for (const vendor of vendors) {
      const { subject, text } = targetListIssuedMail(
        vendor.displayName,
        { number, issuedAt: now, itemCount, totalSets },
        link,
      );
      await enqueueMail(trx, {
        kind: "target_list_issued",
        to: vendor.email,
        from: mail.mailFrom,
        subject,
        text,
      });
    }
    return batch.id;
  });
  // The list is issued whatever happens here: without its forms and check, a
  // download only takes longer (it works them out), so a failure is not the officer's.
  await finishTargetBatch(db, batchId).catch(() => {});
  const summary = await batchSummaries(db).where("b.id", "=", batchId).executeTakeFirstOrThrow();
  return toSummary(summary);
}

/**
 * What an issued list keeps besides its rows: every item's display forms and
 * whether Shift_JIS holds the list (target-list-check.ts). Run after issuing,
 * outside its transaction (the check reads the list through a cursor of its own);
 * also for a list written by other means (a bench, a list from before 0012).
 * If it never runs, downloads work these out themselves, only slower.
 */
export async function finishTargetBatch(db: Db, batchId: string): Promise<void> {
  await fillDisplayForms(db, batchId);
  await storeCp932Check(db, batchId);
}

/** Every batch, the newest first, with what is waiting for the next one. */
export async function listTargetBatches(
  db: Db,
): Promise<{ batches: TargetBatchSummary[]; pending: PendingHandOver }> {
  const [rows, pending] = await Promise.all([
    batchSummaries(db).orderBy("b.number", "desc").execute(),
    pendingHandOver(db),
  ]);
  return { batches: rows.map(toSummary), pending };
}

export async function targetBatchItems(db: Db, batchId: string): Promise<TargetItemView[]> {
  const rows = await db
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
  return rows.map((row) => ({ ...row, limitPieces: row.limitSets * PIECES_PER_SET }));
}

export async function findTargetBatch(db: Db, batchId: string): Promise<TargetBatchSummary> {
  const row = await batchSummaries(db).where("b.id", "=", batchId).executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND");
  return toSummary(row);
}

export async function getTargetBatch(db: Db, batchId: string): Promise<TargetBatchDetail> {
  const [summary, items] = await Promise.all([
    findTargetBatch(db, batchId),
    targetBatchItems(db, batchId),
  ]);
  return { ...summary, items };
}

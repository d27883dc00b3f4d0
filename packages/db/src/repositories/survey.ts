import { type QueryResult, type Selectable, sql } from "kysely";
import { compiledStatement } from "../compiled";
import type { Db } from "../connect";
import type { WeeklySurveysTable } from "../schema";

/**
 * 週次調査 (weekly_surveys) and its receipts (survey_receipts). The answer's two
 * statements are performance-tuned: one round trip to save, a second only to
 * replay a retry; named prepared statements (see compiled.ts).
 */

export type SurveyRow = Selectable<WeeklySurveysTable>;
/** The row with who answered it and its latest receipt (受付番号), if any. */
export type SurveyRecord = SurveyRow & {
  answeredByName: string | null;
  receiptNumber: string | null;
  receiptAcceptedAt: Date | null;
  /** 代理入力: the delegate organisation that entered the latest answer, and the institution's name. */
  delegateName: string | null;
  institutionName: string | null;
};

/**
 * Makes sure the institution's record for the week exists (the weekly job may
 * not have reached it yet). Concurrent callers are safe: the unique
 * (institution_id, week_start) lets one insert win and the others skip.
 */
export async function ensureSurvey(
  db: Db,
  institutionId: string,
  weekStart: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("weeklySurveys")
    .values({ institutionId, weekStart, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.columns(["institutionId", "weekStart"]).doNothing())
    .execute();
}

function recordQuery(db: Db) {
  return db
    .selectFrom("weeklySurveys as s")
    .leftJoin("users as u", "u.id", "s.answeredBy")
    .leftJoin("delegateOrganisations as d", "d.id", "s.answeredByDelegateId")
    .innerJoin("institutions as i", "i.id", "s.institutionId")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("surveyReceipts as r")
          .select(["r.number", "r.acceptedAt"])
          .whereRef("r.institutionId", "=", "s.institutionId")
          .whereRef("r.weekStart", "=", "s.weekStart")
          .orderBy("r.id", "desc")
          .limit(1)
          .as("latest"),
      (join) => join.onTrue(),
    )
    .selectAll("s")
    .select([
      "u.displayName as answeredByName",
      "latest.number as receiptNumber",
      "latest.acceptedAt as receiptAcceptedAt",
      "d.name as delegateName",
      "i.name as institutionName",
    ]);
}

/** Another institution's id finds nothing, exactly like an unknown id. */
export async function findSurvey(
  db: Db,
  institutionId: string,
  id: string,
): Promise<SurveyRecord | undefined> {
  return recordQuery(db)
    .where("s.id", "=", id)
    .where("s.institutionId", "=", institutionId)
    .executeTakeFirst();
}

export async function findSurveyOfWeek(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRecord | undefined> {
  return recordQuery(db)
    .where("s.institutionId", "=", institutionId)
    .where("s.weekStart", "=", weekStart)
    .executeTakeFirst();
}

/** The week and the figures of an institution's survey (what an SOS request's check points at). */
export async function findSurveyFigures(db: Db, institutionId: string, id: string) {
  return db
    .selectFrom("weeklySurveys")
    .select(["weekStart", "stock", "consumption", "purchases"])
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .executeTakeFirst();
}

/** Row-locks the survey of a week (answers and the SOS system check serialise on it). */
export async function lockSurveyOfWeek(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRow | undefined> {
  return db
    .selectFrom("weeklySurveys")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where("weekStart", "=", weekStart)
    .forUpdate()
    .executeTakeFirst();
}

/** The latest answered survey of a week before `weekStart`: what "copy last answers" copies. */
export async function latestAnsweredBefore(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRow | undefined> {
  return db
    .selectFrom("weeklySurveys")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where("weekStart", "<", weekStart)
    .where("answeredAt", "is not", null)
    .orderBy("weekStart", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Newest week first; `before` is the last week of the previous page. */
export async function listSurveyRecords(
  db: Db,
  institutionId: string,
  { before, limit }: { before: string | null; limit: number },
): Promise<SurveyRecord[]> {
  let query = recordQuery(db).where("s.institutionId", "=", institutionId);
  if (before !== null) query = query.where("s.weekStart", "<", before);
  return query.orderBy("s.weekStart", "desc").limit(limit).execute();
}

/** The figures to save: typed by the institution, or the latest earlier answer's (copy). */
export type AnswerSource =
  | { kind: "figures"; figures: { stock: number; consumption: number; purchases: number } }
  | { kind: "copyPrevious" };

export interface SaveAnswerInput {
  /** delegateOrganisationId: 代理入力, recorded on the survey, the receipt and the audit entry. */
  actor: {
    userId: string;
    institutionId: string;
    ip: string | null;
    delegateOrganisationId: string | null;
  };
  surveyId: string;
  /** The survey week open at the acceptance time: only its record may be saved. */
  openWeekStart: string;
  source: AnswerSource;
  /** When the server took the request in; becomes answered_at and the receipt's time. */
  acceptedAt: Date;
  /** When it is written (later than acceptedAt when the request queued). */
  storedAt: Date;
  idempotencyKey: string | null;
}

/** What the statement returns; every column but the target's is null when nothing was saved. */
export interface SaveAnswerRow {
  id: string;
  institutionId: string;
  weekStart: string;
  createdAt: Date;
  receiptNumber: string | null;
  receiptAcceptedAt: Date | null;
  receiptStoredAt: Date | null;
  savedStock: number | null;
  savedConsumption: number | null;
  savedPurchases: number | null;
  answeredByName: string | null;
  previousId: string | null;
  previousWeekStart: string | null;
  previousStock: number | null;
  previousConsumption: number | null;
  previousPurchases: number | null;
  /** 代理入力 only (null otherwise): the delegate organisation's and the institution's names. */
  delegateName: string | null;
  institutionName: string | null;
}

// One statement, one round trip, its own transaction: it locks the survey (the
// SOS system check serialises on the same row lock), checks ownership and that
// the week is the one open at the acceptance time, takes the figures (or the
// latest earlier answer's, for a copy), issues the receipt, saves and appends
// the audit entry appendAudit would write, and returns what the answer's
// response shows. The receipt insert is the gate for the rest: a retry whose
// idempotency key already has a receipt inserts nothing (ON CONFLICT), so the
// survey is not saved again and no second audit entry is written.
// Data-modifying CTEs run once and to completion whether or not the final
// SELECT reads them.
const SAVE_ANSWER = compiledStatement<
  SaveAnswerRow,
  [
    surveyId: string,
    institutionId: string,
    openWeekStart: string,
    copyPrevious: boolean,
    stock: number | null,
    consumption: number | null,
    purchases: number | null,
    userId: string,
    ip: string | null,
    acceptedAt: Date,
    storedAt: Date,
    idempotencyKey: string | null,
    delegateOrganisationId: string | null,
  ]
>(`
with target as (
  select id, institution_id, week_start, created_at, stock, consumption, purchases
  from weekly_surveys
  where id = $1::uuid and institution_id = $2::uuid
  for update
),
previous as (
  select p.id, p.week_start, p.stock, p.consumption, p.purchases
  from target t
  cross join lateral (
    select id, week_start, stock, consumption, purchases
    from weekly_surveys
    where institution_id = t.institution_id and week_start < t.week_start
      and answered_at is not null
    order by week_start desc
    limit 1
  ) p
),
accepted as (
  select t.id, t.institution_id, t.week_start, t.stock, t.consumption, t.purchases,
    case when $4::boolean then p.stock else $5::integer end as new_stock,
    case when $4::boolean then p.consumption else $6::integer end as new_consumption,
    case when $4::boolean then p.purchases else $7::integer end as new_purchases,
    case
      when $4::boolean then 'survey.copy_previous'
      when t.stock is null then 'survey.answer'
      else 'survey.edit'
    end as action,
    case
      when $4::boolean then jsonb_build_object(
        'fromSurveyId', p.id, 'fromWeekStart', to_char(p.week_start, 'YYYY-MM-DD'))
      else '{}'::jsonb
    end as extra
  from target t
  left join previous p on true
  where t.week_start = $3::date and (not $4::boolean or p.id is not null)
),
receipt as (
  insert into survey_receipts (id, number, institution_id, week_start, accepted_at, stored_at,
    answered_by, action, stock, consumption, purchases, idempotency_key, delegate_organisation_id)
  select n.v,
    to_char(a.week_start, 'YYYYMMDD') || '-' || lpad(n.v::text, greatest(7, length(n.v::text)), '0'),
    a.institution_id, a.week_start, $10::timestamptz, $11::timestamptz, $8::uuid, a.action,
    a.new_stock, a.new_consumption, a.new_purchases, $12::uuid, $13::uuid
  from accepted a
  cross join lateral (select nextval('survey_receipt_seq') as v) n
  on conflict (answered_by, idempotency_key) do nothing
  returning number, accepted_at, stored_at, stock, consumption, purchases
),
saved as (
  update weekly_surveys w
  set stock = r.stock, consumption = r.consumption, purchases = r.purchases,
    answered_at = $10::timestamptz, answered_by = $8::uuid, updated_at = $11::timestamptz,
    answered_by_delegate_id = $13::uuid
  from receipt r
  where w.id = $1::uuid
  returning w.id
),
audit as (
  insert into audit_log (action, actor_user_id, actor_role, target_type, target_id, ip, details)
  select a.action, $8::uuid,
    case when $13::uuid is null then 'institution' else 'delegate' end,
    'weekly_survey', a.id::text, $9::inet,
    jsonb_build_object(
      'weekStart', to_char(a.week_start, 'YYYY-MM-DD'),
      'before', case when a.stock is null then null else jsonb_build_object(
        'stock', a.stock, 'consumption', a.consumption, 'purchases', a.purchases) end,
      'after', jsonb_build_object(
        'stock', r.stock, 'consumption', r.consumption, 'purchases', r.purchases)
    ) || a.extra
    || case when $13::uuid is null then '{}'::jsonb else jsonb_build_object(
      'actingFor', a.institution_id, 'delegateOrganisationId', $13::uuid) end
  from accepted a
  cross join receipt r
  returning id
)
select t.id, t.institution_id, t.week_start, t.created_at,
  r.number as receipt_number, r.accepted_at as receipt_accepted_at,
  r.stored_at as receipt_stored_at, r.stock as saved_stock,
  r.consumption as saved_consumption, r.purchases as saved_purchases,
  (select display_name from users where id = $8::uuid) as answered_by_name,
  p.id as previous_id, p.week_start as previous_week_start, p.stock as previous_stock,
  p.consumption as previous_consumption, p.purchases as previous_purchases,
  case when $13::uuid is null then null
    else (select name from delegate_organisations where id = $13::uuid) end as delegate_name,
  case when $13::uuid is null then null
    else (select name from institutions where id = t.institution_id) end as institution_name
from target t
left join receipt r on true
left join previous p on true
`);

/** Runs the save; undefined when the survey is not the actor's (or does not exist). */
export async function runSaveAnswer(
  db: Db,
  input: SaveAnswerInput,
): Promise<SaveAnswerRow | undefined> {
  const figures = input.source.kind === "figures" ? input.source.figures : null;
  const result = await SAVE_ANSWER.execute(
    db,
    input.surveyId,
    input.actor.institutionId,
    input.openWeekStart,
    input.source.kind === "copyPrevious",
    figures?.stock ?? null,
    figures?.consumption ?? null,
    figures?.purchases ?? null,
    input.actor.userId,
    input.actor.ip,
    input.acceptedAt,
    input.storedAt,
    input.idempotencyKey,
    input.actor.delegateOrganisationId,
  );
  return result.rows[0];
}

/** A receipt found by its idempotency key, with the survey as it stands now. */
export interface ReplayRow {
  receiptNumber: string;
  receiptAcceptedAt: Date;
  receiptStoredAt: Date;
  receiptAction: string;
  receiptStock: number;
  receiptConsumption: number;
  receiptPurchases: number;
  id: string;
  institutionId: string;
  weekStart: string;
  createdAt: Date;
  stock: number | null;
  consumption: number | null;
  purchases: number | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  updatedAt: Date;
  answeredByName: string | null;
  latestNumber: string;
  latestAcceptedAt: Date;
  previousId: string | null;
  previousWeekStart: string | null;
  previousStock: number | null;
  previousConsumption: number | null;
  previousPurchases: number | null;
  answeredByDelegateId: string | null;
  delegateName: string | null;
  institutionName: string | null;
}

// The second round trip, only when the first saved nothing: a fresh snapshot
// sees the receipt a concurrent twin committed while this one waited.
const FIND_BY_KEY = compiledStatement<ReplayRow, [userId: string, idempotencyKey: string]>(`
select r.number as receipt_number, r.accepted_at as receipt_accepted_at,
  r.stored_at as receipt_stored_at, r.action as receipt_action, r.stock as receipt_stock,
  r.consumption as receipt_consumption, r.purchases as receipt_purchases,
  s.id, s.institution_id, s.week_start, s.created_at, s.stock, s.consumption, s.purchases,
  s.answered_at, s.answered_by, s.updated_at, u.display_name as answered_by_name,
  l.number as latest_number, l.accepted_at as latest_accepted_at,
  p.id as previous_id, p.week_start as previous_week_start, p.stock as previous_stock,
  p.consumption as previous_consumption, p.purchases as previous_purchases,
  s.answered_by_delegate_id, d.name as delegate_name, i.name as institution_name
from survey_receipts r
join weekly_surveys s on s.institution_id = r.institution_id and s.week_start = r.week_start
join institutions i on i.id = s.institution_id
left join users u on u.id = s.answered_by
left join delegate_organisations d on d.id = s.answered_by_delegate_id
cross join lateral (
  select number, accepted_at from survey_receipts
  where institution_id = s.institution_id and week_start = s.week_start
  order by id desc
  limit 1
) l
left join lateral (
  select id, week_start, stock, consumption, purchases
  from weekly_surveys
  where institution_id = s.institution_id and week_start < s.week_start
    and answered_at is not null
  order by week_start desc
  limit 1
) p on true
where r.answered_by = $1::uuid and r.idempotency_key = $2::uuid
`);

export async function findReceiptByKey(
  db: Db,
  userId: string,
  idempotencyKey: string,
): Promise<ReplayRow | undefined> {
  return (await FIND_BY_KEY.execute(db, userId, idempotencyKey)).rows[0];
}

export interface WeeklySurveyBatch {
  /** The batch's highest institution id: where the next batch starts; null when none was left. */
  lastId: string | null;
  inserted: number;
}

/**
 * One batch of the weekly job: the week's record for up to `batchSize` active
 * institutions after `after` (keyset by id, so an index range scan), as one
 * `insert … select … on conflict do nothing` statement and so its own short
 * transaction; records already there are skipped.
 */
export async function insertWeeklySurveyBatch(
  db: Db,
  {
    after,
    weekStart,
    now,
    batchSize,
  }: { after: string | null; weekStart: string; now: Date; batchSize: number },
): Promise<WeeklySurveyBatch | undefined> {
  const result: QueryResult<WeeklySurveyBatch> = await sql<WeeklySurveyBatch>`
    with batch as (
      select id from institutions
      where active and (${after}::uuid is null or id > ${after}::uuid)
      order by id
      limit ${batchSize}
    ),
    inserted as (
      insert into weekly_surveys (institution_id, week_start, created_at, updated_at)
      select id, ${weekStart}::date, ${now}, ${now} from batch
      on conflict (institution_id, week_start) do nothing
      returning 1
    )
    select
      (select id from batch order by id desc limit 1) as last_id,
      (select count(*) from inserted)::int as inserted
  `.execute(db);
  return result.rows[0];
}

/** One answered week's figures, for the stock-out forecast. */
export interface AnsweredFigures {
  weekStart: string;
  stock: number;
  consumption: number;
  purchases: number;
  answeredAt: Date;
}

/**
 * The institution's latest answered weeks up to `upTo` (inclusive), newest
 * first: what the stock-out forecast (issue 18) reads. Served by the unique
 * (institution_id, week_start) index.
 */
export async function listRecentAnswers(
  db: Db,
  institutionId: string,
  { upTo, limit }: { upTo: string; limit: number },
): Promise<AnsweredFigures[]> {
  const rows = await db
    .selectFrom("weeklySurveys")
    .select(["weekStart", "stock", "consumption", "purchases", "answeredAt"])
    .where("institutionId", "=", institutionId)
    .where("weekStart", "<=", upTo)
    .where("answeredAt", "is not", null)
    .orderBy("weekStart", "desc")
    .limit(limit)
    .execute();
  const answered: AnsweredFigures[] = [];
  for (const row of rows) {
    // An answered row has all three figures (the answer writes them together).
    if (
      row.stock === null ||
      row.consumption === null ||
      row.purchases === null ||
      row.answeredAt === null
    )
      continue;
    answered.push({
      weekStart: row.weekStart,
      stock: row.stock,
      consumption: row.consumption,
      purchases: row.purchases,
      answeredAt: row.answeredAt,
    });
  }
  return answered;
}

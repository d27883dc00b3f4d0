import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * What the public may read (issue 17 #2, #3, #6): the published allocation
 * weeks (the seed only once revealed), a committed run's files, and the open
 * weekly figures. Nothing here returns an institution, a request id or a
 * figure of one institution beyond what a committed run's input file holds.
 */

/** Weeks with a lottery seed, newest first: the commitment, the seed once revealed, the run. */
export async function publicAllocationWeeks(db: Db, limit: number) {
  return db
    .selectFrom("allocationSeeds as s")
    .leftJoin("allocationRuns as r", "r.weekStart", "s.weekStart")
    .select([
      "s.weekStart",
      "s.seedSha256",
      "s.committedAt as seedCommittedAt",
      "s.revealedAt",
      // Never the seed before it is revealed: the lottery would be known in advance.
      sql<string | null>`case when s.revealed_at is not null then s.seed end`.as("seed"),
      "r.rule",
      "r.committedAt as runCommittedAt",
      "r.inputSha256",
      "r.resultSha256",
      "r.parametersReason",
      sql<number | null>`octet_length(r.input_json)`.as("inputBytes"),
      sql<number | null>`octet_length(r.result_json)`.as("resultBytes"),
    ])
    .orderBy("s.weekStart", "desc")
    .limit(limit)
    .execute();
}

/** A committed run's recorded input and result (its seed is revealed at commit). */
export async function runFilesOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("allocationRuns")
    .select(["inputJson", "resultJson", "inputSha256", "resultSha256"])
    .where("weekStart", "=", weekStart)
    .executeTakeFirst();
}

const asOfParam = (asOf: Date) => sql`${asOf.toISOString()}::timestamptz`;

/**
 * Requests of a week that passed the system check by `asOf`, and those of them
 * approved by then, per prefecture, institution type and size asked for (a
 * request that named no size asks its whole quantity in M).
 */
export async function requestCountsOfWeek(db: Db, weekStart: string, asOf: Date) {
  const { rows } = await sql<{
    prefectureCode: number;
    type: string;
    size: string;
    requests: number;
    approvals: number;
  }>`
    select r.prefecture_code as "prefectureCode", i.type, coalesce(z.size, 'M') as size,
      count(*)::int as requests,
      count(*) filter (where ma.approved_at <= ${asOfParam(asOf)})::int as approvals
    from sos_requests r
    join institutions i on i.id = r.institution_id
    left join ministry_approvals ma on ma.request_id = r.id
    left join sos_request_sizes z on z.request_id = r.id
    where r.week_start = ${weekStart} and r.applied_at <= ${asOfParam(asOf)}
      and r.status not in ('draft', 'error')
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** The week's committed allocation (if committed by `asOf`): sets and requests per cell. */
export async function allocatedOfWeek(db: Db, weekStart: string, asOf: Date) {
  const { rows } = await sql<{
    prefectureCode: number;
    type: string;
    size: string;
    sets: number;
    requests: number;
  }>`
    select r.prefecture_code as "prefectureCode", i.type, l.size,
      sum(l.sets)::int as sets, count(distinct l.request_id)::int as requests
    from allocation_runs run
    join allocation_lines l on l.run_id = run.id
    join sos_requests r on r.id = l.request_id
    join institutions i on i.id = r.institution_id
    where run.week_start = ${weekStart} and run.committed_at <= ${asOfParam(asOf)}
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** Whether the week has an allocation run committed by `asOf`. */
export async function hasRunBy(db: Db, weekStart: string, asOf: Date): Promise<boolean> {
  const row = await db
    .selectFrom("allocationRuns")
    .select("id")
    .where("weekStart", "=", weekStart)
    .where("committedAt", "<=", asOf)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets bought by `asOf` (cancelled orders aside) for the week's requests, and the orders. */
export async function boughtOfWeek(db: Db, weekStart: string, asOf: Date) {
  const { rows } = await sql<{
    prefectureCode: number;
    type: string;
    size: string;
    sets: number;
    orders: number;
  }>`
    select r.prefecture_code as "prefectureCode", i.type, ps.size,
      sum(ol.sets)::int as sets, count(distinct o.id)::int as orders
    from orders o
    join target_items ti on ti.id = o.target_item_id
    join sos_requests r on r.id = ti.request_id
    join institutions i on i.id = r.institution_id
    join order_lines ol on ol.order_id = o.id
    join product_sizes ps on ps.id = ol.product_size_id
    where r.week_start = ${weekStart} and o.created_at <= ${asOfParam(asOf)}
      and o.status <> 'cancelled'
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** The first request week anyone filed in: the figures start there. */
export async function firstRequestWeek(db: Db): Promise<string | null> {
  const { rows } = await sql<{ week: string | null }>`
    select to_char(min(week_start), 'YYYY-MM-DD') as week from sos_requests
    where applied_at is not null`.execute(db);
  return rows[0]?.week ?? null;
}

/** Which of these weeks already have their figures published. */
export async function publishedWeeksAmong(db: Db, weeks: readonly string[]): Promise<Set<string>> {
  if (weeks.length === 0) return new Set();
  const rows = await db
    .selectFrom("openWeeklyFigures")
    .select("weekStart")
    .where("weekStart", "in", [...weeks])
    .execute();
  return new Set(rows.map((r) => r.weekStart));
}

/** Publishes a week's figures unless they already are (two workers, a retry): true if this call did. */
export async function insertFigures(
  db: Db,
  row: {
    weekStart: string;
    asOf: Date;
    publishedAt: Date;
    rowCount: number;
    suppressedCells: number;
    csv: string;
    json: string;
    csvSha256: string;
    jsonSha256: string;
  },
): Promise<boolean> {
  const done = await db
    .insertInto("openWeeklyFigures")
    .values(row)
    .onConflict((oc) => oc.column("weekStart").doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The published weeks, newest first, without the files. */
export async function listFigures(db: Db, limit: number) {
  return db
    .selectFrom("openWeeklyFigures")
    .select([
      "weekStart",
      "asOf",
      "publishedAt",
      "rowCount",
      "suppressedCells",
      "csvSha256",
      "jsonSha256",
      sql<number>`octet_length(csv)`.as("csvBytes"),
      sql<number>`octet_length(json)`.as("jsonBytes"),
    ])
    .orderBy("weekStart", "desc")
    .limit(limit)
    .execute();
}

export async function figuresFile(db: Db, weekStart: string) {
  return db
    .selectFrom("openWeeklyFigures")
    .select(["csv", "json", "csvSha256", "jsonSha256"])
    .where("weekStart", "=", weekStart)
    .executeTakeFirst();
}

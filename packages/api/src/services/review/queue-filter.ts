import type { Db } from "@sos/db";
import { addDaysYmd, tokyoTime } from "@sos/rules";
import { type RawBuilder, sql } from "kysely";
import type { ReviewScope } from "../../trpc";
import type { QueueQuery } from "./queue";
import { FILED_BY_INSTITUTION, filedWithStatus, withinScope } from "./scope";

/**
 * Weeks of cover for sorting, from the figures the system check copied onto the
 * request (every filing has them), so the sort needs no other table.
 */
const WEEKS_OF_COVER = sql<number | null>`case
  when r.checked_consumption - r.checked_purchases > 0
  then r.checked_stock::float8 / (r.checked_consumption - r.checked_purchases)
  end`;

/** LIKE's own wildcards in user input match themselves. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The queue's filters as one condition on the aliases r (request), i (institution), pr (prefecture review). */
function queueCondition(query: QueueQuery, scope: ReviewScope): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [
    withinScope(scope),
    query.status === "all" ? FILED_BY_INSTITUTION : filedWithStatus(query.status),
  ];
  const add = (condition: RawBuilder<boolean>) => conditions.push(condition);
  if (query.stage !== null) add(sql`r.review_stage = ${query.stage}`);
  if (query.institutionType !== null) add(sql`i.type = ${query.institutionType}`);
  if (query.filedFrom !== null) add(sql`r.applied_at >= ${tokyoTime(query.filedFrom, 0, 0)}`);
  if (query.filedTo !== null) {
    add(sql`r.applied_at < ${tokyoTime(addDaysYmd(query.filedTo, 1), 0, 0)}`);
  }
  if (query.late !== null) add(sql`r.late = ${query.late}`);
  if (query.prefectureCode !== null) add(sql`r.prefecture_code = ${query.prefectureCode}`);
  if (query.reviewState === "none") add(sql`pr.request_id is null`);
  if (query.reviewState === "draft")
    add(sql`pr.request_id is not null and pr.completed_at is null`);
  if (query.reviewState === "completed") add(sql`pr.completed_at is not null`);
  if (query.search !== null) {
    const text = likeEscape(query.search);
    add(sql`(i.name ilike ${`%${text}%`} or i.code like ${`${text}%`})`);
  }
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The filed requests the query selects, joined only to what its filters read:
 * the institution for a type or name/code filter, the prefecture review for a
 * review-state filter. Every sort key lives on sos_requests (the institution's
 * name too, copied there by migration 0011), so neither the count nor the page
 * joins a table for the sort.
 */
function filteredRequests(db: Db, query: QueueQuery, scope: ReviewScope) {
  const needsInstitution = query.institutionType !== null || query.search !== null;
  return db
    .selectFrom("sosRequests as r")
    .$if(needsInstitution, (qb) => qb.innerJoin("institutions as i", "i.id", "r.institutionId"))
    .$if(query.reviewState !== null, (qb) =>
      qb.leftJoin("prefectureReviews as pr", "pr.requestId", "r.id"),
    )
    .where(queueCondition(query, scope));
}

/** How many filed requests the query selects: the pager's total. */
export async function countQueue(db: Db, query: QueueQuery, scope: ReviewScope): Promise<number> {
  const row = await filteredRequests(db, query, scope)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The sort as ORDER BY terms, with the id as the final tie-breaker so pages never overlap or skip a row. */
function orderBy(query: QueueQuery): RawBuilder<unknown> {
  const dir = sql.raw(query.dir);
  // A name is never null, and a bare asc/desc lets sos_requests_name_idx serve
  // both directions (a NULLS LAST descending sort could not walk it backwards).
  if (query.sort === "institutionName") return sql`r.institution_name ${dir}, r.id ${dir}`;
  const nulls = sql.raw(query.dir === "asc" ? "asc nulls last" : "desc nulls last");
  const key = {
    appliedAt: sql`r.applied_at`,
    weeksOfCover: WEEKS_OF_COVER,
    limitSets: sql`coalesce(r.checked_limit_sets, 0)`,
  }[query.sort];
  return sql`${key} ${nulls}, r.id ${dir}`;
}

/** The ids of one page of the queue, in the queue's order. */
export async function pageOfIds(db: Db, query: QueueQuery, scope: ReviewScope): Promise<string[]> {
  const rows = await filteredRequests(db, query, scope)
    .select("r.id")
    .orderBy(orderBy(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return rows.map((row) => row.id);
}

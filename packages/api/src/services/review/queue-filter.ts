import type { Db } from "@sos/db";
import type { InstitutionType } from "@sos/domain";
import { addDaysYmd, type ReviewStage, tokyoTime } from "@sos/rules";
import { CompiledQuery, type RawBuilder, sql } from "kysely";
import type { ReviewScope } from "../../trpc";
import type { QueueQuery, ReviewerStatus } from "./queue";
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

/**
 * The values a queue query binds. The statement text depends only on which of
 * them the query has (its shape, see shapeOf), so each shape is built and
 * compiled once and later calls only bind these.
 */
interface Bindings {
  scopeCode: number;
  status: ReviewerStatus;
  stage: ReviewStage;
  institutionType: InstitutionType;
  filedFrom: Date;
  filedBefore: Date;
  late: boolean;
  prefectureCode: number;
  nameLike: string;
  codeLike: string;
  limit: number;
  offset: number;
}
type BindingName = keyof Bindings;

function bindingsOf(
  query: QueueQuery,
  scope: ReviewScope,
): { [name in BindingName]: Bindings[name] | undefined } {
  const text = query.search === null ? null : likeEscape(query.search);
  return {
    scopeCode: scope.kind === "prefecture" ? scope.code : undefined,
    status: query.status === "all" ? undefined : query.status,
    stage: query.stage ?? undefined,
    institutionType: query.institutionType ?? undefined,
    filedFrom: query.filedFrom === null ? undefined : tokyoTime(query.filedFrom, 0, 0),
    filedBefore: query.filedTo === null ? undefined : tokyoTime(addDaysYmd(query.filedTo, 1), 0, 0),
    late: query.late ?? undefined,
    prefectureCode: query.prefectureCode ?? undefined,
    nameLike: text === null ? undefined : `%${text}%`,
    codeLike: text === null ? undefined : `${text}%`,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
}

/** Everything that changes the statements' text, and nothing that only changes a bound value. */
function shapeOf(query: QueueQuery, scope: ReviewScope): string {
  const status = query.status === "all" || query.status === "withdrawn" ? query.status : "one";
  const filters: unknown[] = [
    query.stage,
    query.institutionType,
    query.filedFrom,
    query.filedTo,
    query.late,
    query.prefectureCode,
    query.search,
  ];
  const present = filters.map((value) => (value === null ? 0 : 1)).join("");
  return [scope.kind, status, present, query.reviewState, query.sort, query.dir].join(" ");
}

/** Withdrawn has its own condition with no parameter (see filedWithStatus); the others bind it. */
function statusFor(query: QueueQuery, b: Bindings): ReviewerStatus {
  return query.status === "withdrawn" ? "withdrawn" : b.status;
}

/** The queue's filters as one condition on the aliases r (request), i (institution), pr (prefecture review). */
function queueCondition(query: QueueQuery, scope: ReviewScope, b: Bindings): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [
    withinScope(scope.kind === "ministry" ? scope : { ...scope, code: b.scopeCode }),
    query.status === "all" ? FILED_BY_INSTITUTION : filedWithStatus(statusFor(query, b)),
  ];
  const add = (condition: RawBuilder<boolean>) => conditions.push(condition);
  if (query.stage !== null) add(sql`r.review_stage = ${b.stage}`);
  if (query.institutionType !== null) add(sql`i.type = ${b.institutionType}`);
  if (query.filedFrom !== null) add(sql`r.applied_at >= ${b.filedFrom}`);
  if (query.filedTo !== null) add(sql`r.applied_at < ${b.filedBefore}`);
  if (query.late !== null) add(sql`r.late = ${b.late}`);
  if (query.prefectureCode !== null) add(sql`r.prefecture_code = ${b.prefectureCode}`);
  if (query.reviewState === "none") add(sql`pr.request_id is null`);
  if (query.reviewState === "draft")
    add(sql`pr.request_id is not null and pr.completed_at is null`);
  if (query.reviewState === "completed") add(sql`pr.completed_at is not null`);
  if (query.search !== null) add(sql`(i.name ilike ${b.nameLike} or i.code like ${b.codeLike})`);
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The filed requests the query selects, joined only to what its filters read:
 * the institution for a type or name/code filter, the prefecture review for a
 * review-state filter. Every sort key lives on sos_requests (the institution's
 * name too, copied there by migration 0011), so neither the count nor the page
 * joins a table for the sort.
 */
function filteredRequests(db: Db, query: QueueQuery, scope: ReviewScope, b: Bindings) {
  const needsInstitution = query.institutionType !== null || query.search !== null;
  return db
    .selectFrom("sosRequests as r")
    .$if(needsInstitution, (qb) => qb.innerJoin("institutions as i", "i.id", "r.institutionId"))
    .$if(query.reviewState !== null, (qb) =>
      qb.leftJoin("prefectureReviews as pr", "pr.requestId", "r.id"),
    )
    .where(queueCondition(query, scope, b));
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

/** The count and the page of ids of a query, built with the given bindings and compiled. */
function compileQueue(db: Db, query: QueueQuery, scope: ReviewScope, b: Bindings) {
  const filtered = filteredRequests(db, query, scope, b);
  return {
    count: filtered.select((eb) => eb.fn.countAll<string>().as("n")).compile(),
    page: filtered.select("r.id").orderBy(orderBy(query)).limit(b.limit).offset(b.offset).compile(),
  };
}

/** Stands for a bound value while a shape is compiled; the compiled parameters name them. */
class Binding {
  constructor(readonly name: BindingName) {}
}
const BINDING_NAMES: readonly BindingName[] = [
  "scopeCode",
  "status",
  "stage",
  "institutionType",
  "filedFrom",
  "filedBefore",
  "late",
  "prefectureCode",
  "nameLike",
  "codeLike",
  "limit",
  "offset",
];
const MARKED = Object.fromEntries(
  BINDING_NAMES.map((name) => [name, new Binding(name)]),
) as unknown as Bindings;

/** A compiled statement's text, and which binding goes to each of its parameters. */
interface Template {
  sql: string;
  bindings: BindingName[];
}

function templateOf(compiled: CompiledQuery): Template {
  return {
    sql: compiled.sql,
    bindings: compiled.parameters.map((parameter) => {
      // A value written into the query builder directly would be fixed into the shape.
      if (!(parameter instanceof Binding))
        throw new Error("the queue's values go through Bindings");
      return parameter.name;
    }),
  };
}

const shapes = new Map<string, { count: Template; page: Template }>();

/** The queue's count and page statements for a query: compiled once per shape, then only bound. */
export function queueStatements(
  db: Db,
  query: QueueQuery,
  scope: ReviewScope,
): { count: CompiledQuery<{ n: string }>; page: CompiledQuery<{ id: string }> } {
  const shape = shapeOf(query, scope);
  let templates = shapes.get(shape);
  if (templates === undefined) {
    const compiled = compileQueue(db, query, scope, MARKED);
    templates = { count: templateOf(compiled.count), page: templateOf(compiled.page) };
    shapes.set(shape, templates);
  }
  const values = bindingsOf(query, scope);
  const bind = (template: Template) =>
    CompiledQuery.raw(
      template.sql,
      template.bindings.map((name) => values[name]),
    );
  return { count: bind(templates.count), page: bind(templates.page) };
}

/** The count and page statements built and compiled for this one query (what queueStatements saves). */
export function buildQueueStatements(db: Db, query: QueueQuery, scope: ReviewScope) {
  return compileQueue(db, query, scope, bindingsOf(query, scope) as Bindings);
}

/** How many filed requests the query selects: the pager's total. */
export async function countQueue(db: Db, query: QueueQuery, scope: ReviewScope): Promise<number> {
  const { rows } = await db.executeQuery(queueStatements(db, query, scope).count);
  return Number(rows[0]?.n ?? 0);
}

/** The ids of one page of the queue, in the queue's order. */
export async function pageOfIds(db: Db, query: QueueQuery, scope: ReviewScope): Promise<string[]> {
  const { rows } = await db.executeQuery(queueStatements(db, query, scope).page);
  return rows.map((row) => row.id);
}

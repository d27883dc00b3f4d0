import type { InstitutionType, ReviewStage } from "@sos/domain";
import { CompiledQuery, type RawBuilder, sql } from "kysely";
import { compiledStatement } from "../compiled";
import type { Db } from "../connect";
import type { SosStatusColumn } from "../schema";
import { FILED_BY_INSTITUTION, filedWithStatus, type RequestScope, withinScope } from "./review";

/** The statuses a reviewer can list: what was filed (see FILED_BY_INSTITUTION). */
export const REVIEWER_STATUSES = ["reviewing", "accepted", "not_eligible", "withdrawn"] as const;
export type ReviewerStatus = (typeof REVIEWER_STATUSES)[number];

export const QUEUE_SORTS = ["appliedAt", "institutionName", "weeksOfCover", "limitSets"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const PREFECTURE_REVIEW_STATES = ["none", "draft", "completed"] as const;
/** none: nothing entered yet; draft: saved, not completed; completed: handed to the ministry. */
export type PrefectureReviewState = (typeof PREFECTURE_REVIEW_STATES)[number];

/** What the queue statements select and how they order and cut it; null = no such filter. */
export interface QueueFilter {
  /** "all" = every filed request. */
  status: ReviewerStatus | "all";
  stage: ReviewStage | null;
  institutionType: InstitutionType | null;
  /** Filed at or after this instant. */
  filedFrom: Date | null;
  /** Filed before this instant. */
  filedBefore: Date | null;
  late: boolean | null;
  prefectureCode: number | null;
  reviewState: PrefectureReviewState | null;
  /** Part of the institution's name, or the start of its code. */
  search: string | null;
  sort: QueueSort;
  dir: "asc" | "desc";
  limit: number;
  offset: number;
}

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
  filter: QueueFilter,
  scope: RequestScope,
): { [name in BindingName]: Bindings[name] | undefined } {
  const text = filter.search === null ? null : likeEscape(filter.search);
  return {
    scopeCode: scope.kind === "prefecture" ? scope.code : undefined,
    status: filter.status === "all" ? undefined : filter.status,
    stage: filter.stage ?? undefined,
    institutionType: filter.institutionType ?? undefined,
    filedFrom: filter.filedFrom ?? undefined,
    filedBefore: filter.filedBefore ?? undefined,
    late: filter.late ?? undefined,
    prefectureCode: filter.prefectureCode ?? undefined,
    nameLike: text === null ? undefined : `%${text}%`,
    codeLike: text === null ? undefined : `${text}%`,
    limit: filter.limit,
    offset: filter.offset,
  };
}

/** Everything that changes the statements' text, and nothing that only changes a bound value. */
function shapeOf(filter: QueueFilter, scope: RequestScope): string {
  const status = filter.status === "all" || filter.status === "withdrawn" ? filter.status : "one";
  const filters: unknown[] = [
    filter.stage,
    filter.institutionType,
    filter.filedFrom,
    filter.filedBefore,
    filter.late,
    filter.prefectureCode,
    filter.search,
  ];
  const present = filters.map((value) => (value === null ? 0 : 1)).join("");
  return [scope.kind, status, present, filter.reviewState, filter.sort, filter.dir].join(" ");
}

/** Withdrawn has its own condition with no parameter (see filedWithStatus); the others bind it. */
function statusFor(filter: QueueFilter, b: Bindings): ReviewerStatus {
  return filter.status === "withdrawn" ? "withdrawn" : b.status;
}

/** The queue's filters as one condition on the aliases r (request), i (institution), pr (prefecture review). */
function queueCondition(
  filter: QueueFilter,
  scope: RequestScope,
  b: Bindings,
): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [
    withinScope(scope.kind === "ministry" ? scope : { ...scope, code: b.scopeCode }),
    filter.status === "all" ? FILED_BY_INSTITUTION : filedWithStatus(statusFor(filter, b)),
  ];
  const add = (condition: RawBuilder<boolean>) => conditions.push(condition);
  if (filter.stage !== null) add(sql`r.review_stage = ${b.stage}`);
  if (filter.institutionType !== null) add(sql`i.type = ${b.institutionType}`);
  if (filter.filedFrom !== null) add(sql`r.applied_at >= ${b.filedFrom}`);
  if (filter.filedBefore !== null) add(sql`r.applied_at < ${b.filedBefore}`);
  if (filter.late !== null) add(sql`r.late = ${b.late}`);
  if (filter.prefectureCode !== null) add(sql`r.prefecture_code = ${b.prefectureCode}`);
  if (filter.reviewState === "none") add(sql`pr.request_id is null`);
  if (filter.reviewState === "draft")
    add(sql`pr.request_id is not null and pr.completed_at is null`);
  if (filter.reviewState === "completed") add(sql`pr.completed_at is not null`);
  if (filter.search !== null) add(sql`(i.name ilike ${b.nameLike} or i.code like ${b.codeLike})`);
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The filed requests the filter selects, joined only to what its filters read:
 * the institution for a type or name/code filter, the prefecture review for a
 * review-state filter. Every sort key lives on sos_requests (the institution's
 * name too, copied there by migration 0011), so neither the count nor the page
 * joins a table for the sort.
 */
function filteredRequests(db: Db, filter: QueueFilter, scope: RequestScope, b: Bindings) {
  const needsInstitution = filter.institutionType !== null || filter.search !== null;
  return db
    .selectFrom("sosRequests as r")
    .$if(needsInstitution, (qb) => qb.innerJoin("institutions as i", "i.id", "r.institutionId"))
    .$if(filter.reviewState !== null, (qb) =>
      qb.leftJoin("prefectureReviews as pr", "pr.requestId", "r.id"),
    )
    .where(queueCondition(filter, scope, b));
}

/** The sort as ORDER BY terms, with the id as the final tie-breaker so pages never overlap or skip a row. */
function orderBy(filter: QueueFilter): RawBuilder<unknown> {
  const dir = sql.raw(filter.dir);
  // A name is never null, and a bare asc/desc lets sos_requests_name_idx serve
  // both directions (a NULLS LAST descending sort could not walk it backwards).
  if (filter.sort === "institutionName") return sql`r.institution_name ${dir}, r.id ${dir}`;
  const nulls = sql.raw(filter.dir === "asc" ? "asc nulls last" : "desc nulls last");
  const key = {
    appliedAt: sql`r.applied_at`,
    weeksOfCover: WEEKS_OF_COVER,
    limitSets: sql`coalesce(r.checked_limit_sets, 0)`,
  }[filter.sort];
  return sql`${key} ${nulls}, r.id ${dir}`;
}

/** The count and the page of ids of a filter, built with the given bindings and compiled. */
function compileQueue(db: Db, filter: QueueFilter, scope: RequestScope, b: Bindings) {
  const filtered = filteredRequests(db, filter, scope, b);
  return {
    count: filtered.select((eb) => eb.fn.countAll<string>().as("n")).compile(),
    page: filtered
      .select("r.id")
      .orderBy(orderBy(filter))
      .limit(b.limit)
      .offset(b.offset)
      .compile(),
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

/** The queue's count and page statements for a filter: compiled once per shape, then only bound. */
export function queueStatements(
  db: Db,
  filter: QueueFilter,
  scope: RequestScope,
): { count: CompiledQuery<{ n: string }>; page: CompiledQuery<{ id: string }> } {
  const shape = shapeOf(filter, scope);
  let templates = shapes.get(shape);
  if (templates === undefined) {
    const compiled = compileQueue(db, filter, scope, MARKED);
    templates = { count: templateOf(compiled.count), page: templateOf(compiled.page) };
    shapes.set(shape, templates);
  }
  const values = bindingsOf(filter, scope);
  const bind = (template: Template) =>
    CompiledQuery.raw(
      template.sql,
      template.bindings.map((name) => values[name]),
    );
  return { count: bind(templates.count), page: bind(templates.page) };
}

/** The count and page statements built and compiled for this one filter (what queueStatements saves). */
export function buildQueueStatements(db: Db, filter: QueueFilter, scope: RequestScope) {
  return compileQueue(db, filter, scope, bindingsOf(filter, scope) as Bindings);
}

/** How many filed requests the filter selects: the pager's total. */
export async function countQueue(
  db: Db,
  filter: QueueFilter,
  scope: RequestScope,
): Promise<number> {
  const { rows } = await db.executeQuery(queueStatements(db, filter, scope).count);
  return Number(rows[0]?.n ?? 0);
}

/** The ids of one page of the queue, in the queue's order. */
export async function pageOfIds(
  db: Db,
  filter: QueueFilter,
  scope: RequestScope,
): Promise<string[]> {
  const { rows } = await db.executeQuery(queueStatements(db, filter, scope).page);
  return rows.map((row) => row.id);
}

/** One request of a queue page as the statement returns it, flat. */
export interface QueueRecord {
  id: string;
  version: number;
  status: SosStatusColumn;
  reviewStage: ReviewStage | null;
  weekStart: string;
  appliedAt: Date | null;
  late: boolean;
  handleFrom: string | null;
  contactName: string;
  checkedStock: number | null;
  checkedConsumption: number | null;
  checkedPurchases: number | null;
  checkedLimitSets: number | null;
  surveyStock: number | null;
  surveyConsumption: number | null;
  surveyPurchases: number | null;
  institutionId: string;
  institutionCode: string;
  institutionName: string;
  institutionType: InstitutionType;
  prefectureCode: number;
  prefectureName: string;
  reviewRequestId: string | null;
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  completedAt: Date | null;
  approvedSets: number | null;
  returned: boolean;
  sanctioned: boolean;
}

// Everything a page shows about its requests, in the page's order, in one
// statement whose text never changes: the ids come as one array parameter
// (unnest keeps their order), so nothing is built or compiled per call and
// PostgreSQL sees the same statement for every page. The survey is the
// figures' fallback for a request the system check has not copied them to.
const QUEUE_PAGE = compiledStatement<QueueRecord, [ids: readonly string[], today: string]>(`
select r.id, r.version, r.status, r.review_stage, r.week_start, r.applied_at, r.late,
  r.handle_from, r.contact_name, r.checked_stock, r.checked_consumption, r.checked_purchases,
  r.checked_limit_sets,
  s.stock as survey_stock, s.consumption as survey_consumption, s.purchases as survey_purchases,
  i.id as institution_id, i.code as institution_code, i.name as institution_name,
  i.type as institution_type, r.prefecture_code, p.name as prefecture_name,
  pr.request_id as review_request_id, pr.supply_needed, pr.quantity_sets, pr.completed_at,
  ma.quantity_sets as approved_sets,
  exists (select 1 from review_returns rr where rr.request_id = r.id) as returned,
  exists (
    select 1 from sanctions sa
    where sa.institution_id = r.institution_id and sa.lifted_at is null
      and sa.effective_from <= $2::date
  ) as sanctioned
from unnest($1::uuid[]) with ordinality as page (id, position)
join sos_requests r on r.id = page.id
join institutions i on i.id = r.institution_id
join prefectures p on p.code = r.prefecture_code
left join prefecture_reviews pr on pr.request_id = r.id
left join weekly_surveys s on s.id = r.survey_id
left join ministry_approvals ma on ma.request_id = r.id
order by page.position`);

/** The page's requests in the order of `ids`; `today` (Tokyo) decides which sanctions are in force. */
export async function queueRecords(
  db: Db,
  ids: readonly string[],
  today: string,
): Promise<QueueRecord[]> {
  if (ids.length === 0) return [];
  return (await QUEUE_PAGE.execute(db, ids, today)).rows;
}

import type { Db } from "@sos/db";
import {
  INSTITUTION_TYPE_LABELS,
  type InstitutionType,
  REVIEW_STAGE_LABELS,
  sosStatusDetailLabel,
} from "@sos/domain";
import {
  type Assessment,
  addDaysYmd,
  PIECES_PER_SET,
  prefectureDeadline,
  type ReviewStage,
  type SosStatus,
  type SurveyFigures,
  tokyoDate,
  tokyoTime,
} from "@sos/rules";
import { type RawBuilder, sql } from "kysely";
import type { ReviewScope } from "../../trpc";
import { calculationOf } from "./figures";
import { FILED_BY_INSTITUTION, filedWithStatus, withinScope } from "./scope";

/** The statuses a reviewer can list: what was filed (see filedByInstitution). */
export const REVIEWER_STATUSES = ["reviewing", "accepted", "not_eligible", "withdrawn"] as const;
export type ReviewerStatus = (typeof REVIEWER_STATUSES)[number];

export const QUEUE_SORTS = ["appliedAt", "institutionName", "weeksOfCover", "limitSets"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const PREFECTURE_REVIEW_STATES = ["none", "draft", "completed"] as const;
/** none: nothing entered yet; draft: saved, not completed; completed: handed to the ministry. */
export type PrefectureReviewState = (typeof PREFECTURE_REVIEW_STATES)[number];

export interface QueueQuery {
  /** "all" = every filed request. */
  status: ReviewerStatus | "all";
  stage: ReviewStage | null;
  institutionType: InstitutionType | null;
  /** Filing day range (YYYY-MM-DD, Tokyo calendar), both ends included. */
  filedFrom: string | null;
  filedTo: string | null;
  late: boolean | null;
  /** Ministry only; a prefecture officer is held to its own by the scope. */
  prefectureCode: number | null;
  reviewState: PrefectureReviewState | null;
  /** Part of the institution's name, or the start of its code. */
  search: string | null;
  sort: QueueSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface QueueRow {
  id: string;
  version: number;
  status: SosStatus;
  /** 都道府県確認中 / 国確認中 while reviewing, else the status label. */
  statusLabel: string;
  reviewStage: ReviewStage | null;
  reviewStageLabel: string | null;
  weekStart: string;
  appliedAt: Date;
  late: boolean;
  handleFrom: string | null;
  /** Thursday 17:00 (as a rule) by which the prefecture completes this request. */
  prefectureDue: Date;
  institution: {
    id: string;
    code: string;
    name: string;
    type: InstitutionType;
    typeLabel: string;
    prefectureCode: number;
    prefectureName: string;
  };
  contactName: string;
  figures: SurveyFigures | null;
  assessment: Assessment | null;
  /** 購入上限数 the rules computed at the system check. */
  limitSets: number;
  limitPieces: number;
  weeksOfCover: number | null;
  prefectureReview: {
    state: PrefectureReviewState;
    supplyNeeded: boolean | null;
    quantitySets: number | null;
    completedAt: Date | null;
  };
  /** The ministry's approved quantity (受付完了). */
  approvedSets: number | null;
  /** The ministry has returned it to the prefecture at least once. */
  returned: boolean;
  /** A sanction is in force against the institution now. */
  sanctioned: boolean;
}

export interface QueuePage {
  items: QueueRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
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
 * One page of the review queue with the total for the pager. Both queries
 * share the filters; the page query joins the survey (figures fallback) and
 * sorts on the server, with the id as the final tie-breaker so pages never
 * overlap or skip a row.
 */
export async function reviewQueue(
  db: Db,
  { scope, now, query }: { scope: ReviewScope; now: Date; query: QueueQuery },
): Promise<QueuePage> {
  const where = queueCondition(query, scope);
  // Only the joins the filters and the sort need: the count and the page of ids
  // then run on sos_requests' own indexes, whatever the size of institutions.
  const needsInstitution =
    query.institutionType !== null || query.search !== null || query.sort === "institutionName";
  const filtered = db
    .selectFrom("sosRequests as r")
    .$if(needsInstitution, (qb) => qb.innerJoin("institutions as i", "i.id", "r.institutionId"))
    .$if(query.reviewState !== null, (qb) =>
      qb.leftJoin("prefectureReviews as pr", "pr.requestId", "r.id"),
    )
    .where(where);

  const nulls = sql.raw(query.dir === "asc" ? "asc nulls last" : "desc nulls last");
  const sortExpression = {
    appliedAt: sql`r.applied_at`,
    institutionName: sql`i.name`,
    weeksOfCover: WEEKS_OF_COVER,
    limitSets: sql`coalesce(r.checked_limit_sets, 0)`,
  }[query.sort];
  const today = tokyoDate(now);

  const [countRow, pageIds] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    filtered
      .select("r.id")
      .orderBy(sql`${sortExpression} ${nulls}`)
      .orderBy("r.id", query.dir)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const ids = pageIds.map((row) => row.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom("sosRequests as r")
          .innerJoin("institutions as i", "i.id", "r.institutionId")
          .innerJoin("prefectures as p", "p.code", "r.prefectureCode")
          .leftJoin("prefectureReviews as pr", "pr.requestId", "r.id")
          .leftJoin("weeklySurveys as s", "s.id", "r.surveyId")
          .leftJoin("ministryApprovals as ma", "ma.requestId", "r.id")
          .select([
            "r.id",
            "r.version",
            "r.status",
            "r.reviewStage",
            "r.weekStart",
            "r.appliedAt",
            "r.late",
            "r.handleFrom",
            "r.contactName",
            "r.checkedStock",
            "r.checkedConsumption",
            "r.checkedPurchases",
            "r.checkedLimitSets",
            "s.stock as surveyStock",
            "s.consumption as surveyConsumption",
            "s.purchases as surveyPurchases",
            "i.id as institutionId",
            "i.code as institutionCode",
            "i.name as institutionName",
            "i.type as institutionType",
            "r.prefectureCode",
            "p.name as prefectureName",
            "pr.requestId as reviewRequestId",
            "pr.supplyNeeded",
            "pr.quantitySets",
            "pr.completedAt",
            "ma.quantitySets as approvedSets",
          ])
          .select((eb) => [
            eb
              .exists(
                eb
                  .selectFrom("reviewReturns as rr")
                  .select(sql`1`.as("one"))
                  .whereRef("rr.requestId", "=", "r.id"),
              )
              .as("returned"),
            eb
              .exists(
                eb
                  .selectFrom("sanctions as sa")
                  .select(sql`1`.as("one"))
                  .whereRef("sa.institutionId", "=", "r.institutionId")
                  .where("sa.liftedAt", "is", null)
                  .where("sa.effectiveFrom", "<=", today),
              )
              .as("sanctioned"),
          ])
          .where("r.id", "in", ids)
          .execute();
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((x, y) => (position.get(x.id) ?? 0) - (position.get(y.id) ?? 0));

  const total = Number(countRow.n);
  return {
    items: rows.map((row): QueueRow => {
      const calculation = calculationOf(
        {
          stock: row.checkedStock,
          consumption: row.checkedConsumption,
          purchases: row.checkedPurchases,
        },
        {
          stock: row.surveyStock,
          consumption: row.surveyConsumption,
          purchases: row.surveyPurchases,
        },
      );
      const limitSets = row.checkedLimitSets ?? calculation?.assessment.limitSets ?? 0;
      // filedByInstitution guarantees a filing time; the fallback only satisfies the type.
      const appliedAt = row.appliedAt ?? now;
      let state: PrefectureReviewState = "none";
      if (row.reviewRequestId !== null) state = row.completedAt === null ? "draft" : "completed";
      return {
        id: row.id,
        version: row.version,
        status: row.status,
        statusLabel: sosStatusDetailLabel(row.status, row.reviewStage),
        reviewStage: row.reviewStage,
        reviewStageLabel: row.reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[row.reviewStage],
        weekStart: row.weekStart,
        appliedAt,
        late: row.late,
        handleFrom: row.handleFrom,
        prefectureDue: prefectureDeadline(appliedAt),
        institution: {
          id: row.institutionId,
          code: row.institutionCode,
          name: row.institutionName,
          type: row.institutionType,
          typeLabel: INSTITUTION_TYPE_LABELS.ja[row.institutionType],
          prefectureCode: row.prefectureCode,
          prefectureName: row.prefectureName,
        },
        contactName: row.contactName,
        figures: calculation?.figures ?? null,
        assessment: calculation?.assessment ?? null,
        limitSets,
        limitPieces: limitSets * PIECES_PER_SET,
        weeksOfCover: calculation?.weeksOfCover ?? null,
        prefectureReview: {
          state,
          supplyNeeded: row.supplyNeeded ?? null,
          quantitySets: row.quantitySets ?? null,
          completedAt: row.completedAt ?? null,
        },
        approvedSets: row.approvedSets ?? null,
        returned: Boolean(row.returned),
        sanctioned: Boolean(row.sanctioned),
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

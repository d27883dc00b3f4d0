import type { RawBuilder, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../connect";
import type { SosRequestsTable, SosStatusColumn } from "../schema";

/**
 * The review of filed SOS requests: the prefecture's input, the ministry's
 * approval or return, and the request's status as the review moves it. The
 * queue's statements are in review-queue.ts.
 */

export type RequestRow = Selectable<SosRequestsTable>;

/** Whose requests a reviewer reaches: one prefecture's, or (the ministry) all. */
export type RequestScope = { kind: "prefecture"; code: number } | { kind: "ministry" };

/**
 * What reviewers see of a request (as a condition on alias r): only what was
 * filed, i.e. passed the system check at least once. Drafts and failed checks
 * (エラーあり) are the institution's own business; a withdrawn request counts
 * when it had been filed, since its officers were told of the filing and of
 * the withdrawal.
 */
export const FILED_BY_INSTITUTION = sql<boolean>`(r.status in ('reviewing', 'accepted', 'not_eligible')
  or (r.status = 'withdrawn' and exists (
    select 1 from sos_request_history fh where fh.request_id = r.id and fh.action = 'apply_passed')))`;

/**
 * FILED_BY_INSTITUTION narrowed to one status: the same rows, in a form the
 * planner can serve from the (prefecture_code, status, applied_at) index.
 */
export function filedWithStatus(
  status: "reviewing" | "accepted" | "not_eligible" | "withdrawn",
): RawBuilder<boolean> {
  if (status !== "withdrawn") return sql<boolean>`r.status = ${status}`;
  return sql<boolean>`(r.status = 'withdrawn' and exists (
    select 1 from sos_request_history fh where fh.request_id = r.id and fh.action = 'apply_passed'))`;
}

/** A prefecture officer reaches its own prefecture's requests only; the ministry reaches all. */
export function withinScope(scope: RequestScope): RawBuilder<boolean> {
  return scope.kind === "ministry"
    ? sql<boolean>`true`
    : sql<boolean>`r.prefecture_code = ${scope.code}`;
}

function filedInScope(db: Db, scope: RequestScope, id: string) {
  return db
    .selectFrom("sosRequests as r")
    .selectAll("r")
    .where("r.id", "=", id)
    .where(withinScope(scope))
    .where(FILED_BY_INSTITUTION);
}

/** The filed request if the scope reaches it, without locking (reads). */
export async function findRequestForReview(
  db: Db,
  scope: RequestScope,
  id: string,
): Promise<RequestRow | undefined> {
  return filedInScope(db, scope, id).executeTakeFirst();
}

/** findRequestForReview, row-locked for the rest of the transaction. */
export async function lockRequestForReview(
  db: Db,
  scope: RequestScope,
  id: string,
): Promise<RequestRow | undefined> {
  return filedInScope(db, scope, id).forUpdate().executeTakeFirst();
}

/** What a review mail says of the institution, and where it goes. */
export async function findInstitutionContact(db: Db, institutionId: string) {
  return institutionWithPrefecture(db, institutionId)
    .select(["i.code", "i.name", "i.email", "p.name as prefectureName"])
    .executeTakeFirst();
}

function institutionWithPrefecture(db: Db, institutionId: string) {
  return db
    .selectFrom("institutions as i")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .where("i.id", "=", institutionId);
}

/** The institution as the request page shows it. */
export async function findInstitutionForReview(db: Db, institutionId: string) {
  return institutionWithPrefecture(db, institutionId)
    .select([
      "i.id",
      "i.code",
      "i.name",
      "i.type",
      "i.prefectureCode",
      "p.name as prefectureName",
      "i.postcode",
      "i.address",
      "i.phone",
      "i.email",
    ])
    .executeTakeFirst();
}

/** The request's survey as the request page shows it. */
export async function findSurveyForReview(db: Db, surveyId: string) {
  return db
    .selectFrom("weeklySurveys")
    .select(["id", "weekStart", "stock", "consumption", "purchases", "answeredAt"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
}

/** A survey's three figures (the purchase limit's inputs). */
export async function findSurveyFigures(db: Db, surveyId: string) {
  return db
    .selectFrom("weeklySurveys")
    .select(["stock", "consumption", "purchases"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
}

/** The prefecture's input on a request, with who completed and last updated it. */
export async function findPrefectureReviewWithPeople(db: Db, requestId: string) {
  return db
    .selectFrom("prefectureReviews as pr")
    .leftJoin("users as cu", "cu.id", "pr.completedBy")
    .leftJoin("users as uu", "uu.id", "pr.updatedBy")
    .selectAll("pr")
    .select(["cu.displayName as completedByName", "uu.displayName as updatedByName"])
    .where("pr.requestId", "=", requestId)
    .executeTakeFirst();
}

/** The prefecture's input on a request as stored. */
export async function findPrefectureReview(db: Db, requestId: string) {
  return db
    .selectFrom("prefectureReviews")
    .selectAll()
    .where("requestId", "=", requestId)
    .executeTakeFirst();
}

/** The ministry's approval of a request, with who approved it. */
export async function findMinistryApprovalWithPerson(db: Db, requestId: string) {
  return db
    .selectFrom("ministryApprovals as ma")
    .innerJoin("users as u", "u.id", "ma.approvedBy")
    .selectAll("ma")
    .select("u.displayName as approvedByName")
    .where("ma.requestId", "=", requestId)
    .executeTakeFirst();
}

/** Every return of a request to its prefecture, the oldest first. */
export async function listReviewReturns(db: Db, requestId: string) {
  return db
    .selectFrom("reviewReturns as rr")
    .innerJoin("users as u", "u.id", "rr.returnedBy")
    .select(["rr.id", "rr.reason", "rr.returnedAt", "rr.returnedBy", "u.displayName"])
    .where("rr.requestId", "=", requestId)
    .orderBy("rr.returnedAt")
    .orderBy("rr.id")
    .execute();
}

/** The target list (④) a request went out on, if any. */
export async function findTargetListOfRequest(db: Db, requestId: string) {
  return db
    .selectFrom("targetItems as t")
    .innerJoin("targetBatches as b", "b.id", "t.batchId")
    .select(["b.id as batchId", "b.number", "b.issuedAt"])
    .where("t.requestId", "=", requestId)
    .executeTakeFirst();
}

/** The order bought on the request's list item, with its shipment (none: not bought). */
export async function findOrderOfRequest(db: Db, requestId: string) {
  return db
    .selectFrom("targetItems as t")
    .innerJoin("orders as o", "o.targetItemId", "t.id")
    .leftJoin("shipments as s", "s.orderId", "o.id")
    .select([
      "o.orderNumber",
      "o.status",
      "o.createdAt as orderedAt",
      "o.totalSets",
      "s.shippedAt",
      "s.deliveredAt",
      "s.receivedAt",
    ])
    .where("t.requestId", "=", requestId)
    .executeTakeFirst();
}

/** Ends a request (対象外): its new status, no stage, the reason, the next version. */
export async function closeRequest(
  db: Db,
  change: { id: string; status: SosStatusColumn; closedReason: string; version: number; at: Date },
): Promise<void> {
  await db
    .updateTable("sosRequests")
    .set({
      status: change.status,
      reviewStage: null,
      closedReason: change.closedReason,
      version: change.version,
      updatedAt: change.at,
    })
    .where("id", "=", change.id)
    .execute();
}

/** Approval ends the review: the new status, no stage, the next version. */
export async function setRequestApproved(
  db: Db,
  change: { id: string; status: SosStatusColumn; version: number; at: Date },
): Promise<void> {
  await db
    .updateTable("sosRequests")
    .set({
      status: change.status,
      reviewStage: null,
      version: change.version,
      updatedAt: change.at,
    })
    .where("id", "=", change.id)
    .execute();
}

/** Moves a request to another review stage (or keeps it), with the next version. */
export async function setRequestReviewStage(
  db: Db,
  change: { id: string; reviewStage: "prefecture" | "ministry" | null; version: number; at: Date },
): Promise<void> {
  await db
    .updateTable("sosRequests")
    .set({ reviewStage: change.reviewStage, version: change.version, updatedAt: change.at })
    .where("id", "=", change.id)
    .execute();
}

/** Records the prefecture's 対象外 reason, creating its input row if there is none. */
export async function upsertNotEligibleReason(
  db: Db,
  entry: {
    requestId: string;
    computedLimitSets: number;
    reason: string;
    at: Date;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto("prefectureReviews")
    .values({
      requestId: entry.requestId,
      computedLimitSets: entry.computedLimitSets,
      notEligibleReason: entry.reason,
      updatedAt: entry.at,
      updatedBy: entry.by,
    })
    .onConflict((oc) =>
      oc.column("requestId").doUpdateSet((eb) => ({
        notEligibleReason: entry.reason,
        updatedAt: entry.at,
        updatedBy: entry.by,
        version: eb(eb.ref("prefectureReviews.version"), "+", 1),
      })),
    )
    .execute();
}

export interface PrefectureReviewFields {
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  computedLimitSets: number;
  overrideReason: string | null;
  notes: string;
  updatedAt: Date;
  updatedBy: string;
}

/** Writes the prefecture's input (a new version of it), with its completion when given. */
export async function upsertPrefectureReview(
  db: Db,
  requestId: string,
  fields: PrefectureReviewFields,
  completion: { completedAt: Date; completedBy: string } | Record<string, never>,
): Promise<void> {
  await db
    .insertInto("prefectureReviews")
    .values({ requestId, ...fields, ...completion })
    .onConflict((oc) =>
      oc.column("requestId").doUpdateSet((eb) => ({
        ...fields,
        version: eb(eb.ref("prefectureReviews.version"), "+", 1),
        ...completion,
      })),
    )
    .execute();
}

/** Clears the prefecture's completion (its input stays); the prefecture's quantity, if any. */
export async function reopenPrefectureReview(
  db: Db,
  entry: { requestId: string; at: Date; by: string },
): Promise<{ quantitySets: number | null } | undefined> {
  return db
    .updateTable("prefectureReviews")
    .set((eb) => ({
      completedAt: null,
      completedBy: null,
      updatedAt: entry.at,
      updatedBy: entry.by,
      version: eb(eb.ref("prefectureReviews.version"), "+", 1),
    }))
    .where("requestId", "=", entry.requestId)
    .returning(["quantitySets"])
    .executeTakeFirst();
}

export async function insertReviewReturn(
  db: Db,
  entry: { requestId: string; reason: string; returnedAt: Date; returnedBy: string },
): Promise<void> {
  await db.insertInto("reviewReturns").values(entry).execute();
}

/**
 * The filed requests among `ids`, row-locked in id order (so overlapping
 * batches cannot deadlock), with what approving them needs.
 */
export async function lockRequestsForApproval(db: Db, ids: readonly string[]) {
  return db
    .selectFrom("sosRequests as r")
    .innerJoin("institutions as i", "i.id", "r.institutionId")
    .leftJoin("prefectureReviews as pr", "pr.requestId", "r.id")
    .selectAll("r")
    .select([
      "i.name as institutionName",
      "i.code as institutionCode",
      "i.email as institutionEmail",
      "pr.completedAt as reviewCompletedAt",
      "pr.quantitySets as prefectureSets",
    ])
    .where("r.id", "in", ids)
    .where(FILED_BY_INSTITUTION)
    .orderBy("r.id")
    .forUpdate("r")
    .execute();
}
export type ApprovalRow = Awaited<ReturnType<typeof lockRequestsForApproval>>[number];

export async function insertMinistryApproval(
  db: Db,
  approval: {
    requestId: string;
    quantitySets: number;
    adjustReason: string | null;
    approvedAt: Date;
    approvedBy: string;
  },
): Promise<void> {
  await db.insertInto("ministryApprovals").values(approval).execute();
}

/**
 * One filing time per handle_from of the requests in scope waiting for the
 * prefecture, with how many there are: the due time depends only on the day
 * handling starts, so a few rows stand for the whole queue.
 */
export async function awaitingPrefectureGroups(db: Db, scope: RequestScope) {
  return db
    .selectFrom("sosRequests as r")
    .select((eb) => [eb.fn.min("r.appliedAt").as("appliedAt"), eb.fn.countAll<string>().as("n")])
    .where("r.status", "=", "reviewing")
    .where("r.reviewStage", "=", "prefecture")
    .where(withinScope(scope))
    .groupBy("r.handleFrom")
    .execute();
}

/** Requests in scope waiting for the ministry (国確認中), whatever their week. */
export async function countAwaitingMinistry(db: Db, scope: RequestScope): Promise<number> {
  const row = await db
    .selectFrom("sosRequests as r")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("r.status", "=", "reviewing")
    .where("r.reviewStage", "=", "ministry")
    .where(withinScope(scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every prefecture with the counts of one survey week's requests (null where
 * it has none), in prefecture order (sos_requests_week_prefecture_idx).
 */
export async function progressByPrefecture(db: Db, weekStart: string) {
  return db
    .selectFrom("prefectures as p")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("sosRequests as r")
          .leftJoin("prefectureReviews as pr", "pr.requestId", "r.id")
          .select([
            "r.prefectureCode",
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted', 'not_eligible'))::int`.as(
              "filed",
            ),
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted', 'not_eligible') and r.late)::int`.as(
              "late",
            ),
            sql<number>`count(*) filter (where r.status = 'reviewing' and r.review_stage = 'prefecture')::int`.as(
              "awaitingPrefecture",
            ),
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted') and pr.completed_at is not null)::int`.as(
              "completedByPrefecture",
            ),
            sql<number>`count(*) filter (where r.status = 'reviewing' and r.review_stage = 'ministry')::int`.as(
              "awaitingMinistry",
            ),
            sql<number>`count(*) filter (where r.status = 'accepted')::int`.as("approved"),
            sql<number>`count(*) filter (where r.status = 'accepted' and exists (select 1 from target_items t where t.request_id = r.id))::int`.as(
              "listed",
            ),
            sql<number>`count(*) filter (where r.status = 'not_eligible')::int`.as("notEligible"),
            sql<number>`count(*) filter (where r.status = 'reviewing')::int`.as("remaining"),
          ])
          .where("r.weekStart", "=", weekStart)
          .groupBy("r.prefectureCode")
          .as("c"),
      (join) => join.onRef("c.prefectureCode", "=", "p.code"),
    )
    .select([
      "p.code as prefectureCode",
      "p.name as prefectureName",
      "c.filed",
      "c.late",
      "c.awaitingPrefecture",
      "c.completedByPrefecture",
      "c.awaitingMinistry",
      "c.approved",
      "c.listed",
      "c.notEligible",
      "c.remaining",
    ])
    .orderBy("p.code")
    .execute();
}

/** The approved requests of a survey week with their quantities, in prefecture and code order. */
export async function approvedOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("sosRequests as r")
    .innerJoin("ministryApprovals as ma", "ma.requestId", "r.id")
    .innerJoin("institutions as i", "i.id", "r.institutionId")
    .innerJoin("prefectures as p", "p.code", "r.prefectureCode")
    .select(["i.name", "p.name as prefectureName", "ma.quantitySets"])
    .where("r.weekStart", "=", weekStart)
    .where("r.status", "=", "accepted")
    .orderBy("r.prefectureCode")
    .orderBy("i.code")
    .execute();
}

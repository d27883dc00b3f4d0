import type { SosStatus } from "@sos/domain";
import {
  type Insertable,
  type Selectable,
  type SelectQueryBuilder,
  sql,
  type Updateable,
} from "kysely";
import type { Db } from "../connect";
import type { SosRequestsTable } from "../schema";

export type SosRequestRow = Selectable<SosRequestsTable>;

const OPEN_STATUSES = ["reviewing", "accepted"] as const satisfies readonly SosStatus[];

/** Postgres' unique_violation, raised by sos_requests_one_open_per_week. */
export const ONE_OPEN_PER_WEEK_INDEX = "sos_requests_one_open_per_week";

export function isOneOpenPerWeekViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && constraint === ONE_OPEN_PER_WEEK_INDEX;
}

/** A new request (a draft saved from the form); returns its id and week. */
export async function insertRequest(
  db: Db,
  values: Insertable<SosRequestsTable>,
): Promise<{ id: string; weekStart: string }> {
  return db
    .insertInto("sosRequests")
    .values(values)
    .returning(["id", "weekStart"])
    .executeTakeFirstOrThrow();
}

export async function updateRequest(
  db: Db,
  id: string,
  changes: Updateable<SosRequestsTable>,
): Promise<void> {
  await db.updateTable("sosRequests").set(changes).where("id", "=", id).execute();
}

/**
 * The update that files a request, under a savepoint: false when the
 * one-open-per-week index refused it (the savepoint keeps the caller's
 * transaction usable).
 */
export async function updateRequestUnlessWeekTaken(
  db: Db,
  id: string,
  changes: Updateable<SosRequestsTable>,
): Promise<boolean> {
  await sql`savepoint sos_apply_file`.execute(db);
  try {
    await updateRequest(db, id, changes);
  } catch (error) {
    if (!isOneOpenPerWeekViolation(error)) throw error;
    await sql`rollback to savepoint sos_apply_file`.execute(db);
    return false;
  }
  await sql`release savepoint sos_apply_file`.execute(db);
  return true;
}

/** Another institution's id finds nothing, exactly like an unknown id. */
export async function findRequest(
  db: Db,
  institutionId: string,
  id: string,
): Promise<SosRequestRow | undefined> {
  return db
    .selectFrom("sosRequests")
    .selectAll()
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .executeTakeFirst();
}

/**
 * Row-locks the request for the rest of the transaction: a second click, tab
 * or server acting on the same request waits here, then sees the new version.
 */
export async function lockRequest(
  db: Db,
  institutionId: string,
  id: string,
): Promise<SosRequestRow | undefined> {
  return db
    .selectFrom("sosRequests")
    .selectAll()
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function openRequestExists(
  db: Db,
  institutionId: string,
  weekStart: string,
  exceptId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("sosRequests")
    .select("id")
    .where("institutionId", "=", institutionId)
    .where("weekStart", "=", weekStart)
    .where("status", "in", OPEN_STATUSES)
    .where("id", "<>", exceptId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface HistoryInsert {
  requestId: string;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: SosStatus | null;
  toStatus: SosStatus | null;
  changes: Record<string, unknown>;
  /** 代理入力: the delegate organisation whose user acted; absent or null for anyone else. */
  delegateOrganisationId?: string | null;
}

export async function insertHistory(db: Db, entry: HistoryInsert): Promise<void> {
  await db
    .insertInto("sosRequestHistory")
    .values({ ...entry, changes: JSON.stringify(entry.changes) })
    .execute();
}

export async function listHistory(db: Db, requestId: string) {
  return db
    .selectFrom("sosRequestHistory as h")
    .leftJoin("users as u", "u.id", "h.actorUserId")
    .leftJoin("delegateOrganisations as d", "d.id", "h.delegateOrganisationId")
    .select([
      "h.id",
      "h.at",
      "h.actorUserId",
      "h.actorRole",
      "h.action",
      "h.fromStatus",
      "h.toStatus",
      "h.changes",
      "u.displayName as actorName",
      "d.name as delegateName",
    ])
    .where("h.requestId", "=", requestId)
    .orderBy("h.at")
    .orderBy("h.id")
    .execute();
}

/** 「最近参照したデータ」: remembers when this user last opened the request. */
export async function recordView(
  db: Db,
  userId: string,
  requestId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto("sosRequestViews")
    .values({ userId, requestId, viewedAt: at })
    .onConflict((oc) => oc.columns(["userId", "requestId"]).doUpdateSet({ viewedAt: at }))
    .execute();
}

export async function findReviewOutcome(db: Db, requestId: string) {
  const [prefecture, ministry] = await Promise.all([
    db
      .selectFrom("prefectureReviews")
      .select(["quantitySets", "computedLimitSets", "notEligibleReason", "completedAt"])
      .where("requestId", "=", requestId)
      .executeTakeFirst(),
    db
      .selectFrom("ministryApprovals")
      .select(["quantitySets", "approvedAt"])
      .where("requestId", "=", requestId)
      .executeTakeFirst(),
  ]);
  return { prefecture, ministry };
}

/** A keyset position: the sort column as Postgres prints it (microseconds kept) and the id. */
export interface ListPosition {
  key: string;
  id: string;
}

export type SosListRow = SosRequestRow & { viewedAt: Date | null; sortKey: string };

/** One page of a list, as the client asked for it. */
export interface ListPage {
  after: ListPosition | null;
  limit: number;
}

/**
 * The page after `after`, newest first by `column` then r.id. The column is written
 * as Postgres names it (snake_case) so the keyset comparison and the sort key text
 * read it as is; the CamelCasePlugin leaves such a reference unchanged.
 */
function newestFirst<DB, TB extends keyof DB>(
  query: SelectQueryBuilder<DB, TB, SosListRow>,
  column: "r.created_at" | "v.viewed_at" | "r.applied_at",
  { after, limit }: ListPage,
): Promise<SosListRow[]> {
  const page =
    after === null
      ? query
      : query.where(
          sql<boolean>`(${sql.raw(column)}, r.id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
        );
  return page
    .orderBy(sql.ref(column), "desc")
    .orderBy(sql.ref("r.id"), "desc")
    .limit(limit)
    .execute();
}

/** The institution's requests as list rows (none viewed), keyed by `column`. */
function ownRequests(db: Db, institutionId: string, column: "r.created_at" | "r.applied_at") {
  return db
    .selectFrom("sosRequests as r")
    .selectAll("r")
    .select([
      sql<Date | null>`null`.as("viewedAt"),
      sql<string>`${sql.raw(column)}::text`.as("sortKey"),
    ])
    .where("r.institutionId", "=", institutionId);
}

/** すべて: every request of the institution, newest first. */
export async function listAll(
  db: Db,
  institutionId: string,
  page: ListPage,
): Promise<SosListRow[]> {
  return newestFirst(ownRequests(db, institutionId, "r.created_at"), "r.created_at", page);
}

/** 最近参照したデータ: what this user opened, the latest view first. */
export async function listRecent(
  db: Db,
  institutionId: string,
  userId: string,
  page: ListPage,
): Promise<SosListRow[]> {
  const query = db
    .selectFrom("sosRequestViews as v")
    .innerJoin("sosRequests as r", "r.id", "v.requestId")
    .selectAll("r")
    .select(["v.viewedAt", sql<string>`v.viewed_at::text`.as("sortKey")])
    .where("v.userId", "=", userId)
    .where("r.institutionId", "=", institutionId);
  return newestFirst(query, "v.viewed_at", page);
}

/**
 * 実施中の緊急配布要請: applied between `since` and `now`, both ends included
 * (the SQL form of rules.isActive), the latest filing first.
 */
export async function listActive(
  db: Db,
  institutionId: string,
  { since, now }: { since: Date; now: Date },
  page: ListPage,
): Promise<SosListRow[]> {
  const query = ownRequests(db, institutionId, "r.applied_at")
    .where("r.appliedAt", "is not", null)
    .where("r.appliedAt", "<=", now)
    .where("r.appliedAt", ">=", since);
  return newestFirst(query, "r.applied_at", page);
}

/**
 * The requests the home page may point at: those of the survey week, plus
 * drafts saved in an earlier week (not filed yet, so still to be acted on;
 * applying moves them to the week they are filed in). Most recently touched first.
 */
export async function listHomeRequests(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SosRequestRow[]> {
  return db
    .selectFrom("sosRequests")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where((eb) => eb.or([eb("weekStart", "=", weekStart), eb("status", "=", "draft")]))
    .orderBy("updatedAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

/**
 * Deletes a request that was never filed, with the rows that hang on it (its
 * history, officers' views, sizes), in the caller's transaction. The status is
 * checked again here: a filed request is never deleted, and its reviews,
 * approvals and target list rows would refuse it by their foreign keys anyway.
 * Returns whether the request was deleted (false: roll back, its rows stay).
 */
export async function deleteUnfiledRequest(
  db: Db,
  id: string,
  statuses: readonly SosStatus[],
): Promise<boolean> {
  await db.deleteFrom("sosRequestViews").where("requestId", "=", id).execute();
  await db.deleteFrom("sosRequestSizes").where("requestId", "=", id).execute();
  await db.deleteFrom("sosRequestHistory").where("requestId", "=", id).execute();
  const deleted = await db
    .deleteFrom("sosRequests")
    .where("id", "=", id)
    .where("status", "in", statuses)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

import type { Db, SosRequestsTable } from "@sos/db";
import { type RawBuilder, type Selectable, sql } from "kysely";
import { DomainError } from "../../errors";
import type { ReviewScope } from "../../trpc";

export type RequestRow = Selectable<SosRequestsTable>;

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
export function withinScope(scope: ReviewScope): RawBuilder<boolean> {
  return scope.kind === "ministry"
    ? sql<boolean>`true`
    : sql<boolean>`r.prefecture_code = ${scope.code}`;
}

/**
 * Row-locks a request the actor may act on, for the rest of the transaction.
 * Out of scope and unknown ids are the same NOT_FOUND, so an officer cannot
 * probe another prefecture's ids. A concurrent decision on the same request
 * waits here and then sees the committed version.
 */
export async function lockForReview(
  db: Db,
  scope: ReviewScope,
  id: string,
  expectedVersion: number,
): Promise<RequestRow> {
  const row = await db
    .selectFrom("sosRequests as r")
    .selectAll("r")
    .where("r.id", "=", id)
    .where(withinScope(scope))
    .where(FILED_BY_INSTITUTION)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.version !== expectedVersion) {
    throw new DomainError("STALE_VERSION");
  }
  return row;
}

/** The request if the actor may see it, without locking (reads). */
export async function findForReview(
  db: Db,
  scope: ReviewScope,
  id: string,
): Promise<RequestRow | undefined> {
  return db
    .selectFrom("sosRequests as r")
    .selectAll("r")
    .where("r.id", "=", id)
    .where(withinScope(scope))
    .where(FILED_BY_INSTITUTION)
    .executeTakeFirst();
}

import type { Db } from "@sos/db";
import {
  findRequestForReview,
  lockRequestForReview,
  type RequestRow,
} from "@sos/db/repositories/review";
import { DomainError } from "../../errors";
import type { ReviewScope } from "../../trpc";

export type { RequestRow } from "@sos/db/repositories/review";

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
  const row = await lockRequestForReview(db, scope, id);
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
  return findRequestForReview(db, scope, id);
}

import type { Db } from "@sos/db";
import {
  findRequestForReview,
  lastHistoryActorRole,
  lockRequestForReview,
  type RequestRow,
} from "@sos/db/repositories/review";
import { DomainError } from "../../errors";
import type { ReviewScope } from "../../trpc";
import { STALE_REVIEW_MESSAGE, staleMessageAfter } from "./messages";

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
    throw new DomainError("STALE_VERSION", { messageJa: await staleMessage(db, id) });
  }
  return row;
}

/**
 * Says who came first when that helps: an institution editing its request
 * while an officer decides is a different situation from two officers.
 */
async function staleMessage(db: Db, id: string): Promise<string> {
  const last = await lastHistoryActorRole(db, id);
  return last ? staleMessageAfter(last.actorRole) : STALE_REVIEW_MESSAGE;
}

/** The request if the actor may see it, without locking (reads). */
export async function findForReview(
  db: Db,
  scope: ReviewScope,
  id: string,
): Promise<RequestRow | undefined> {
  return findRequestForReview(db, scope, id);
}

import type { Role } from "@sos/domain";

/**
 * Where a request page was opened from: the queue's address and the page of rows the
 * officer was working through. Kept in the history entry's state (not the URL), so a
 * request's address stays the same for everyone, and a reload keeps the way back.
 */
export interface QueueContext {
  /** The queue's "?…" (filters, sort, page), "" for the default queue. */
  search: string;
  page: number;
  /** That page's requests, in the queue's order. */
  ids: readonly string[];
  /** Requests decided in this run, never offered again as "next". */
  done: readonly string[];
}

/** Only what the app itself put there is read: history state survives across versions. */
export function queueContextOf(state: unknown): QueueContext | null {
  if (typeof state !== "object" || state === null || !("reviewQueue" in state)) return null;
  const value = state.reviewQueue;
  if (typeof value !== "object" || value === null) return null;
  const { search, page, ids, done } = value as Record<string, unknown>;
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  if (typeof search !== "string" || (search !== "" && !search.startsWith("?"))) return null;
  if (typeof page !== "number" || !Number.isInteger(page) || page < 1) return null;
  if (!strings(ids) || !strings(done)) return null;
  return { search, page, ids, done };
}

/** A row as the choice of the next request needs it. */
export interface QueueCandidate {
  id: string;
  status: string;
  reviewStage: string | null;
}

/** What the role can still act on: the prefecture's input, or the ministry's approval. */
export function isActionableFor(role: Role, row: QueueCandidate): boolean {
  if (row.status !== "reviewing") return false;
  return row.reviewStage === (role === "ministry" ? "ministry" : "prefecture");
}

/**
 * The request to open after deciding `currentId`, from a fresh read of the same queue
 * page: the first one below it still waiting for this role. Requests the officer
 * passed over above it stay passed over; rows that moved up from the next page count
 * as below. Null when this page has none left.
 */
export function pickNext(
  rows: readonly QueueCandidate[],
  context: QueueContext,
  currentId: string,
  role: Role,
): string | null {
  const currentIndex = context.ids.indexOf(currentId);
  const done = new Set([...context.done, currentId]);
  for (const row of rows) {
    if (done.has(row.id) || !isActionableFor(role, row)) continue;
    const seenAt = context.ids.indexOf(row.id);
    if (seenAt !== -1 && seenAt <= currentIndex) continue;
    return row.id;
  }
  return null;
}

/** The context after moving on from `currentId` to a request of `rows` (page `page`). */
export function advanceContext(
  context: QueueContext,
  currentId: string,
  page: number,
  rows: readonly QueueCandidate[],
  search: string,
): QueueContext {
  return {
    search,
    page,
    ids: rows.map((row) => row.id),
    done: [...new Set([...context.done, currentId])],
  };
}

/** The previous and following request on the page the officer opened this one from. */
export function neighbours(
  context: QueueContext,
  currentId: string,
): { previous: string | null; next: string | null } {
  const index = context.ids.indexOf(currentId);
  if (index === -1) return { previous: null, next: null };
  return { previous: context.ids[index - 1] ?? null, next: context.ids[index + 1] ?? null };
}

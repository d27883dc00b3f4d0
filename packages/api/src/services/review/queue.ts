import type { Db } from "@sos/db";
import {
  countQueue,
  pageOfIds,
  type QueueFilter,
  queueRecords,
} from "@sos/db/repositories/review-queue";
import { addDaysYmd, tokyoDate, tokyoTime } from "@sos/rules";
import type { QueuePage, QueueQuery } from "../../schemas/review";
import type { ReviewScope } from "../../trpc";
import { toQueueRow } from "./queue-rows";

export {
  PREFECTURE_REVIEW_STATES,
  type PrefectureReviewState,
  QUEUE_SORTS,
  type QueueSort,
  REVIEWER_STATUSES,
  type ReviewerStatus,
} from "@sos/db/repositories/review-queue";

/**
 * The queue's statements' filter for a query: the filing days as Tokyo
 * instants (the last day's end is the next day's 00:00), the page as rows.
 */
export function queueFilterOf(query: QueueQuery): QueueFilter {
  return {
    status: query.status,
    stage: query.stage,
    institutionType: query.institutionType,
    filedFrom: query.filedFrom === null ? null : tokyoTime(query.filedFrom, 0, 0),
    filedBefore: query.filedTo === null ? null : tokyoTime(addDaysYmd(query.filedTo, 1), 0, 0),
    late: query.late,
    prefectureCode: query.prefectureCode,
    reviewState: query.reviewState,
    search: query.search,
    sort: query.sort,
    dir: query.dir,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
}

/**
 * One page of the review queue with the total for the pager: the count and the
 * page's ids run side by side on sos_requests' own indexes, then one fixed
 * statement reads the page's rows (repositories/review-queue.ts).
 */
export async function reviewQueue(
  db: Db,
  { scope, now, query }: { scope: ReviewScope; now: Date; query: QueueQuery },
): Promise<QueuePage> {
  const filter = queueFilterOf(query);
  const [total, ids] = await Promise.all([
    countQueue(db, filter, scope),
    pageOfIds(db, filter, scope),
  ]);
  const records = await queueRecords(db, ids, tokyoDate(now));
  return {
    items: records.map((record) => toQueueRow(record, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

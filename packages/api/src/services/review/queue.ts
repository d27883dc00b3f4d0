import type { Db } from "@sos/db";
import type { InstitutionType } from "@sos/domain";
import {
  type Assessment,
  type ReviewStage,
  type SosStatus,
  type SurveyFigures,
  tokyoDate,
} from "@sos/rules";
import type { ReviewScope } from "../../trpc";
import { countQueue, pageOfIds } from "./queue-filter";
import { queueRecords, toQueueRow } from "./queue-rows";

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
 * One page of the review queue with the total for the pager: the count and the
 * page's ids (queue-filter.ts) run side by side on sos_requests' own indexes,
 * then one fixed statement reads the page's rows (queue-rows.ts).
 */
export async function reviewQueue(
  db: Db,
  { scope, now, query }: { scope: ReviewScope; now: Date; query: QueueQuery },
): Promise<QueuePage> {
  const [total, ids] = await Promise.all([
    countQueue(db, query, scope),
    pageOfIds(db, query, scope),
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

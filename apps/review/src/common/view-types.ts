import type { InstitutionType, ReviewStage, SosStatus } from "@sos/domain";
import type { Assessment, SurveyFigures } from "@sos/rules";

/**
 * The shapes the review console's components take. They mirror the review API's
 * outputs (review.queue, review.ministryProgress, targetList.*, sanctions.*) field
 * for field, as subsets, so an app passes what the API returned without mapping.
 * Instants are ISO strings (as the API sends them) or Dates.
 */

/** none: nothing entered; draft: saved (一時保存), not completed; completed: with the ministry. */
export type PrefectureReviewState = "none" | "draft" | "completed";

/** One request in the review queue (review.queue items[]). */
export interface ReviewQueueRow {
  id: string;
  /** The request's version, for the optimistic lock of the actions taken on it. */
  version: number;
  status: SosStatus;
  reviewStage: ReviewStage | null;
  appliedAt: Date | string;
  /** Filed after the Wednesday 17:00 deadline. */
  late: boolean;
  /** The business day (YYYY-MM-DD, Tokyo) a late request is handled from. */
  handleFrom: string | null;
  institution: {
    name: string;
    /** The 10-digit institution code (医療機関コード). */
    code: string;
    typeLabel: string;
    prefectureName: string;
  };
  /** The three survey figures the system check judged (pieces); null when unknown. */
  figures: SurveyFigures | null;
  assessment: Assessment | null;
  /** 購入上限数 in sets as the system check computed it. */
  limitSets: number;
  /** stock ÷ (consumption − purchases); null when the stock does not shrink. */
  weeksOfCover: number | null;
  prefectureReview: {
    state: PrefectureReviewState;
    quantitySets: number | null;
  };
  /** The ministry's approved quantity, once accepted. */
  approvedSets?: number | null | undefined;
  /** The ministry has returned it to the prefecture at least once. */
  returned?: boolean | undefined;
  /** A sanction (同意事項④) is in force against the institution. */
  sanctioned?: boolean | undefined;
}

/** The queue's status filter: reviewing is the default; "all" is every filed request. */
export type ReviewQueueStatus = "reviewing" | "accepted" | "not_eligible" | "withdrawn" | "all";

/** The queue's filters, as review.queue takes them. */
export interface ReviewQueueFilters {
  status: ReviewQueueStatus;
  /** Only while reviewing: with the prefecture or with the ministry. */
  stage: ReviewStage | null;
  /** The prefecture's input so far. */
  reviewState: PrefectureReviewState | null;
  institutionType: InstitutionType | null;
  /** Filing days (YYYY-MM-DD, Tokyo), both ends included. */
  filedFrom: string | null;
  filedTo: string | null;
  /** true: only those filed after the Wednesday 17:00 deadline. */
  late: boolean | null;
  /** Ministry only. */
  prefectureCode: number | null;
  /** Part of the institution's name, or the start of its code. */
  search: string | null;
}

export const DEFAULT_REVIEW_QUEUE_FILTERS: Readonly<ReviewQueueFilters> = {
  status: "reviewing",
  stage: null,
  reviewState: null,
  institutionType: null,
  filedFrom: null,
  filedTo: null,
  late: null,
  prefectureCode: null,
  search: null,
};

/** The orders review.queue can sort by. */
export type ReviewQueueSortKey = "appliedAt" | "institutionName" | "weeksOfCover" | "limitSets";
export type SortDirection = "asc" | "desc";

export interface ReviewQueueSort {
  key: ReviewQueueSortKey;
  dir: SortDirection;
}

/** A prefecture to filter by (JIS X 0401 code and name). */
export interface PrefectureOption {
  code: number;
  name: string;
}

/** One round's counts (review.ministryProgress). */
export interface ProgressCounts {
  /** Filed and not withdrawn. */
  filed: number;
  /** Of those, filed after the Wednesday 17:00 deadline. */
  late?: number | undefined;
  awaitingPrefecture: number;
  /** The prefecture has completed its part (including those approved since). */
  completedByPrefecture: number;
  awaitingMinistry: number;
  approved: number;
  notEligible: number;
  /** Still reviewing, at the prefecture or the ministry. */
  remaining: number;
}

export interface PrefectureProgress extends ProgressCounts {
  prefectureCode: number;
  prefectureName: string;
}

/** A person as the API names them. */
export interface PersonRef {
  displayName: string;
}

/** A numbered target list (④対象医療機関リスト) handed to the vendor. */
export interface TargetBatchSummary {
  id: string;
  number: number;
  issuedAt: Date | string;
  issuedBy?: PersonRef | null | undefined;
  itemCount: number;
  totalSets: number;
}

/** A character the Shift_JIS (CP932) file cannot hold (targetList.csvCheck). */
export interface UnrepresentableChar {
  /** The spreadsheet row: the header is row 1, the first institution row 2. */
  row: number;
  /** The CSV column's header, e.g. 医療機関名. */
  column: string;
  char: string;
  /** e.g. "U+20BB7"; worked out from char when absent. */
  codePoint?: string | undefined;
  institutionName?: string | undefined;
  institutionCode?: string | undefined;
}

/** in_force: effective today; scheduled: effective from a later day; lifted. */
export type SanctionState = "in_force" | "scheduled" | "lifted";

/** A measure under consent term ④ (sanctions.list). */
export interface SanctionRecord {
  id: string;
  institution: { code: string; name: string; prefectureName: string };
  reason: string;
  /** YYYY-MM-DD (Tokyo). */
  effectiveFrom: string;
  state: SanctionState;
  createdAt: Date | string;
  createdBy?: PersonRef | null | undefined;
  liftedAt?: Date | string | null | undefined;
  liftedBy?: PersonRef | null | undefined;
  liftReason?: string | null | undefined;
}

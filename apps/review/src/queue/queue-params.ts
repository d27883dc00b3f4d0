import {
  INSTITUTION_TYPES,
  type InstitutionType,
  PREFECTURE_CODE_MAX,
  PREFECTURE_CODE_MIN,
  REVIEW_STAGES,
  type ReviewStage,
  type Role,
} from "@sos/domain";
import type { QueueInput } from "../api-types";

/**
 * The queue's state lives in the address (?status=…&sort=…&page=…): back and forward
 * step through filters and pages, a reload keeps them, and a link can be shared.
 * Only what differs from the defaults is written, so the plain queue is plain /requests.
 */

export const QUEUE_STATUSES = [
  "reviewing",
  "accepted",
  "not_eligible",
  "withdrawn",
  "all",
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const REVIEW_STATES = ["none", "draft", "completed"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const QUEUE_SORT_KEYS = [
  "appliedAt",
  "institutionName",
  "weeksOfCover",
  "limitSets",
] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** The API's own ceiling on the page number. */
const MAX_PAGE = 100_000;

export interface QueueFilters {
  status: QueueStatus;
  stage: ReviewStage | null;
  reviewState: ReviewState | null;
  institutionType: InstitutionType | null;
  filedFrom: string | null;
  filedTo: string | null;
  late: boolean | null;
  prefectureCode: number | null;
  search: string | null;
}

export interface QueueSort {
  key: QueueSortKey;
  dir: "asc" | "desc";
}

export interface QueueState {
  filters: QueueFilters;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_FILTERS: Readonly<QueueFilters> = {
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

/** The stage a role works on: the prefecture's input, or the ministry's approval. */
export function defaultStageFor(role: Role): ReviewStage {
  return role === "ministry" ? "ministry" : "prefecture";
}

/** Written for "any stage" where the role's default is one stage. */
const ANY_STAGE = "any";

/** Oldest filing first: requests are handled in the order they came in. */
export const DEFAULT_SORT: Readonly<QueueSort> = { key: "appliedAt", dir: "asc" };

/** The parameter each part is kept under. */
const P = {
  status: "status",
  stage: "stage",
  reviewState: "input",
  institutionType: "type",
  filedFrom: "from",
  filedTo: "to",
  late: "late",
  prefectureCode: "pref",
  search: "q",
  sort: "sort",
  dir: "dir",
  page: "page",
  pageSize: "size",
} as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const match = YMD.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function day(value: string | null): string | null {
  return value !== null && isCalendarDay(value) ? value : null;
}

function integerIn(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export interface QueueOptions {
  /** A prefecture officer sees its own prefecture only: a pref= in the address is ignored. */
  allowPrefectureFilter: boolean;
  /** The stage shown while reviewing when the address names none (stage=any: every stage). */
  defaultStage: ReviewStage | null;
}

/** The queue as a role first sees it: what is waiting for that role. */
export function queueOptionsFor(role: Role): QueueOptions {
  return { allowPrefectureFilter: role === "ministry", defaultStage: defaultStageFor(role) };
}

/** The filters of the queue as the role first sees it (also 「条件をクリア」's result). */
export function defaultFiltersFor(options: QueueOptions): QueueFilters {
  return { ...DEFAULT_FILTERS, stage: options.defaultStage };
}

function stageOf(value: string | null, options: QueueOptions): ReviewStage | null {
  if (value === ANY_STAGE) return null;
  return oneOf(REVIEW_STAGES, value) ?? options.defaultStage;
}

/** The queue state an address stands for; anything unreadable falls back to its default. */
export function parseQueueState(params: URLSearchParams, options: QueueOptions): QueueState {
  const status = oneOf(QUEUE_STATUSES, params.get(P.status)) ?? DEFAULT_FILTERS.status;
  let filedFrom = day(params.get(P.filedFrom));
  let filedTo = day(params.get(P.filedTo));
  // Typed the wrong way round in the address: the range still means the days between.
  if (filedFrom !== null && filedTo !== null && filedFrom > filedTo) {
    [filedFrom, filedTo] = [filedTo, filedFrom];
  }
  const search = params.get(P.search)?.trim().slice(0, 100) ?? "";
  const size = integerIn(params.get(P.pageSize), 1, 100);
  return {
    filters: {
      status,
      // A stage only exists while reviewing.
      stage: status === "reviewing" ? stageOf(params.get(P.stage), options) : null,
      reviewState: oneOf(REVIEW_STATES, params.get(P.reviewState)),
      institutionType: oneOf(INSTITUTION_TYPES, params.get(P.institutionType)),
      filedFrom,
      filedTo,
      late: params.get(P.late) === "1" ? true : null,
      prefectureCode: options.allowPrefectureFilter
        ? integerIn(params.get(P.prefectureCode), PREFECTURE_CODE_MIN, PREFECTURE_CODE_MAX)
        : null,
      search: search === "" ? null : search,
    },
    sort: {
      key: oneOf(QUEUE_SORT_KEYS, params.get(P.sort)) ?? DEFAULT_SORT.key,
      dir: oneOf(["asc", "desc"] as const, params.get(P.dir)) ?? DEFAULT_SORT.dir,
    },
    page: integerIn(params.get(P.page), 1, MAX_PAGE) ?? 1,
    pageSize: PAGE_SIZES.find((candidate) => candidate === size) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The address for a queue state: the parts that differ from the defaults, in a fixed order. */
export function queueSearchParams(state: QueueState, options: QueueOptions): URLSearchParams {
  const params = new URLSearchParams();
  const { filters, sort } = state;
  if (filters.status !== DEFAULT_FILTERS.status) params.set(P.status, filters.status);
  if (filters.status === "reviewing" && filters.stage !== options.defaultStage) {
    params.set(P.stage, filters.stage ?? ANY_STAGE);
  }
  if (filters.reviewState !== null) params.set(P.reviewState, filters.reviewState);
  if (filters.institutionType !== null) params.set(P.institutionType, filters.institutionType);
  if (filters.filedFrom !== null) params.set(P.filedFrom, filters.filedFrom);
  if (filters.filedTo !== null) params.set(P.filedTo, filters.filedTo);
  if (filters.late === true) params.set(P.late, "1");
  if (filters.prefectureCode !== null && options.allowPrefectureFilter) {
    params.set(P.prefectureCode, String(filters.prefectureCode));
  }
  if (filters.search !== null) params.set(P.search, filters.search);
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
    params.set(P.sort, sort.key);
    params.set(P.dir, sort.dir);
  }
  if (state.page !== 1) params.set(P.page, String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set(P.pageSize, String(state.pageSize));
  return params;
}

/** "?…" for a link, or "" for the default queue. */
export function queueSearch(state: QueueState, options: QueueOptions): string {
  const text = queueSearchParams(state, options).toString();
  return text === "" ? "" : `?${text}`;
}

/** review.queue's input for the state. */
export function queueInput(state: QueueState): QueueInput {
  const { filters } = state;
  return {
    status: filters.status,
    stage: filters.stage,
    reviewState: filters.reviewState,
    institutionType: filters.institutionType,
    filedFrom: filters.filedFrom,
    filedTo: filters.filedTo,
    late: filters.late,
    prefectureCode: filters.prefectureCode,
    search: filters.search,
    sort: state.sort.key,
    dir: state.sort.dir,
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** Filters changed: back to the first page, where the new result starts. */
export function withFilters(state: QueueState, filters: QueueFilters): QueueState {
  return { ...state, filters, page: 1 };
}

export function withSort(state: QueueState, sort: QueueSort): QueueState {
  return { ...state, sort, page: 1 };
}

export function withPageSize(state: QueueState, pageSize: number): QueueState {
  // Keep the first row on screen in view: the page that holds it at the new size.
  const firstRow = (state.page - 1) * state.pageSize;
  return { ...state, pageSize, page: Math.floor(firstRow / pageSize) + 1 };
}

/** The role's first queue with some filters changed, for a link from another page. */
export function queueWith(options: QueueOptions, filters: Partial<QueueFilters>): QueueState {
  return {
    filters: { ...defaultFiltersFor(options), ...filters },
    sort: { ...DEFAULT_SORT },
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
}

import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  PREFECTURES,
  REVIEW_STAGE_LABELS,
  SOS_STATUS_LABELS,
} from "@sos/domain";
import { assessEligibility, weeksOfCover } from "@sos/rules";
import type { QueueRow } from "../api-types";
import type { QueueFilters, QueueSort } from "../queue/queue-params";

/**
 * Story data for the review console: a deterministic queue of any size (no
 * Math.random, so stories and their assertions are stable), and the server's
 * filtering, sorting and paging replayed in memory.
 */

const NAMES = [
  "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター",
  "なにわ歯科クリニック",
  "ちゅら助産院",
  "さくら訪問看護ステーション",
  "みどり調剤薬局　本町店",
  "𠮷野家内科医院",
  "髙橋整形外科クリニック",
  "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
  "はなみずき小児科",
  "北の大地メディカルセンター",
] as const;

/** Wednesday 25 November 2026, 18:35 Tokyo: the survey week opens. */
const WEEK_OPENS = Date.parse("2026-11-25T09:35:00.000Z");
const HOUR = 3_600_000;

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new RangeError("empty list");
  return item;
}

/** What a story changes of a row; the institution and the prefecture's part field by field. */
export type QueueRowOverrides = Partial<Omit<QueueRow, "institution" | "prefectureReview">> & {
  institution?: Partial<QueueRow["institution"]>;
  prefectureReview?: Partial<QueueRow["prefectureReview"]>;
};

export function makeQueueRow(index: number, overrides: QueueRowOverrides = {}): QueueRow {
  // A spread of figures: most rows eligible, some not, some with purchases above use.
  const consumption = 500 + ((index * 733) % 9500);
  const purchases = index % 23 === 7 ? consumption + 200 : (index * 211) % Math.max(1, consumption);
  // Within four weeks of the shortfall (eligible), bar the rows whose purchases cover use.
  const stock = (index * 977) % (Math.max(1, consumption - purchases) * 4);
  const figures = { stock, consumption, purchases };
  const assessment = assessEligibility(figures);
  const type = pick(INSTITUTION_TYPES, index);
  const prefecture = pick(PREFECTURES, index * 7);
  // Filed through the week; the last few after the Wednesday 17:00 deadline.
  const late = index % 17 === 5;
  const appliedAt = late
    ? new Date(WEEK_OPENS + 7 * 24 * HOUR - HOUR)
    : new Date(WEEK_OPENS + ((index * 37) % (6 * 24)) * HOUR);
  const stage = index % 3 === 0 ? "ministry" : "prefecture";
  const reviewState = stage === "ministry" ? "completed" : index % 4 === 1 ? "draft" : "none";
  const { institution, prefectureReview, ...rest } = overrides;
  const status = rest.status ?? "reviewing";
  const reviewStage = rest.reviewStage === undefined ? stage : rest.reviewStage;
  return {
    id: `req-${String(index).padStart(5, "0")}`,
    version: 1 + (index % 3),
    status,
    statusLabel: SOS_STATUS_LABELS.ja[status],
    reviewStage,
    reviewStageLabel: reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[reviewStage],
    weekStart: "2026-11-25",
    appliedAt: appliedAt.toISOString(),
    late,
    handleFrom: late ? "2026-12-03" : null,
    // Thursday 3 December 2026, 17:00 Tokyo.
    prefectureDue: "2026-12-03T08:00:00.000Z",
    institution: {
      id: `6a1e2b3c-0000-4000-8000-${String(index).padStart(12, "0")}`,
      name: `${pick(NAMES, index)}${index >= NAMES.length ? ` ${index}` : ""}`,
      code: String(1_300_000_000 + index * 7919).padStart(10, "0"),
      type,
      typeLabel: INSTITUTION_TYPE_LABELS.ja[type],
      prefectureCode: prefecture.code,
      prefectureName: prefecture.name,
      ...institution,
    },
    contactName: "担当 太郎",
    figures,
    assessment,
    limitSets: assessment.limitSets,
    limitPieces: assessment.limitPieces,
    weeksOfCover: weeksOfCover(stock, consumption, purchases),
    prefectureReview: {
      state: reviewState,
      supplyNeeded: reviewState === "none" ? null : true,
      quantitySets: reviewState === "none" ? null : assessment.limitSets,
      completedAt: reviewState === "completed" ? appliedAt.toISOString() : null,
      ...prefectureReview,
    },
    approvedSets: null,
    returned: index % 11 === 4,
    sanctioned: false,
    ...rest,
  };
}

export function makeQueue(count: number): QueueRow[] {
  return Array.from({ length: count }, (_, index) => makeQueueRow(index));
}

function tokyoDay(iso: Date | string): string {
  const instant = typeof iso === "string" ? new Date(iso) : iso;
  return new Date(instant.getTime() + 9 * HOUR).toISOString().slice(0, 10);
}

/** review.queue, replayed over an in-memory list. */
export function serveQueue(
  all: readonly QueueRow[],
  {
    filters,
    sort,
    page,
    pageSize,
  }: { filters: QueueFilters; sort: QueueSort; page: number; pageSize: number },
): { rows: QueueRow[]; total: number } {
  const matching = all.filter((row) => {
    if (filters.status !== "all" && row.status !== filters.status) return false;
    if (filters.stage !== null && row.reviewStage !== filters.stage) return false;
    if (filters.reviewState !== null && row.prefectureReview.state !== filters.reviewState)
      return false;
    if (
      filters.institutionType !== null &&
      row.institution.typeLabel !== INSTITUTION_TYPE_LABELS.ja[filters.institutionType]
    )
      return false;
    if (filters.late === true && !row.late) return false;
    if (filters.filedFrom !== null && tokyoDay(row.appliedAt) < filters.filedFrom) return false;
    if (filters.filedTo !== null && tokyoDay(row.appliedAt) > filters.filedTo) return false;
    if (filters.prefectureCode !== null) {
      const name = PREFECTURES[filters.prefectureCode - 1]?.name;
      if (row.institution.prefectureName !== name) return false;
    }
    if (filters.search !== null) {
      const { name, code } = row.institution;
      if (!name.includes(filters.search) && !code.startsWith(filters.search)) return false;
    }
    return true;
  });
  const value = (row: QueueRow): number | string | null => {
    switch (sort.key) {
      case "appliedAt":
        return String(row.appliedAt);
      case "institutionName":
        return row.institution.name;
      case "weeksOfCover":
        return row.weeksOfCover;
      case "limitSets":
        return row.limitSets;
    }
  };
  const sign = sort.dir === "asc" ? 1 : -1;
  const sorted = [...matching].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Nulls last in both directions, as the server does.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return sign * (a.id < b.id ? -1 : 1);
  });
  const start = (page - 1) * pageSize;
  return { rows: sorted.slice(start, start + pageSize), total: matching.length };
}

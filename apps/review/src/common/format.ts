import { formatNumber } from "@sos/ui";
import type { QueueRow } from "../api-types";

/** What a missing figure shows as; screen readers get the words beside it. */
export const NO_VALUE = "—";

const oneDecimal = new Intl.NumberFormat("ja-JP", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Weeks of cover as officers read it: 「2.3週」. null (the stock does not shrink,
 * purchases cover use) is 「—」 rather than a meaningless huge number.
 */
export function formatWeeksOfCover(weeks: number | null): string {
  if (weeks === null) return NO_VALUE;
  return `${oneDecimal.format(weeks)}週`;
}

/** 「全 1,234 件中 1〜50 件」: where this page sits in the whole result. */
export function pageRangeText(page: number, pageSize: number, total: number): string {
  if (total === 0) return "全 0 件";
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return `全 ${formatNumber(total)} 件中 ${formatNumber(first)}〜${formatNumber(last)} 件`;
}

/** How many pages a result fills; an empty result is still one (empty) page. */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The quantity a ministry approval uses when nobody adjusts it: what the
 * prefecture entered, or the computed limit when it entered nothing.
 */
export function approvalSetsOf(
  row: Pick<QueueRow, "limitSets"> & {
    prefectureReview: Pick<QueueRow["prefectureReview"], "quantitySets">;
  },
): number {
  return row.prefectureReview.quantitySets ?? row.limitSets;
}

/** 「U+20BB7」, as the API's csvCheck names a character. */
export function codePointLabel(char: string): string {
  const point = char.codePointAt(0) ?? 0;
  return `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
}

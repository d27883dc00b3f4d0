import { ALLOCATION_RULE_TEXT_JA, ALLOCATION_RULE_VERSION } from "@sos/rules";
import type { PublicAllocation, PublicAllocationWeek, PublicFigures } from "../api-types";

/**
 * The public page's answers at the stories' clock (Thursday 26 November 2026,
 * 10:30 Tokyo): the week of 25 November still before its cutoff (2 December
 * 17:00), the week of 18 November closed and committed.
 */
const SUPPRESSION_NOTE =
  "集計対象の医療機関（要請・注文）が1〜4件のセルは秘匿します（CSV は「x」、JSON は null と suppressed）。";

export const OPEN_WEEK: PublicAllocationWeek = {
  weekStart: "2026-11-25",
  cutoffAt: "2026-12-02T08:00:00.000Z",
  state: "before_cutoff",
  seedSha256: "9e3a".repeat(16),
  seedCommittedAt: "2026-11-26T00:30:00.000Z",
  seed: null,
  run: null,
};

export const COMMITTED_WEEK: PublicAllocationWeek = {
  weekStart: "2026-11-18",
  cutoffAt: "2026-11-25T08:00:00.000Z",
  state: "committed",
  seedSha256: "5d1c".repeat(16),
  seedCommittedAt: "2026-11-20T01:00:00.000Z",
  seed: "b7".repeat(32),
  run: {
    rule: ALLOCATION_RULE_VERSION,
    committedAt: "2026-11-26T01:00:00.000Z",
    inputSha256: "a1".repeat(32),
    resultSha256: "c0".repeat(32),
    inputBytes: 18_734_112,
    resultBytes: 20_112_640,
    reason: null,
    inputUrl: "/open-data/allocation/2026-11-18/input.json",
    resultUrl: "/open-data/allocation/2026-11-18/result.json",
  },
};

export function publicAllocation(weeks: PublicAllocationWeek[]): PublicAllocation {
  return { rule: { version: ALLOCATION_RULE_VERSION, textJa: ALLOCATION_RULE_TEXT_JA }, weeks };
}

const figuresWeek = (weekStart: string, asOf: string, publishedAt: string, suppressed: number) => ({
  weekStart,
  asOf,
  publishedAt,
  rowCount: 1_175,
  suppressedCells: suppressed,
  csvUrl: `/open-data/figures/${weekStart}.csv`,
  jsonUrl: `/open-data/figures/${weekStart}.json`,
  csvSha256: "d4".repeat(32),
  jsonSha256: "e5".repeat(32),
  csvBytes: 98_112,
  jsonBytes: 231_004,
});

export function publicFigures(published: boolean): PublicFigures {
  return {
    threshold: 5,
    suppressionNoteJa: SUPPRESSION_NOTE,
    next: { weekStart: "2026-11-18", asOf: "2026-12-02T08:00:00.000Z" },
    weeks: published
      ? [
          figuresWeek("2026-11-11", "2026-11-25T08:00:00.000Z", "2026-11-25T08:05:00.000Z", 212),
          figuresWeek("2026-11-04", "2026-11-18T08:00:00.000Z", "2026-11-18T08:05:00.000Z", 198),
        ]
      : [],
  };
}

import type {
  AllocationPreview,
  AllocationReplay,
  AllocationRun,
  AllocationSummary,
  AllocationWeek,
} from "../api-types";

/** The week the stories allocate: the round of 18 November, closed 25 November 17:00. */
export const ALLOCATION_WEEK = "2026-11-18";
export const INPUT_SHA = "a".repeat(64);
const SEED_SHA = "5d1c0e0b7c1f4b0e8a4f3f2c9a6b7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8";
const RESULT_SHA = "c0ffee".padEnd(64, "0");
const DEFAULTS = {
  thresholdWeeks: 4,
  tierOrder: ["supply_agreement", "weeks_of_cover"] as Array<"supply_agreement" | "weeks_of_cover">,
  coverBandsWeeks: [1, 2],
};

/** allocation.week: M short this week; committed (`run`) once the story has committed. */
export function allocationWeek(committed = false): AllocationWeek {
  return {
    weekStart: ALLOCATION_WEEK,
    cutoffAt: "2026-11-25T08:00:00.000Z",
    seed: {
      sha256: SEED_SHA,
      committedAt: "2026-11-20T01:00:00.000Z",
      seed: committed ? "b".repeat(64) : null,
    },
    sizes: [
      { size: "S", label: "Sサイズ", statedSets: 400, freeSets: 1_200 },
      { size: "M", label: "Mサイズ", statedSets: 100, freeSets: 900 },
      { size: "L", label: "Lサイズ", statedSets: null, freeSets: 300 },
    ],
    run: committed
      ? {
          id: "6f1d3c9e-2b7a-4c1e-9d3f-0a1b2c3d4e5f",
          committedAt: "2026-11-26T02:00:00.000Z",
          resultSha256: RESULT_SHA,
        }
      : null,
    defaults: DEFAULTS,
  };
}

export const SUMMARY: AllocationSummary = {
  sizes: [
    { size: "S", supplySets: 400, demandSets: 320, allocatedSets: 320, rationed: false },
    { size: "M", supplySets: 100, demandSets: 220, allocatedSets: 100, rationed: true },
    { size: "L", supplySets: 0, demandSets: 0, allocatedSets: 0, rationed: false },
  ],
  tiers: [
    {
      tier: 1,
      label: "協定あり・在庫1週未満",
      requests: 4,
      demandSets: 60,
      allocatedSets: 60,
      fillRate: 1,
    },
    {
      tier: 2,
      label: "協定あり・在庫2週未満",
      requests: 6,
      demandSets: 80,
      allocatedSets: 40,
      fillRate: 0.5,
    },
    {
      tier: 4,
      label: "協定なし・在庫1週未満",
      requests: 30,
      demandSets: 400,
      allocatedSets: 320,
      fillRate: 0.8,
    },
  ],
  prefectures: [
    { prefectureCode: 13, requests: 22, demandSets: 300, allocatedSets: 270, fillRate: 0.9 },
    { prefectureCode: 27, requests: 18, demandSets: 240, allocatedSets: 150, fillRate: 0.625 },
  ],
  spread: { maxFillRate: 0.9, minFillRate: 0.625, ratio: 1.44 },
};

export function allocationPreview(input: {
  parameters?: AllocationPreview["parameters"] | null | undefined;
}): AllocationPreview {
  const parameters = input.parameters ?? DEFAULTS;
  const changed = JSON.stringify(parameters) !== JSON.stringify(DEFAULTS);
  return {
    weekStart: ALLOCATION_WEEK,
    rule: "sos-allocation/1",
    parameters,
    changed,
    inputSha256: INPUT_SHA,
    summary: SUMMARY,
  };
}

export const RUNS: AllocationRun[] = [
  {
    id: "0c7e6a2d-5b8f-4e1a-9c3d-2f4b6a8c0e1d",
    weekStart: "2026-11-11",
    rule: "sos-allocation/1",
    inputSha256: "1".repeat(64),
    resultSha256: RESULT_SHA,
    reason: null,
    committedAt: "2026-11-19T02:00:00.000Z",
    committedBy: { id: "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", displayName: "厚労　花子" },
  },
];

export function replayOf(identical: boolean): AllocationReplay {
  return {
    id: RUNS[0]?.id ?? "",
    weekStart: "2026-11-11",
    rule: "sos-allocation/1",
    parameters: DEFAULTS,
    reason: null,
    storedSha256: RESULT_SHA,
    replayedSha256: identical ? RESULT_SHA : "d".repeat(64),
    identical,
    bytes: 48_213,
    summary: SUMMARY,
  };
}

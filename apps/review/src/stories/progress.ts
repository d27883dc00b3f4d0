import { PREFECTURES, surveyWeekTitle } from "@sos/domain";
import type { MinistryProgress } from "../api-types";
import { ROUND } from "./round";

type Counts = MinistryProgress["totals"];

/** Population in ten thousands (2020 census), JIS order: requests follow it roughly. */
const POPULATION = [
  522, 124, 121, 230, 96, 107, 183, 287, 193, 194, 734, 628, 1405, 924, 220, 103, 113, 77, 81, 205,
  198, 363, 754, 177, 141, 258, 884, 547, 133, 92, 55, 67, 189, 280, 134, 72, 95, 133, 69, 514, 81,
  131, 174, 112, 107, 159, 147,
];

/** The ministry queue's total: 国確認待ち in the progress matches the queue's 1,234. */
export const AWAITING_MINISTRY_TOTAL = 1_234;
/** Tokyo's officer has 128 requests to check, as in the queue. */
const TOKYO_AWAITING = 128;
/** 鳥取県 has filed nothing this round: the row without a percentage. */
const NONE_FILED = 31;

function countsFor(code: number, filed: number, awaitingMinistry: number): Counts {
  const notEligible = Math.floor(filed * 0.03);
  const awaitingPrefecture = code === 13 ? TOKYO_AWAITING : Math.floor(filed * 0.08);
  const approved = filed - notEligible - awaitingPrefecture - awaitingMinistry;
  return {
    filed,
    late: Math.floor(filed * 0.02),
    awaitingPrefecture,
    completedByPrefecture: awaitingMinistry + approved,
    awaitingMinistry,
    approved,
    listed: Math.floor(approved * 0.8),
    notEligible,
    remaining: awaitingPrefecture + awaitingMinistry,
  };
}

function sum(rows: readonly Counts[]): Counts {
  const keys = Object.keys(countsFor(1, 0, 0)) as Array<keyof Counts>;
  const totals = Object.fromEntries(keys.map((key) => [key, 0])) as Record<keyof Counts, number>;
  for (const row of rows) for (const key of keys) totals[key] += row[key];
  return totals;
}

function buildProgress(): MinistryProgress {
  const filedOf = (code: number) => (code === NONE_FILED ? 0 : (POPULATION[code - 1] ?? 0));
  const ministryShare = (code: number) => Math.floor(filedOf(code) * 0.09);
  const others = PREFECTURES.filter((p) => p.code !== 13).reduce(
    (total, p) => total + ministryShare(p.code),
    0,
  );
  const prefectures = PREFECTURES.map((prefecture) => ({
    prefectureCode: prefecture.code,
    prefectureName: prefecture.name,
    ...countsFor(
      prefecture.code,
      filedOf(prefecture.code),
      // Tokyo takes up the rest, so the country's total is the queue's.
      prefecture.code === 13 ? AWAITING_MINISTRY_TOTAL - others : ministryShare(prefecture.code),
    ),
  }));
  return {
    weekStart: ROUND.weekStart,
    weekTitle: ROUND.weekTitle,
    prefectures,
    totals: sum(prefectures),
  };
}

/** review.ministryProgress for the round: every prefecture, 12,000-odd requests in all. */
export const PROGRESS: MinistryProgress = buildProgress();

/** An earlier round, finished: everything approved or closed, nothing remains. */
export function finishedRound(weekStart: string): MinistryProgress {
  const prefectures = PROGRESS.prefectures.map((row) => {
    const notEligible = Math.floor(row.filed * 0.03);
    const approved = row.filed - notEligible;
    return {
      ...row,
      awaitingPrefecture: 0,
      awaitingMinistry: 0,
      completedByPrefecture: approved,
      approved,
      listed: approved,
      notEligible,
      remaining: 0,
    };
  });
  return {
    weekStart,
    weekTitle: surveyWeekTitle(weekStart),
    prefectures,
    totals: sum(prefectures),
  };
}

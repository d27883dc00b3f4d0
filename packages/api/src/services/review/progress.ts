import type { Db } from "@sos/db";
import { progressByPrefecture } from "@sos/db/repositories/review";
import { surveyWeekTitle } from "@sos/domain";
import type { MinistryProgress, PrefectureProgress, ProgressCounts } from "../../schemas/review";
import { currentRound } from "./deadlines";

const ZERO: ProgressCounts = {
  filed: 0,
  late: 0,
  awaitingPrefecture: 0,
  completedByPrefecture: 0,
  awaitingMinistry: 0,
  approved: 0,
  listed: 0,
  notEligible: 0,
  remaining: 0,
};

/**
 * Per-prefecture progress of one round (the requests of one survey week), for
 * the ministry: every prefecture is listed, those with no request at zero.
 * One grouped scan over the week's requests (sos_requests_week_prefecture_idx).
 */
export async function ministryProgress(
  db: Db,
  { now, weekStart }: { now: Date; weekStart: string | null },
): Promise<MinistryProgress> {
  const week = weekStart ?? currentRound(now).weekStart;
  const rows = await progressByPrefecture(db, week);

  const totals: ProgressCounts = { ...ZERO };
  const keys = Object.keys(ZERO) as Array<keyof ProgressCounts>;
  const prefectures = rows.map((row): PrefectureProgress => {
    const counts = { ...ZERO };
    for (const key of keys) {
      counts[key] = row[key] ?? 0;
      totals[key] += counts[key];
    }
    return { prefectureCode: row.prefectureCode, prefectureName: row.prefectureName, ...counts };
  });
  return { weekStart: week, weekTitle: surveyWeekTitle(week), prefectures, totals };
}

import type { Db } from "@sos/db";
import { surveyWeekTitle } from "@sos/domain";
import { sql } from "kysely";
import { currentRound } from "./deadlines";

export interface ProgressCounts {
  /** Filed and not withdrawn: reviewing + accepted + not eligible. */
  filed: number;
  /** Of those, filed after the Wednesday 17:00 deadline. */
  late: number;
  awaitingPrefecture: number;
  /** The prefecture has completed its part (including those approved since). */
  completedByPrefecture: number;
  awaitingMinistry: number;
  approved: number;
  /** Approved and already handed to the vendor on a target list. */
  listed: number;
  notEligible: number;
  /** Still reviewing (at the prefecture or the ministry). */
  remaining: number;
}

export interface PrefectureProgress extends ProgressCounts {
  prefectureCode: number;
  prefectureName: string;
}

export interface MinistryProgress {
  weekStart: string;
  weekTitle: string;
  prefectures: PrefectureProgress[];
  totals: ProgressCounts;
}

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
  const rows = await db
    .selectFrom("prefectures as p")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("sosRequests as r")
          .leftJoin("prefectureReviews as pr", "pr.requestId", "r.id")
          .select([
            "r.prefectureCode",
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted', 'not_eligible'))::int`.as(
              "filed",
            ),
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted', 'not_eligible') and r.late)::int`.as(
              "late",
            ),
            sql<number>`count(*) filter (where r.status = 'reviewing' and r.review_stage = 'prefecture')::int`.as(
              "awaitingPrefecture",
            ),
            sql<number>`count(*) filter (where r.status in ('reviewing', 'accepted') and pr.completed_at is not null)::int`.as(
              "completedByPrefecture",
            ),
            sql<number>`count(*) filter (where r.status = 'reviewing' and r.review_stage = 'ministry')::int`.as(
              "awaitingMinistry",
            ),
            sql<number>`count(*) filter (where r.status = 'accepted')::int`.as("approved"),
            sql<number>`count(*) filter (where r.status = 'accepted' and exists (select 1 from target_items t where t.request_id = r.id))::int`.as(
              "listed",
            ),
            sql<number>`count(*) filter (where r.status = 'not_eligible')::int`.as("notEligible"),
            sql<number>`count(*) filter (where r.status = 'reviewing')::int`.as("remaining"),
          ])
          .where("r.weekStart", "=", week)
          .groupBy("r.prefectureCode")
          .as("c"),
      (join) => join.onRef("c.prefectureCode", "=", "p.code"),
    )
    .select([
      "p.code as prefectureCode",
      "p.name as prefectureName",
      "c.filed",
      "c.late",
      "c.awaitingPrefecture",
      "c.completedByPrefecture",
      "c.awaitingMinistry",
      "c.approved",
      "c.listed",
      "c.notEligible",
      "c.remaining",
    ])
    .orderBy("p.code")
    .execute();

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

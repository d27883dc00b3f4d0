import type { Db } from "@sos/db";
import { awaitingPrefectureGroups, countAwaitingMinistry } from "@sos/db/repositories/review";
import { surveyWeekTitle } from "@sos/domain";
import {
  addDaysYmd,
  prefectureDeadline,
  sosDeadline,
  surveyCreationTime,
  surveyWeekOf,
  timeUntil,
} from "@sos/rules";
import type { ReviewDeadlines, ReviewRound } from "../../schemas/review";
import type { ReviewScope } from "../../trpc";

/**
 * The round officers are working on at `now`: the earliest round whose
 * prefecture due time has not passed. On a Thursday morning that is the round
 * closed on Wednesday (due today 17:00); from Thursday 17:00 on it is the next
 * Wednesday's. The due time comes from rules.prefectureDeadline for a request
 * filed right at the deadline, so holidays move it exactly as they move each
 * request's own due time.
 */
export function currentRound(now: Date): ReviewRound {
  const thisWeek = surveyWeekOf(now).weekStart;
  let round: ReviewRound | null = null;
  for (const offset of [-7, 0, 7, 14]) {
    const weekStart = addDaysYmd(thisWeek, offset);
    const deadline = sosDeadline(surveyCreationTime(weekStart));
    const due = prefectureDeadline(deadline);
    if (due.getTime() >= now.getTime()) {
      round = {
        weekStart,
        weekTitle: surveyWeekTitle(weekStart),
        sosDeadline: deadline,
        prefectureDue: due,
      };
      break;
    }
  }
  // Four weeks of candidates always include a future due time; this only satisfies the type.
  if (round === null) throw new Error(`no prefecture due time found after ${now.toISOString()}`);
  return round;
}

/**
 * The round, the time left in it, how many requests in scope wait for (or are late at)
 * the prefecture, and how many wait for the ministry: the ministry's own queue.
 */
export async function reviewDeadlines(
  db: Db,
  { scope, now }: { scope: ReviewScope; now: Date },
): Promise<ReviewDeadlines> {
  const round = currentRound(now);
  // The due time depends only on the day handling starts, so one filing time per
  // handle_from stands for its whole group: a few rows, however long the queue.
  const [groups, awaitingMinistry] = await Promise.all([
    awaitingPrefectureGroups(db, scope),
    countAwaitingMinistry(db, scope),
  ]);
  let awaitingPrefecture = 0;
  let overdue = 0;
  for (const group of groups) {
    const count = Number(group.n);
    awaitingPrefecture += count;
    const appliedAt = group.appliedAt === null ? null : new Date(group.appliedAt);
    if (appliedAt !== null && prefectureDeadline(appliedAt).getTime() < now.getTime()) {
      overdue += count;
    }
  }
  return {
    now,
    round,
    timeLeft: timeUntil(round.prefectureDue, now),
    awaitingPrefecture,
    awaitingMinistry,
    overdue,
  };
}

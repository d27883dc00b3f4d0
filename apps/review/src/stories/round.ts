import { surveyWeekTitle } from "@sos/domain";
import type { ReviewDeadlines } from "../api-types";

/**
 * The round the stories are set in: the survey week of Wednesday 18 November 2026,
 * closed Wednesday 25 November 17:00, due from the prefectures Thursday 26
 * November 17:00 (Tokyo). The server's clock reads Thursday 10:30.
 */
export const STORY_NOW = "2026-11-26T10:30:00+09:00";

export const ROUND = {
  weekStart: "2026-11-18",
  weekTitle: surveyWeekTitle("2026-11-18"),
  sosDeadline: "2026-11-25T08:00:00.000Z",
  prefectureDue: "2026-11-26T08:00:00.000Z",
} as const;

/** The round's title written out, so assertions check the format rather than recompute it. */
export const ROUND_WEEK_TITLE = "2026年11月25日（水）17:00締切の週";

/**
 * review.deadlines: what waits for the prefecture (the officer's own, or the country's),
 * and what waits for the ministry.
 */
export function deadlines(
  awaitingPrefecture: number,
  overdue = 0,
  awaitingMinistry = 0,
): ReviewDeadlines {
  return {
    now: new Date(STORY_NOW).toISOString(),
    round: { ...ROUND },
    timeLeft: { days: 0, hours: 6, minutes: 30, overdue: false },
    awaitingPrefecture,
    awaitingMinistry,
    overdue,
  };
}

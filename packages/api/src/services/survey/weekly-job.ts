import type { Db } from "@sos/db";
import { insertWeeklySurveyBatch } from "@sos/db/repositories/survey";
import { surveyWeekOf } from "@sos/rules";

export interface CreateWeeklySurveysOptions {
  now: Date;
  /** Institutions per statement; each batch commits on its own. */
  batchSize?: number;
}

export interface CreateWeeklySurveysResult {
  /** The survey week that was filled: the one `now` falls in. */
  weekStart: string;
  /** Records this run inserted (those already there are left alone). */
  created: number;
}

/**
 * Creates this week's survey record (週次調査) for every active institution.
 *
 * The week is always the one `now` falls in (surveyWeekOf: a new week from
 * Wednesday 18:35 Tokyo), so a run that was missed is made good by the next
 * one, and a run before 18:35 only tops up the week still open.
 *
 * The work is split into batches walked by institution id (keyset, so each
 * batch is an index range scan, not an ever-growing OFFSET); each batch is one
 * `insert … select … on conflict do nothing` statement and so its own short
 * transaction: about 180,000 institutions never sit in one long transaction,
 * and a crash loses at most the batch in flight. The unique
 * (institution_id, week_start) constraint makes reruns and a second server
 * running at the same time harmless: rows already there are skipped.
 */
export async function createWeeklySurveys(
  db: Db,
  { now, batchSize = 5000 }: CreateWeeklySurveysOptions,
): Promise<CreateWeeklySurveysResult> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const { weekStart } = surveyWeekOf(now);
  let after: string | null = null;
  let created = 0;
  for (;;) {
    const row = await insertWeeklySurveyBatch(db, { after, weekStart, now, batchSize });
    if (row?.lastId == null) break;
    created += row.inserted;
    after = row.lastId;
  }
  return { weekStart, created };
}

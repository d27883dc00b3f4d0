import { createHash } from "node:crypto";
import type { Db } from "@sos/db";
import {
  allocatedOfWeek,
  boughtOfWeek,
  firstRequestWeek,
  hasRunBy,
  insertFigures,
  publishedWeeksAmong,
  requestCountsOfWeek,
} from "@sos/db/repositories/open-data";
import { addDaysYmd } from "@sos/rules";
import { allocationCutoff } from "../allocation/allocation";
import { figuresCsv, figuresJson } from "./figures-format";
import { type CellFacts, cellKey, figureRows, type Measure, type Raw } from "./figures-table";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * The instant a request week's figures describe, and after which they are
 * published: the next week's cutoff. By then the week's requests were filed
 * (its own cutoff), approved (prefectures by Thursday, then the ministry),
 * allocated (committed after its cutoff) and mostly bought, so every weekly
 * cutoff publishes the cycle that it closes. Every figure is counted as of
 * this instant (filed, approved, committed and ordered by then), so a week
 * published late by a catch-up run says what an on-time run would have said.
 */
export function figuresAsOf(weekStart: string): Date {
  return allocationCutoff(addDaysYmd(weekStart, 7));
}

/** How far back a catch-up reaches: two years of weeks. */
const MAX_CATCH_UP_WEEKS = 104;

function tally<R extends CellFacts>(rows: readonly R[], pick: (row: R) => Raw): Map<string, Raw> {
  const map = new Map<string, Raw>();
  for (const row of rows) map.set(cellKey(row), pick(row));
  return map;
}

/** A request week's figures as files: the CSV, the JSON, and what the list shows. */
export async function buildWeeklyFigures(db: Db, weekStart: string) {
  const asOf = figuresAsOf(weekStart);
  const [counts, allocated, bought, committed] = await Promise.all([
    requestCountsOfWeek(db, weekStart, asOf),
    allocatedOfWeek(db, weekStart, asOf),
    boughtOfWeek(db, weekStart, asOf),
    hasRunBy(db, weekStart, asOf),
  ]);
  const raw: Record<Measure, Map<string, Raw>> = {
    requests: tally(counts, (r) => ({ value: r.requests, contributors: r.requests })),
    approvals: tally(counts, (r) => ({ value: r.approvals, contributors: r.approvals })),
    allocatedSets: tally(allocated, (r) => ({ value: r.sets, contributors: r.requests })),
    boughtSets: tally(bought, (r) => ({ value: r.sets, contributors: r.orders })),
  };
  const rows = figureRows(raw, committed);
  const head = {
    weekStart,
    cutoffAt: allocationCutoff(weekStart),
    asOf,
    allocationCommitted: committed,
  };
  const csv = figuresCsv(head, rows);
  const json = figuresJson(head, rows);
  return {
    weekStart,
    asOf,
    rowCount: rows.length,
    suppressedCells: rows.reduce((n, row) => n + row.suppressed.length, 0),
    csv,
    json,
    csvSha256: sha256Hex(csv),
    jsonSha256: sha256Hex(json),
  };
}

/** The request weeks whose figures are due by `now`, oldest first, from the first filed week. */
export async function dueFigureWeeks(db: Db, now: Date): Promise<string[]> {
  const first = await firstRequestWeek(db);
  if (first === null) return [];
  const weeks: string[] = [];
  for (let week = first; figuresAsOf(week).getTime() <= now.getTime(); ) {
    weeks.push(week);
    week = addDaysYmd(week, 7);
  }
  return weeks.slice(-MAX_CATCH_UP_WEEKS);
}

/**
 * The job's work (publish_weekly_figures, every five minutes): publishes each
 * due week not yet published, oldest first. Idempotent: a published week is
 * never written again (the table refuses a change, and the insert skips a
 * week another worker published first); a missed run is made good by the next.
 */
export async function publishDueFigures(db: Db, now: Date): Promise<string[]> {
  const due = await dueFigureWeeks(db, now);
  const published = await publishedWeeksAmong(db, due);
  const done: string[] = [];
  for (const weekStart of due) {
    if (published.has(weekStart)) continue;
    const figures = await buildWeeklyFigures(db, weekStart);
    if (await insertFigures(db, { ...figures, publishedAt: now })) done.push(weekStart);
  }
  return done;
}

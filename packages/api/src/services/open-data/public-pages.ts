import type { Db } from "@sos/db";
import { listFigures, publicAllocationWeeks } from "@sos/db/repositories/open-data";
import {
  ALLOCATION_RULE_TEXT_JA,
  ALLOCATION_RULE_VERSION,
  addDaysYmd,
  SMALL_CELL_THRESHOLD,
  surveyWeekOf,
} from "@sos/rules";
import { allocationCutoff } from "../allocation/allocation";
import { figuresAsOf } from "./figures";
import { SUPPRESSION_NOTE_JA } from "./figures-format";
import { figuresPath, runFilePath } from "./paths";

/**
 * What the public page shows (no sign-in): the allocation rule and, per week
 * with a lottery seed, its commitment before the cutoff, then the seed and the
 * run's files once committed; and the published weekly figures. Nothing names
 * an institution: the run's files carry only the requests' pseudonymous codes.
 */
export async function publicAllocation(db: Db, { limit, now }: { limit: number; now: Date }) {
  const rows = await publicAllocationWeeks(db, limit);
  return {
    rule: { version: ALLOCATION_RULE_VERSION, textJa: ALLOCATION_RULE_TEXT_JA },
    weeks: rows.map((row) => {
      const cutoffAt = allocationCutoff(row.weekStart);
      const run =
        row.runCommittedAt === null ||
        row.inputSha256 === null ||
        row.resultSha256 === null ||
        row.rule === null
          ? null
          : {
              rule: row.rule,
              committedAt: row.runCommittedAt,
              inputSha256: row.inputSha256,
              resultSha256: row.resultSha256,
              inputBytes: Number(row.inputBytes ?? 0),
              resultBytes: Number(row.resultBytes ?? 0),
              reason: row.parametersReason,
              inputUrl: runFilePath(row.weekStart, "input"),
              resultUrl: runFilePath(row.weekStart, "result"),
            };
      const state: "before_cutoff" | "awaiting_commit" | "committed" =
        run !== null
          ? "committed"
          : now.getTime() < cutoffAt.getTime()
            ? "before_cutoff"
            : "awaiting_commit";
      return {
        weekStart: row.weekStart,
        cutoffAt,
        state,
        seedSha256: row.seedSha256,
        seedCommittedAt: row.seedCommittedAt,
        seed: row.seed,
        run,
      };
    }),
  };
}

/** The published weekly figures, newest first, and when the next week's are due. */
export async function publicFigures(db: Db, { limit, now }: { limit: number; now: Date }) {
  const rows = await listFigures(db, limit);
  // The request week whose cycle the next cutoff closes: the first whose as-of is still ahead.
  let next = addDaysYmd(surveyWeekOf(now).weekStart, -21);
  while (figuresAsOf(next).getTime() <= now.getTime()) next = addDaysYmd(next, 7);
  return {
    threshold: SMALL_CELL_THRESHOLD,
    suppressionNoteJa: SUPPRESSION_NOTE_JA,
    next: { weekStart: next, asOf: figuresAsOf(next) },
    weeks: rows.map((row) => ({
      weekStart: row.weekStart,
      asOf: row.asOf,
      publishedAt: row.publishedAt,
      rowCount: row.rowCount,
      suppressedCells: row.suppressedCells,
      csvUrl: figuresPath(row.weekStart, "csv"),
      jsonUrl: figuresPath(row.weekStart, "json"),
      csvSha256: row.csvSha256,
      jsonSha256: row.jsonSha256,
      csvBytes: Number(row.csvBytes),
      jsonBytes: Number(row.jsonBytes),
    })),
  };
}

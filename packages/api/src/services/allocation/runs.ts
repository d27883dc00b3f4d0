import { createHash } from "node:crypto";
import type { Db } from "@sos/db";
import { listRuns, requestPrefecturesOfWeek, runById } from "@sos/db/repositories/allocation";
import { type AllocationInput, allocate, canonicalJson } from "@sos/rules";
import { DomainError } from "../../errors";
import { allocationSummary } from "./summary";
import { allocationCode } from "./week-input";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The committed runs, newest week first (at most a year of weeks). */
export async function pastRuns(db: Db) {
  const rows = await listRuns(db, 60);
  return rows.map((r) => ({
    id: r.id,
    weekStart: r.weekStart,
    rule: r.rule,
    inputSha256: r.inputSha256,
    resultSha256: r.resultSha256,
    reason: r.parametersReason,
    committedAt: r.committedAt,
    committedBy: { id: r.committedById, displayName: r.committedByName },
  }));
}

/**
 * Re-runs a committed allocation from its recorded input and compares the
 * bytes with the recorded result: what anyone can do with the published files.
 */
export async function replayRun(db: Db, runId: string) {
  const run = await runById(db, runId);
  if (run === undefined) throw new DomainError("NOT_FOUND");
  const input = JSON.parse(run.inputJson) as AllocationInput;
  const replayedJson = canonicalJson(allocate(input));
  const replayedSha256 = sha256Hex(replayedJson);
  const requests = await requestPrefecturesOfWeek(db, run.weekStart);
  const prefectureOfCode = new Map(requests.map((r) => [allocationCode(r.id), r.prefectureCode]));
  return {
    id: run.id,
    weekStart: run.weekStart,
    rule: run.rule,
    parameters: input.parameters,
    reason: run.parametersReason,
    storedSha256: run.resultSha256,
    replayedSha256,
    identical: replayedJson === run.resultJson,
    bytes: Buffer.byteLength(run.resultJson, "utf8"),
    summary: allocationSummary(input, JSON.parse(run.resultJson), prefectureOfCode),
  };
}

import type { Db } from "@sos/db";
import { institutionRequestsOfRunWeek, runById } from "@sos/db/repositories/allocation";
import type { GloveSize } from "@sos/domain";
import {
  type AllocatedRequest,
  type AllocationInput,
  type AllocationRequestInput,
  type AllocationResult,
  lotteryWins,
} from "@sos/rules";
import { tierLabel } from "./summary";
import { allocationCode } from "./week-input";

/** A committed run read for explaining it: runs never change, so a parsed one is kept. */
interface RunIndex {
  weekStart: string;
  input: AllocationInput;
  result: AllocationResult;
  requests: Map<string, AllocationRequestInput>;
  allocated: Map<string, AllocatedRequest>;
  lottery: Map<string, Record<string, number>>;
}

// A week's run is read by every institution of the week: parse it once, not per reader.
const indexes = new Map<string, RunIndex>();
const KEPT_RUNS = 2;

async function runIndex(db: Db, runId: string): Promise<RunIndex | undefined> {
  const kept = indexes.get(runId);
  if (kept !== undefined) return kept;
  const run = await runById(db, runId);
  if (run === undefined) return undefined;
  const input = JSON.parse(run.inputJson) as AllocationInput;
  const result = JSON.parse(run.resultJson) as AllocationResult;
  const index: RunIndex = {
    weekStart: run.weekStart,
    input,
    result,
    requests: new Map(input.requests.map((r) => [r.code, r])),
    allocated: new Map(result.requests.map((r) => [r.code, r])),
    lottery: lotteryWins(input),
  };
  if (indexes.size >= KEPT_RUNS) indexes.delete(indexes.keys().next().value as string);
  indexes.set(runId, index);
  return index;
}

/** Weeks of stock at the net weekly use; null when purchases cover the use (no end in sight). */
function weeksOfCover(r: AllocationRequestInput): number | null {
  const net = r.consumption - r.purchases;
  return net > 0 ? r.stock / net : null;
}

/**
 * The institution's own allocation of a week (or the latest week with one):
 * per request, its sets per size and the figures of its own that the rule
 * used. Only its own requests are read; nothing of another institution is.
 */
export async function ownAllocation(
  db: Db,
  { institutionId, weekStart }: { institutionId: string; weekStart: string | null },
) {
  const rows = await institutionRequestsOfRunWeek(db, institutionId, weekStart);
  const first = rows[0];
  if (first === undefined) return { weekStart, run: null };
  const index = await runIndex(db, first.runId);
  if (index === undefined) return { weekStart, run: null };
  const { input, result } = index;
  const requests = rows.flatMap((row) => {
    const code = allocationCode(row.id);
    const asked = index.requests.get(code);
    const got = index.allocated.get(code);
    if (asked === undefined || got === undefined) return [];
    const won = index.lottery.get(code) ?? {};
    return [
      {
        requestId: row.id,
        code,
        tier: got.tier,
        tierLabel: tierLabel(got.tier, input.parameters),
        needPieces: got.needPieces,
        weeksOfCover: weeksOfCover(asked),
        stock: asked.stock,
        consumption: asked.consumption,
        purchases: asked.purchases,
        supplyAgreement: asked.supplyAgreement,
        limitSets: asked.limitSets,
        totalSets: got.totalSets,
        sizes: result.sizes
          .map((s) => ({
            // The run's sizes are the product's sizes on sale: GloveSize values.
            size: s.size as GloveSize,
            requestedSets: asked.requested[s.size] ?? 0,
            allocatedSets: got.allocated[s.size] ?? 0,
            lotterySets: won[s.size] ?? 0,
            rationed: s.rationed,
          }))
          .filter((s) => s.requestedSets > 0 || s.allocatedSets > 0),
      },
    ];
  });
  return {
    weekStart: index.weekStart,
    run: {
      rule: result.rule,
      parameters: input.parameters,
      tierCount: input.parameters.tierOrder.reduce(
        (n, criterion) =>
          n * (criterion === "supply_agreement" ? 2 : input.parameters.coverBandsWeeks.length + 1),
        1,
      ),
      requests,
    },
  };
}

import type { Db } from "@sos/db";
import { allocationOfTargetItem, takeReserved } from "@sos/db/repositories/allocation";
import { GLOVE_SIZE_LABELS, type GloveSize } from "@sos/domain";
import { DomainError } from "../../errors";
import type { PurchaseInput } from "../../schemas/storefront";

/**
 * A purchase by an institution that was allocated sets (issue 17): it may buy
 * up to its allocation per size, and the sets come out of the reservation
 * made at commit, so no other purchase can have taken them.
 */
export type Allocation = Awaited<ReturnType<typeof allocationOfTargetItem>>;

/** The item's allocation, its lines locked until the transaction ends; empty: not allocated. */
export function lockAllocation(trx: Db, targetItemId: string): Promise<Allocation> {
  return allocationOfTargetItem(trx, targetItemId, true);
}

/** The sets still to buy under the allocation: what the purchase link carries as the limit. */
export function allocatedSets(allocation: Allocation): number {
  return allocation.reduce((sum, line) => sum + line.sets - line.takenSets, 0);
}

export interface AllocatedLine {
  size: GloveSize;
  sets: number;
  sizeId: string;
}

export async function takeAllocated(
  trx: Db,
  allocation: Allocation,
  requested: PurchaseInput["lines"],
): Promise<AllocatedLine[]> {
  const taken: AllocatedLine[] = [];
  // The lines are in product_sizes id order (the lock's order), so purchases never wait crosswise.
  for (const line of allocation) {
    const wanted = requested.find((r) => r.size === line.size)?.sets ?? 0;
    if (wanted === 0) continue;
    if (wanted > line.sets - line.takenSets || !(await takeReserved(trx, line, wanted))) {
      throw overAllocation(line.size, line.sets - line.takenSets, requested);
    }
    taken.push({ size: line.size, sets: wanted, sizeId: line.productSizeId });
  }
  const other = requested.find(
    (r) => r.sets > 0 && !allocation.some((line) => line.size === r.size),
  );
  if (other !== undefined) throw overAllocation(other.size, 0, requested);
  return taken;
}

function overAllocation(size: GloveSize, left: number, requested: PurchaseInput["lines"]) {
  const label = GLOVE_SIZE_LABELS.ja[size];
  const messageJa = `${label}の割当は ${left.toLocaleString("ja-JP")} セットです。割当のセット数以内でご購入ください。`;
  return new DomainError("INVALID_INPUT", {
    messageJa,
    fieldErrors: {
      [`lines.${requested.findIndex((l) => l.size === size)}.sets`]: [
        `割当は ${left.toLocaleString("ja-JP")} セットです`,
      ],
    },
  });
}

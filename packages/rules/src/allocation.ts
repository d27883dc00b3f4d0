import { allocateSize, type SizeMember } from "./allocation-size";
import {
  ALLOCATION_RULE_VERSION,
  type AllocatedRequest,
  type AllocatedSize,
  type AllocationInput,
  type AllocationParameters,
  type AllocationRequestInput,
  type AllocationResult,
} from "./allocation-types";
import { validateAllocationInput } from "./allocation-validate";

/**
 * The request's tier, 1 first. Each criterion of `tierOrder` is a digit:
 * supply_agreement 0 (under an agreement) or 1; weeks_of_cover the index of
 * the first band the cover is below (stock < band x net weekly use), or the
 * number of bands when none (including when the stock does not shrink). The
 * tier is the number those digits make, plus 1, so it depends only on the
 * request and the parameters, never on the other requests.
 */
export function allocationTier(
  request: Pick<AllocationRequestInput, "supplyAgreement" | "stock" | "consumption" | "purchases">,
  parameters: AllocationParameters,
): number {
  const bands = parameters.coverBandsWeeks;
  const netBurn = request.consumption - request.purchases;
  let tier = 0;
  for (const criterion of parameters.tierOrder) {
    if (criterion === "supply_agreement") {
      tier = tier * 2 + (request.supplyAgreement ? 0 : 1);
    } else {
      let band = bands.length;
      if (netBurn > 0) {
        const found = bands.findIndex((weeks) => request.stock < weeks * netBurn);
        if (found >= 0) band = found;
      }
      tier = tier * (bands.length + 1) + band;
    }
  }
  return tier + 1;
}

/**
 * Need in pieces: net weekly consumption x weeks short of the threshold, i.e.
 * (consumption - purchases) x (threshold - weeks of cover), which is
 * (consumption - purchases) x threshold - stock; 0 when not short.
 */
export function allocationNeed(
  request: Pick<AllocationRequestInput, "stock" | "consumption" | "purchases">,
  parameters: Pick<AllocationParameters, "thresholdWeeks">,
): number {
  const netBurn = request.consumption - request.purchases;
  if (netBurn <= 0) return 0;
  return Math.max(0, netBurn * parameters.thresholdWeeks - request.stock);
}

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/**
 * Allocates the week's supply per size among approved requests (the rule text
 * is in allocation-text.ts). Pure and deterministic: the same input gives the
 * same result, and canonicalJson(result) the same bytes, whatever the order of
 * the requests. Throws RangeError on an input the rule does not define.
 */
export function allocate(
  input: AllocationInput,
  options: { onLottery?: (code: string, size: string) => void } = {},
): AllocationResult {
  validateAllocationInput(input);
  const { parameters, seed } = input;
  const sorted = [...input.requests].sort(byCode);
  const sizeIndex = new Map(input.supply.map(({ size }, index) => [size, index]));
  // Members per size, built in one pass over the requests (in code order).
  const perSize: Member[][] = input.supply.map(() => []);
  const rows = sorted.map((request) => {
    const row = {
      request,
      tier: allocationTier(request, parameters),
      needPieces: allocationNeed(request, parameters),
      sets: new Array<number>(input.supply.length).fill(0),
    };
    for (const [size, requested] of Object.entries(request.requested)) {
      const index = sizeIndex.get(size);
      if (requested > 0 && index !== undefined) {
        const weight = Math.max(1, row.needPieces);
        perSize[index]?.push({
          code: request.code,
          tier: row.tier,
          weight,
          requested,
          sets: 0,
          row,
        });
      }
    }
    return row;
  });
  const sizes: AllocatedSize[] = input.supply.map(({ size, sets: supply }, index) => {
    const members = perSize[index] ?? [];
    // Stable: code order is kept within a tier.
    members.sort((a, b) => a.tier - b.tier);
    const { onLottery } = options;
    allocateSize(
      supply,
      members,
      seed,
      size,
      onLottery === undefined ? undefined : (m) => onLottery(m.code, size),
    );
    let demandSets = 0;
    let allocatedSets = 0;
    for (const m of members) {
      demandSets += m.requested;
      allocatedSets += m.sets;
      m.row.sets[index] = m.sets;
    }
    return { size, supplySets: supply, demandSets, allocatedSets, rationed: demandSets > supply };
  });
  const requests: AllocatedRequest[] = rows.map((row) => {
    const allocated: Record<string, number> = {};
    let totalSets = 0;
    input.supply.forEach(({ size }, index) => {
      const sets = row.sets[index] ?? 0;
      allocated[size] = sets;
      totalSets += sets;
    });
    return {
      code: row.request.code,
      tier: row.tier,
      needPieces: row.needPieces,
      allocated,
      totalSets,
    };
  });
  return { rule: ALLOCATION_RULE_VERSION, sizes, requests };
}

/**
 * The sets each request won by lottery, per size (only requests that won any):
 * the one set each where a tier ran out, and the leftover sets among equal
 * remainders. Recomputed from the input, so it is exactly what allocate did.
 */
export function lotteryWins(input: AllocationInput): Map<string, Record<string, number>> {
  const wins = new Map<string, Record<string, number>>();
  allocate(input, {
    onLottery: (code, size) => {
      const own = wins.get(code) ?? {};
      own[size] = (own[size] ?? 0) + 1;
      wins.set(code, own);
    },
  });
  return wins;
}

type Member = SizeMember & { row: { sets: number[] } };

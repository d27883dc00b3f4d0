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
export function allocate(input: AllocationInput): AllocationResult {
  validateAllocationInput(input);
  const { parameters, seed } = input;
  const sorted = [...input.requests].sort(byCode);
  const rows = sorted.map((request) => ({
    request,
    tier: allocationTier(request, parameters),
    needPieces: allocationNeed(request, parameters),
    allocated: {} as Record<string, number>,
  }));
  const sizes: AllocatedSize[] = [];
  for (const { size, sets: supply } of input.supply) {
    const members: (SizeMember & { row: (typeof rows)[number] })[] = [];
    for (const row of rows) {
      const requested = row.request.requested[size] ?? 0;
      row.allocated[size] = 0;
      if (requested > 0) {
        members.push({
          code: row.request.code,
          tier: row.tier,
          weight: Math.max(1, row.needPieces),
          requested,
          sets: 0,
          row,
        });
      }
    }
    // rows are sorted by code already; a stable sort by tier keeps code order within a tier.
    members.sort((a, b) => a.tier - b.tier);
    allocateSize(supply, members, seed, size);
    let demandSets = 0;
    let allocatedSets = 0;
    for (const m of members) {
      demandSets += m.requested;
      allocatedSets += m.sets;
      m.row.allocated[size] = m.sets;
    }
    sizes.push({
      size,
      supplySets: supply,
      demandSets,
      allocatedSets,
      rationed: demandSets > supply,
    });
  }
  const requests: AllocatedRequest[] = rows.map((row) => {
    let totalSets = 0;
    for (const sets of Object.values(row.allocated)) totalSets += sets;
    return {
      code: row.request.code,
      tier: row.tier,
      needPieces: row.needPieces,
      allocated: row.allocated,
      totalSets,
    };
  });
  return { rule: ALLOCATION_RULE_VERSION, sizes, requests };
}

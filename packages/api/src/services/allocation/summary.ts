import type { AllocationInput, AllocationParameters, AllocationResult } from "@sos/rules";

/**
 * What the ministry reads beside a preview or a run: per tier and per
 * prefecture, how many sets were asked for and allocated, and the fill rate
 * (allocated / asked). Prefectures are never part of the rule: this only shows
 * how evenly the rule's outcome fell across the country.
 */

export interface FillRow {
  requests: number;
  demandSets: number;
  allocatedSets: number;
  /** allocated / demand; null when nothing was asked for. */
  fillRate: number | null;
}

/** The tier's name, from the digits allocationTier gave it (see allocation.ts in @sos/rules). */
export function tierLabel(tier: number, parameters: AllocationParameters): string {
  const bands = parameters.coverBandsWeeks;
  let rest = tier - 1;
  const parts: string[] = [];
  for (const criterion of [...parameters.tierOrder].reverse()) {
    if (criterion === "supply_agreement") {
      parts.unshift(rest % 2 === 0 ? "協定あり" : "協定なし");
      rest = Math.floor(rest / 2);
    } else {
      const band = rest % (bands.length + 1);
      const last = bands[bands.length - 1];
      parts.unshift(
        band < bands.length
          ? `在庫${bands[band]}週未満`
          : last === undefined
            ? "在庫週数を問わない"
            : `在庫${last}週以上`,
      );
      rest = Math.floor(rest / (bands.length + 1));
    }
  }
  return parts.length === 0 ? "全要請（順位なし）" : parts.join("・");
}

function fill(requests: number, demandSets: number, allocatedSets: number): FillRow {
  return {
    requests,
    demandSets,
    allocatedSets,
    fillRate: demandSets === 0 ? null : allocatedSets / demandSets,
  };
}

export function allocationSummary(
  input: AllocationInput,
  result: AllocationResult,
  prefectureOfCode: ReadonlyMap<string, number>,
) {
  const asked = new Map(
    input.requests.map((r) => [r.code, Object.values(r.requested).reduce((a, b) => a + b, 0)]),
  );
  const tiers = new Map<number, [number, number, number]>();
  const prefectures = new Map<number, [number, number, number]>();
  const add = (map: Map<number, [number, number, number]>, key: number, d: number, a: number) => {
    const row = map.get(key) ?? [0, 0, 0];
    map.set(key, [row[0] + 1, row[1] + d, row[2] + a]);
  };
  for (const r of result.requests) {
    const demand = asked.get(r.code) ?? 0;
    add(tiers, r.tier, demand, r.totalSets);
    const prefecture = prefectureOfCode.get(r.code);
    if (prefecture !== undefined) add(prefectures, prefecture, demand, r.totalSets);
  }
  const tierRows = [...tiers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tier, [n, d, a]]) => ({
      tier,
      label: tierLabel(tier, input.parameters),
      ...fill(n, d, a),
    }));
  const prefectureRows = [...prefectures.entries()]
    .sort(([a], [b]) => a - b)
    .map(([prefectureCode, [n, d, a]]) => ({ prefectureCode, ...fill(n, d, a) }));
  const rates = prefectureRows.flatMap((p) => (p.fillRate === null ? [] : [p.fillRate]));
  const max = rates.length === 0 ? null : Math.max(...rates);
  const min = rates.length === 0 ? null : Math.min(...rates);
  return {
    sizes: result.sizes,
    tiers: tierRows,
    prefectures: prefectureRows,
    spread: {
      maxFillRate: max,
      minFillRate: min,
      /** max / min; null when no prefecture asked, or one got nothing (the ratio is unbounded). */
      ratio: max === null || min === null || min === 0 ? null : max / min,
    },
  };
}

import {
  type AllocationInput,
  type AllocationRequestInput,
  allocate,
  canonicalJson,
  DEFAULT_ALLOCATION_PARAMETERS,
} from "@sos/rules";
import { median, num, type Report } from "../report";

const SIZES = ["SS", "S", "M", "L", "LL"] as const;

/** A fixed linear congruential stream: the same week every run, no dependency on Math.random. */
function stream(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

/**
 * A short week of `count` approved requests: weekly use 200-20,000 pieces,
 * stock below four weeks of it, limits by the scheme's rule, asks spread over
 * one to three sizes, 5 % under a supply agreement; each size supplied at 60 %
 * of its demand, so every size is rationed and every step of the rule runs.
 */
export function shortWeek(count: number): AllocationInput {
  const next = stream(20261209);
  const demand = new Map<string, number>(SIZES.map((size) => [size, 0]));
  const requests: AllocationRequestInput[] = [];
  for (let i = 0; i < count; i++) {
    const consumption = 200 + next(19_801);
    const purchases = next(3) === 0 ? next(Math.floor(consumption / 2)) : 0;
    const stock = next((consumption - purchases) * 4);
    const limitSets = Math.ceil((consumption * 2) / 1000);
    const requested: Record<string, number> = {};
    let left = limitSets;
    for (const size of SIZES) {
      if (left === 0 || next(3) !== 0) continue;
      const sets = 1 + next(left);
      requested[size] = sets;
      left -= sets;
    }
    if (left === limitSets) requested.M = limitSets;
    for (const [size, sets] of Object.entries(requested)) {
      demand.set(size, (demand.get(size) ?? 0) + sets);
    }
    requests.push({
      code: `P${String(i).padStart(7, "0")}`,
      supplyAgreement: next(20) === 0,
      stock,
      consumption,
      purchases,
      limitSets,
      requested,
    });
  }
  return {
    supply: SIZES.map((size) => ({ size, sets: Math.floor((demand.get(size) ?? 0) * 0.6) })),
    requests,
    parameters: DEFAULT_ALLOCATION_PARAMETERS,
    seed: "bench-2026-12-09",
  };
}

/**
 * `allocation: <count> requests in <N> ms` — the rule alone (pure computation,
 * no database), on a short week of `count` approved requests, median of
 * `reps` runs; the goal is 5 s for 180,000. A pure computation has no bare
 * baseline: the ratio line compares it with the 5 s budget. The canonical JSON
 * of the result (what a run stores) is timed too, on its own line.
 */
export function allocationPair(
  report: Report,
  log: (line: string) => void,
  count: number,
  reps: number,
): void {
  report.section(`allocation rule on ${num(count)} approved requests, every size rationed`);
  const input = shortWeek(count);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const jsonTimes: number[] = [];
  let bytes = 0;
  for (let rep = 0; rep < reps; rep++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = allocate(input);
    const allocated = performance.now();
    const used = process.cpuUsage(cpu);
    bytes = canonicalJson(result).length;
    times.push(allocated - started);
    cpuTimes.push((used.user + used.system) / 1000);
    jsonTimes.push(performance.now() - allocated);
  }
  const ms = median(times);
  log(`allocation: ${count} requests in ${Math.round(ms)} ms`);
  // The process's own CPU time beside the wall clock: on a machine shared with
  // other work the wall clock also counts time spent waiting for a core.
  report.info(
    `runs ${times.map((t) => Math.round(t)).join(", ")} ms (wall), ${cpuTimes.map((t) => Math.round(t)).join(", ")} ms (this process's CPU); canonical JSON of the result ${num(bytes)} bytes in ${Math.round(median(jsonTimes))} ms`,
  );
  report.ratio({
    path: `allocation of ${num(count)} requests (ms / 5,000 ms)`,
    product: `${Math.round(ms)} ms`,
    baseline: "5,000 ms",
    ratio: ms / 5000,
    goal: { op: "<=", value: 1 },
  });
}

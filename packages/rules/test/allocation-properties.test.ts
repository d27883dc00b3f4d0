import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AllocationInput,
  type AllocationResult,
  allocate,
  allocationNeed,
  allocationTier,
  canonicalJson,
  lotteryKey,
} from "../src/index";
import { allocationInputArb, SIZES } from "./allocation-fixtures";

const RUNS = { numRuns: 300 };

const asked = (input: AllocationInput, code: string, size: string) =>
  input.requests.find((r) => r.code === code)?.requested[size] ?? 0;

const participants = (input: AllocationInput, size: string) =>
  input.requests.filter((r) => (r.requested[size] ?? 0) > 0).length;

const supplyOf = (input: AllocationInput, size: string) =>
  input.supply.find((s) => s.size === size)?.sets ?? 0;

const demandOf = (input: AllocationInput, size: string) =>
  input.requests.reduce((sum, r) => sum + (r.requested[size] ?? 0), 0);

const setsOf = (result: AllocationResult, code: string, size: string) =>
  result.requests.find((r) => r.code === code)?.allocated[size] ?? 0;

describe("allocate — properties", () => {
  it("per size: the sum allocated is at most the supply, and all of it when demand exceeds supply", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const size of SIZES) {
          const total = result.requests.reduce((sum, r) => sum + (r.allocated[size] ?? 0), 0);
          const supply = supplyOf(input, size);
          expect(total).toBeLessThanOrEqual(supply);
          expect(total).toBe(Math.min(supply, demandOf(input, size)));
        }
      }),
      RUNS,
    );
  });

  it("no request gets more than it asked for in a size, nor more than its limit in all", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const r of input.requests) {
          const out = result.requests.find((o) => o.code === r.code);
          for (const size of SIZES) {
            expect(out?.allocated[size]).toBeGreaterThanOrEqual(0);
            expect(out?.allocated[size]).toBeLessThanOrEqual(r.requested[size] ?? 0);
          }
          expect(out?.totalSets).toBeLessThanOrEqual(r.limitSets);
        }
      }),
      RUNS,
    );
  });

  it("at least one set to every request that asked for a size, while its supply >= the number asking", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const size of SIZES) {
          if (supplyOf(input, size) < participants(input, size)) continue;
          for (const r of input.requests) {
            if ((r.requested[size] ?? 0) > 0)
              expect(setsOf(result, r.code, size)).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it("when demand fits a size, everyone gets its ask in that size", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const size of SIZES) {
          if (demandOf(input, size) > supplyOf(input, size)) continue;
          for (const r of input.requests)
            expect(setsOf(result, r.code, size)).toBe(r.requested[size] ?? 0);
        }
      }),
      RUNS,
    );
  });

  it("tiers: a request short of its ask means no lower tier got more than one set of that size", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const size of SIZES) {
          const rows = result.requests.map((o) => ({ o, ask: asked(input, o.code, size) }));
          for (const { o, ask } of rows) {
            if ((o.allocated[size] ?? 0) >= ask) continue;
            for (const lower of rows) {
              if (lower.o.tier > o.tier) expect(lower.o.allocated[size]).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("determinism: the same input, in any order, gives byte-identical canonical JSON", () => {
    fc.assert(
      fc.property(allocationInputArb, fc.integer(), (input, salt) => {
        const once = canonicalJson(allocate(input));
        expect(canonicalJson(allocate(structuredClone(input)))).toBe(once);
        const shuffled = [...input.requests].sort(
          (a, b) => ((a.code.charCodeAt(4) * salt) % 7) - ((b.code.charCodeAt(4) * salt) % 7),
        );
        expect(canonicalJson(allocate({ ...input, requests: shuffled }))).toBe(once);
      }),
      RUNS,
    );
  });

  /*
   * Monotone in need — the laws tested, with weight = max(need, 1) piece:
   *
   * (a) Across requests: in one size, for requests i and j of the same tier with
   *     ask_i >= ask_j, when the supply is at least the number asking (so the
   *     one-set step draws no lottery): weight_i > weight_j implies a_i >= a_j,
   *     and weight_i == weight_j with lottery number_i < number_j implies a_i >= a_j.
   * (b) Over time: raising one request's need (lowering its stock), with its tier,
   *     its asks, the other requests and the seed unchanged, never gives it fewer
   *     sets of any size. This holds with the lottery too: the lottery numbers do
   *     not depend on need, so ties break the same way before and after.
   *     (Largest remainder is known to break monotonicity when two parties' weights
   *     change at different rates — the population paradox — which (b) excludes.)
   */
  it("monotone in need (a): more need, same tier, at least the same ask → not fewer sets", () => {
    fc.assert(
      fc.property(allocationInputArb, (input) => {
        const result = allocate(input);
        for (const size of SIZES) {
          if (supplyOf(input, size) < participants(input, size)) continue;
          const rows = input.requests.map((r) => ({
            r,
            tier: allocationTier(r, input.parameters),
            weight: Math.max(1, allocationNeed(r, input.parameters)),
            key: lotteryKey(input.seed, size, r.code),
            sets: setsOf(result, r.code, size),
            ask: r.requested[size] ?? 0,
          }));
          for (const i of rows) {
            for (const j of rows) {
              if (i === j || i.tier !== j.tier || i.ask < j.ask) continue;
              const ahead = i.weight > j.weight || (i.weight === j.weight && i.key < j.key);
              if (ahead)
                expect(i.sets, `${i.r.code} vs ${j.r.code} in ${size}`).toBeGreaterThanOrEqual(
                  j.sets,
                );
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("monotone in need (b): raising one request's need never costs it a set", () => {
    fc.assert(
      fc.property(
        allocationInputArb.filter((input) => input.requests.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 6000 }),
        (input, pick, less) => {
          const index = pick % input.requests.length;
          const before = input.requests[index];
          if (before === undefined) return;
          const after = { ...before, stock: Math.max(0, before.stock - less) };
          fc.pre(
            allocationTier(after, input.parameters) === allocationTier(before, input.parameters),
          );
          const requests = input.requests.map((r, k) => (k === index ? after : r));
          const was = allocate(input);
          const now = allocate({ ...input, requests });
          for (const size of SIZES) {
            expect(setsOf(now, before.code, size)).toBeGreaterThanOrEqual(
              setsOf(was, before.code, size),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

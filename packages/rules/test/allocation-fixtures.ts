import fc from "fast-check";
import {
  type AllocationInput,
  type AllocationParameters,
  type AllocationRequestInput,
  type AllocationResult,
  DEFAULT_ALLOCATION_PARAMETERS,
} from "../src/index";

/**
 * A request with figures that put it in the first cover band: stock 0 and a
 * net weekly use of `netBurn` pieces, so its need is netBurn x 4 pieces.
 */
export function request(
  code: string,
  requested: Record<string, number>,
  more: Partial<AllocationRequestInput> = {},
): AllocationRequestInput {
  const asked = Object.values(requested).reduce((a, b) => a + b, 0);
  return {
    code,
    supplyAgreement: false,
    stock: 0,
    consumption: 1000,
    purchases: 0,
    limitSets: asked,
    requested,
    ...more,
  };
}

/** A request whose need is exactly `needPieces` under the default threshold (4 weeks). */
export function withNeed(
  code: string,
  requested: Record<string, number>,
  needPieces: number,
  more: Partial<AllocationRequestInput> = {},
): AllocationRequestInput {
  // stock 0, net use n: need = 4n; a need not divisible by 4 takes stock: 4n - stock.
  const netBurn = Math.ceil(needPieces / 4);
  return request(code, requested, {
    consumption: netBurn,
    stock: netBurn * 4 - needPieces,
    ...more,
  });
}

export function input(
  supply: Record<string, number>,
  requests: AllocationRequestInput[],
  seed = "seed-2026-12-09",
  parameters: AllocationParameters = DEFAULT_ALLOCATION_PARAMETERS,
): AllocationInput {
  return {
    supply: Object.entries(supply).map(([size, sets]) => ({ size, sets })),
    requests,
    parameters,
    seed,
  };
}

/** code -> size -> sets */
export function table(result: AllocationResult): Record<string, Record<string, number>> {
  return Object.fromEntries(result.requests.map((r) => [r.code, r.allocated]));
}

export const SIZES = ["S", "M", "L"] as const;

const parametersArb: fc.Arbitrary<AllocationParameters> = fc.record({
  thresholdWeeks: fc.integer({ min: 1, max: 8 }),
  tierOrder: fc.constantFrom<AllocationParameters["tierOrder"]>(
    [],
    ["supply_agreement"],
    ["weeks_of_cover"],
    ["supply_agreement", "weeks_of_cover"],
    ["weeks_of_cover", "supply_agreement"],
  ),
  coverBandsWeeks: fc.constantFrom([], [1], [1, 2], [2, 3, 6]),
});

const requestArb = (index: number) =>
  fc
    .record({
      supplyAgreement: fc.boolean(),
      stock: fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.constant(0)),
      consumption: fc.integer({ min: 0, max: 3000 }),
      purchases: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
      S: fc.integer({ min: 0, max: 6 }),
      M: fc.integer({ min: 0, max: 6 }),
      L: fc.integer({ min: 0, max: 6 }),
      slack: fc.integer({ min: 0, max: 2 }),
    })
    .map(
      ({ S, M, L, slack, ...figures }): AllocationRequestInput => ({
        code: `R${String(index).padStart(4, "0")}`,
        ...figures,
        limitSets: S + M + L + slack,
        requested: { S, M, L },
      }),
    );

/** Small weeks: up to 25 requests, 0-40 sets per size, every parameter shape. */
export const allocationInputArb: fc.Arbitrary<AllocationInput> = fc
  .record({
    count: fc.integer({ min: 0, max: 25 }),
    supply: fc.record({
      S: fc.integer({ min: 0, max: 40 }),
      M: fc.integer({ min: 0, max: 40 }),
      L: fc.integer({ min: 0, max: 40 }),
    }),
    parameters: parametersArb,
    seed: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\n")),
  })
  .chain(({ count, supply, parameters, seed }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => requestArb(i))).map((requests) => ({
      supply: SIZES.map((size) => ({ size, sets: supply[size] })),
      requests,
      parameters,
      seed,
    })),
  );

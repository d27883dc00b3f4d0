import type { AllocationInput, AllocationParameters } from "./allocation-types";
import { MAX_QUANTITY } from "./quantity";

/** Bounds that keep every sum and product of the rule exact (see exact-arithmetic.ts). */
export const ALLOCATION_LIMITS = {
  requests: 1_000_000,
  supplySets: 1_000_000_000,
  /** Survey figures: what the survey accepts. */
  pieces: MAX_QUANTITY,
  limitSets: MAX_QUANTITY,
  textLength: 256,
  weeks: 52,
} as const;

function fail(message: string): never {
  throw new RangeError(`allocation input: ${message}`);
}

function count(name: string, value: unknown, max: number): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > max) {
    fail(`${name} must be a whole number from 0 to ${max}, got ${String(value)}`);
  }
}

/** Codes, sizes and seeds are joined with LF in the lottery text, so they may not hold one. */
function text(name: string, value: unknown): void {
  if (
    typeof value !== "string" ||
    value.length === 0 ||
    value.length > ALLOCATION_LIMITS.textLength ||
    value.includes("\n")
  ) {
    fail(`${name} must be 1-${ALLOCATION_LIMITS.textLength} characters without a line break`);
  }
}

export function validateAllocationParameters(parameters: AllocationParameters): void {
  const { thresholdWeeks, tierOrder, coverBandsWeeks } = parameters;
  count("thresholdWeeks", thresholdWeeks, ALLOCATION_LIMITS.weeks);
  if (thresholdWeeks < 1) fail("thresholdWeeks must be at least 1");
  if (new Set(tierOrder).size !== tierOrder.length) fail("a tier criterion appears twice");
  for (const criterion of tierOrder) {
    if (criterion !== "supply_agreement" && criterion !== "weeks_of_cover") {
      fail(`unknown tier criterion ${String(criterion)}`);
    }
  }
  let previous = 0;
  for (const weeks of coverBandsWeeks) {
    count("coverBandsWeeks", weeks, ALLOCATION_LIMITS.weeks);
    if (weeks <= previous) fail("coverBandsWeeks must be strictly ascending from 1");
    previous = weeks;
  }
}

/** Throws RangeError naming the first thing the rule does not define. */
export function validateAllocationInput(input: AllocationInput): void {
  validateAllocationParameters(input.parameters);
  text("seed", input.seed);
  const sizes = new Set<string>();
  for (const { size, sets } of input.supply) {
    text("size", size);
    if (sizes.has(size)) fail(`size ${size} is supplied twice`);
    sizes.add(size);
    count(`supply of ${size}`, sets, ALLOCATION_LIMITS.supplySets);
  }
  if (input.requests.length > ALLOCATION_LIMITS.requests) fail("too many requests");
  const codes = new Set<string>();
  for (const request of input.requests) {
    text("code", request.code);
    if (codes.has(request.code)) fail(`code ${request.code} appears twice`);
    codes.add(request.code);
    if (typeof request.supplyAgreement !== "boolean") fail("supplyAgreement must be a boolean");
    count("stock", request.stock, ALLOCATION_LIMITS.pieces);
    count("consumption", request.consumption, ALLOCATION_LIMITS.pieces);
    count("purchases", request.purchases, ALLOCATION_LIMITS.pieces);
    count("limitSets", request.limitSets, ALLOCATION_LIMITS.limitSets);
    let asked = 0;
    for (const [size, sets] of Object.entries(request.requested)) {
      if (!sizes.has(size)) fail(`${request.code} asks for size ${size}, which is not supplied`);
      count(`sets of ${size} asked by ${request.code}`, sets, ALLOCATION_LIMITS.limitSets);
      asked += sets;
    }
    if (asked > request.limitSets) {
      fail(`${request.code} asks for ${asked} sets, above its limit of ${request.limitSets}`);
    }
  }
}

import { COVER_WEEKS } from "./eligibility";

/**
 * The allocation rule's inputs and outputs (issue 17: when gloves run short).
 * Everything here is plain data so that a run can be stored, published as a
 * file, and recomputed by anyone byte for byte (see canonicalJson).
 */

/** The version written into every result; a different rule must get a new one. */
export const ALLOCATION_RULE_VERSION = "sos-allocation/1";

/** What orders the tiers: first criterion first, each at most once. */
export type AllocationTierCriterion = "supply_agreement" | "weeks_of_cover";

export interface AllocationParameters {
  /**
   * Weeks of cover the need is measured against (the scheme's threshold: 4,
   * "stock runs out within about a month"). Whole weeks, 1-52.
   */
  thresholdWeeks: number;
  /** The criteria that make the tiers, in order of priority. */
  tierOrder: readonly AllocationTierCriterion[];
  /**
   * Weeks-of-cover bands, strictly ascending whole weeks: [1, 2] makes three
   * bands, "less than 1 week", "less than 2 weeks" and the rest.
   */
  coverBandsWeeks: readonly number[];
}

export const DEFAULT_ALLOCATION_PARAMETERS: AllocationParameters = {
  thresholdWeeks: COVER_WEEKS,
  tierOrder: ["supply_agreement", "weeks_of_cover"],
  coverBandsWeeks: [1, 2],
};

export interface AllocationRequestInput {
  /** The request's pseudonymous code, unique in the run; the lottery and the output use it. */
  code: string;
  /** Whether the institution supplies under an agreement (協定) with the authorities. */
  supplyAgreement: boolean;
  /** The weekly-survey figures the system check saw, in pieces (枚). */
  stock: number;
  consumption: number;
  purchases: number;
  /** The approved quantity in sets: the most the request can be allocated in all sizes together. */
  limitSets: number;
  /** Sets asked for per size; their total is at most limitSets. Sizes left out ask for 0. */
  requested: Readonly<Record<string, number>>;
}

export interface AllocationSupply {
  size: string;
  sets: number;
}

export interface AllocationInput {
  /** Sets available this week per size, in the order sizes are allocated. */
  supply: readonly AllocationSupply[];
  requests: readonly AllocationRequestInput[];
  parameters: AllocationParameters;
  /** The lottery seed: fixed (its SHA-256 published) before the cutoff, revealed after it. */
  seed: string;
}

export interface AllocatedRequest {
  code: string;
  /** 1 = served first. */
  tier: number;
  /** Pieces short of the threshold: net weekly consumption x threshold - stock, at least 0. */
  needPieces: number;
  /** Sets allocated per size (every supplied size, 0 included). */
  allocated: Record<string, number>;
  totalSets: number;
}

export interface AllocatedSize {
  size: string;
  supplySets: number;
  demandSets: number;
  allocatedSets: number;
  /** Demand exceeded supply, so the rule (tiers, need, lottery) decided. */
  rationed: boolean;
}

export interface AllocationResult {
  rule: typeof ALLOCATION_RULE_VERSION;
  sizes: AllocatedSize[];
  /** Sorted by code, whatever the order of the input. */
  requests: AllocatedRequest[];
}

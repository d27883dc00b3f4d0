import { byLottery } from "./allocation-lottery";
import { compareProducts, divideProduct } from "./exact-arithmetic";

/** One request's share of one size while it is being allocated. */
export interface SizeMember {
  code: string;
  /** 1 = served first. */
  tier: number;
  /** Need in pieces, at least 1 (so a tier whose needs are all 0 still splits evenly). */
  weight: number;
  /** Sets asked for in this size (> 0): never allocated more. */
  requested: number;
  /** The result, filled in by allocateSize. */
  sets: number;
}

/**
 * Allocates `supply` sets of one size among `members` (sorted by tier, then
 * code). When the demand fits, each gets what it asked for. Otherwise:
 * 1. one set each, tier by tier, while the supply lasts (in the tier where it
 *    runs out, by lottery);
 * 2. what is left, tier by tier: a tier whose remaining asks fit gets them in
 *    full; the first that does not fit shares the rest in proportion to need,
 *    capped at each ask (splitBy Need), and lower tiers get nothing more.
 */
/** Told of each set a member won by lottery (it changes nothing: the explanation shown to institutions). */
export type LotteryListener = (member: SizeMember) => void;

export function allocateSize(
  supply: number,
  members: SizeMember[],
  seed: string,
  size: string,
  onLottery?: LotteryListener,
) {
  let demand = 0;
  for (const m of members) demand += m.requested;
  if (demand <= supply) {
    for (const m of members) m.sets = m.requested;
    return;
  }
  const tiers = groupByTier(members);
  let left = supply;
  for (const tier of tiers) {
    const drawn = left < tier.length;
    const winners = drawn ? byLottery(tier, seed, size).slice(0, left) : tier;
    for (const m of winners) {
      m.sets = 1;
      if (drawn) onLottery?.(m);
    }
    left -= winners.length;
    if (left === 0) return;
  }
  for (const tier of tiers) {
    let rest = 0;
    for (const m of tier) rest += m.requested - m.sets;
    if (rest <= left) {
      for (const m of tier) m.sets = m.requested;
      left -= rest;
      continue;
    }
    splitByNeed(left, tier, seed, size, onLottery);
    return;
  }
}

function groupByTier(members: readonly SizeMember[]): SizeMember[][] {
  const tiers: SizeMember[][] = [];
  let current: SizeMember[] = [];
  for (const m of members) {
    if (current.length > 0 && current[0]?.tier !== m.tier) {
      tiers.push(current);
      current = [];
    }
    current.push(m);
  }
  if (current.length > 0) tiers.push(current);
  return tiers;
}

/**
 * Shares `amount` sets (less than the tier's remaining asks) in proportion to
 * need, capped at each member's remaining ask ("water-filling"): members whose
 * cap is below their proportional share take their cap, in ascending order of
 * cap / need, and the rest is shared again among the others. The shares that
 * are left are whole sets rounded down; the sets still over go one each to the
 * largest remainders, and among equal remainders at the boundary by lottery.
 * All arithmetic is on integers.
 */
function splitByNeed(
  amount: number,
  tier: SizeMember[],
  seed: string,
  size: string,
  onLottery?: LotteryListener,
) {
  // Remaining asks after the one set each: cap = requested - sets.
  const open = tier.filter((m) => m.requested > m.sets);
  open.sort(
    (a, b) =>
      compareProducts(a.requested - a.sets, b.weight, b.requested - b.sets, a.weight) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let left = amount;
  let weight = 0;
  for (const m of open) weight += m.weight;
  let k = 0;
  // Saturate while cap / need <= left / weight, i.e. cap * weight <= left * need.
  for (; k < open.length; k++) {
    const m = open[k];
    if (m === undefined) break;
    const cap = m.requested - m.sets;
    if (compareProducts(cap, weight, left, m.weight) > 0) break;
    m.sets = m.requested;
    left -= cap;
    weight -= m.weight;
  }
  const shares = open.slice(k);
  const rests = new Map<SizeMember, number>();
  let over = left;
  for (const m of shares) {
    const { quotient, rest } = divideProduct(left, m.weight, weight);
    m.sets += quotient;
    over -= quotient;
    rests.set(m, rest);
  }
  if (over === 0) return;
  const restOf = (m: SizeMember) => rests.get(m) ?? 0;
  shares.sort((a, b) => restOf(b) - restOf(a));
  const boundaryMember = shares[over - 1];
  const boundary = boundaryMember === undefined ? 0 : restOf(boundaryMember);
  let above = 0;
  const tied: SizeMember[] = [];
  for (const m of shares) {
    const rest = restOf(m);
    if (rest > boundary) {
      m.sets += 1;
      above += 1;
    } else if (rest === boundary) {
      tied.push(m);
    }
  }
  // Only a real draw counts as a lottery win: not when every tied member gets its set.
  const drawn = tied.length > over - above;
  for (const m of byLottery(tied, seed, size).slice(0, over - above)) {
    m.sets += 1;
    if (drawn) onLottery?.(m);
  }
}

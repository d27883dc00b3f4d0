/**
 * A small seeded generator (mulberry32) for the validation simulations: the
 * same seed gives the same data set on every machine and Node version, which
 * Math.random cannot promise. Not for anything secret.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of the entries, by weight. */
  pick<T>(weighted: ReadonlyArray<readonly [T, number]>): T;
};

/** Mixes a seed and a stream number (an institution's index) into one 32-bit seed. */
export function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (weighted) => {
      let total = 0;
      for (const [, weight] of weighted) total += weight;
      let r = next() * total;
      for (const [value, weight] of weighted) {
        r -= weight;
        if (r < 0) return value;
      }
      const last = weighted[weighted.length - 1];
      if (last === undefined) throw new RangeError("pick needs at least one entry");
      return last[0];
    },
  };
  return random;
}

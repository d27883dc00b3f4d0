/**
 * Robust statistics for the anomaly signals: the median and the modified
 * z-score of Iglewicz and Hoaglin (1993), 0.6745 (x - median) / MAD, with
 * |M| > 3.5 their recommended outlier cut-off. Medians rather than means: one
 * inflated week must not drag the baseline it is judged against.
 */

/** The cut-off Iglewicz and Hoaglin recommend. */
export const MODIFIED_Z_CUTOFF = 3.5;

/** MAD x 1/0.6745 estimates the standard deviation of normal data. */
const MAD_TO_SD = 0.6745;

/** Mean absolute deviation x 1.2533 (√(π/2)) estimates it too: the fallback when MAD is 0. */
const MEAN_AD_TO_SD = 1.2533;

/**
 * When a history is constant (MAD and mean absolute deviation both 0), a
 * change of more than this share of the median counts as a full standard
 * deviation: a clinic that answered 1,000 for ten weeks and now 1,100 is not
 * infinitely anomalous, one that now answers 5,000 is.
 */
export const CONSTANT_HISTORY_SCALE = 0.1;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export type ModifiedZ = {
  score: number;
  median: number;
  /** Median absolute deviation of the reference values. */
  mad: number;
  /** Which spread the score divides by: MAD, the mean absolute deviation, or the constant-history floor. */
  scale: "mad" | "mean_absolute_deviation" | "constant_history";
};

/**
 * The modified z-score of `value` against `reference`. Finite always: MAD = 0
 * (more than half the values equal) falls back to the mean absolute
 * deviation, and a constant history to CONSTANT_HISTORY_SCALE of its median
 * (at least 1, so a history of zeros still has a scale).
 */
export function modifiedZ(value: number, reference: readonly number[]): ModifiedZ {
  const m = median(reference);
  const deviations = reference.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  if (mad > 0) return { score: (MAD_TO_SD * (value - m)) / mad, median: m, mad, scale: "mad" };
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  if (meanAd > 0) {
    return {
      score: (value - m) / (MEAN_AD_TO_SD * meanAd),
      median: m,
      mad,
      scale: "mean_absolute_deviation",
    };
  }
  const floor = Math.max(1, CONSTANT_HISTORY_SCALE * Math.abs(m));
  return { score: (value - m) / floor, median: m, mad, scale: "constant_history" };
}

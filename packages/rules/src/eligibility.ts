/**
 * The self-check rule of the scheme (緊急配布の要否の判断, 自己チェックシート).
 *
 * The institution answers three figures in pieces (枚) on the weekly survey:
 * stock on hand (在庫量), expected consumption in the coming week (1週間の想定
 * 消費量) and expected purchases in the coming week (1週間の購入見込み量). It
 * needs gloves (要配布) when its stock would run out within about a month:
 *
 *     stock < (consumption - purchases) x 4
 *
 * Arithmetic note: inputs are safe integers, and multiplying a double by 2 or 4
 * only shifts its exponent, so `(consumption - purchases) * 4` and
 * `consumption * 2` are exact even past Number.MAX_SAFE_INTEGER; the comparison
 * is therefore exact over the whole input range. The set count is computed by
 * integer division with a remainder rather than `Math.ceil(x / 1000)`, whose
 * rounded quotient can land on a whole number for very large x.
 */

/** Gloves are sold in sets of 1,000 pieces (10 boxes); a set is the smallest unit. */
export const PIECES_PER_SET = 1000;

/** The months-of-cover factor of the rule: four weeks is "about a month". */
export const COVER_WEEKS = 4;

/** The limit covers two weeks of consumption, rounded up to whole sets. */
export const LIMIT_WEEKS = 2;

export type SurveyFigures = {
  /** 在庫量: pieces on hand. */
  stock: number;
  /** 1週間の想定消費量: pieces expected to be used in the coming week. */
  consumption: number;
  /** 1週間の購入見込み量: pieces expected to be bought in the coming week. */
  purchases: number;
};

export type Assessment = {
  /** 配布対象 該当 / 非該当. */
  eligible: boolean;
  /** consumption - purchases: what the stock loses per week; zero or negative when purchases cover use. */
  weeklyShortfall: number;
  /** weeklyShortfall x 4: the threshold the stock is compared with. */
  monthlyShortfall: number;
  /** 購入上限数 in sets; 0 when not eligible. */
  limitSets: number;
  /** 購入上限数 in pieces (limitSets x 1000). */
  limitPieces: number;
};

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`);
  }
}

/**
 * Purchase limit in sets for a weekly consumption: consumption x 2 rounded up
 * to whole thousands (1-1,000 → 1 set, 1,001-2,000 → 2 sets, ...). Zero
 * consumption gives zero sets: the manual's table starts at 1 piece.
 */
export function purchaseLimitSets(consumption: number): number {
  assertCount("consumption", consumption);
  const twoWeeks = consumption * LIMIT_WEEKS;
  const remainder = twoWeeks % PIECES_PER_SET;
  const wholeSets = (twoWeeks - remainder) / PIECES_PER_SET;
  return remainder === 0 ? wholeSets : wholeSets + 1;
}

export function assessEligibility({ stock, consumption, purchases }: SurveyFigures): Assessment {
  assertCount("stock", stock);
  assertCount("consumption", consumption);
  assertCount("purchases", purchases);

  const weeklyShortfall = consumption - purchases;
  const monthlyShortfall = weeklyShortfall * COVER_WEEKS;
  // Equality is not eligible: the manual's rule is a strict "<". When
  // purchases >= consumption the threshold is <= 0 and no stock is below it.
  const eligible = stock < monthlyShortfall;
  const limitSets = eligible ? purchaseLimitSets(consumption) : 0;
  return {
    eligible,
    weeklyShortfall,
    monthlyShortfall,
    limitSets,
    limitPieces: limitSets * PIECES_PER_SET,
  };
}

/**
 * How many weeks the stock lasts at the expected net burn (consumption minus
 * purchases). `null` when the stock does not shrink (net burn <= 0): cover is
 * unbounded, which the review queue sorts last rather than as a huge number.
 */
export function weeksOfCover(stock: number, consumption: number, purchases: number): number | null {
  assertCount("stock", stock);
  assertCount("consumption", consumption);
  assertCount("purchases", purchases);
  const netBurn = consumption - purchases;
  return netBurn > 0 ? stock / netBurn : null;
}

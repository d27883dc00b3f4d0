import { formatDay, parseDay } from "../calendar-day";
import { COVER_WEEKS } from "../eligibility";

/**
 * Stock-out forecast from an institution's recent weekly-survey answers.
 *
 * Each answer holds the three figures of the survey (eligibility.ts): stock on
 * hand, expected consumption and expected purchases for the coming week. What
 * the stock loses in a week is the net burn, consumption - purchases.
 *
 * 1. A burn estimate per answered week: the declared net burn; when the stock
 *    actually fell faster than the previous week's answer declared (stock
 *    then - stock now, SOS deliveries added back), the estimate is raised
 *    halfway towards that observed fall. Declared figures are expectations;
 *    a stock that falls faster than declared is the usual way an institution
 *    slides into a shortage without saying so.
 * 2. A trend: the least-squares slope of those estimates over a moving window
 *    of the last FORECAST_WINDOW answers.
 * 3. The projection: the coming week burns the latest estimate; later weeks
 *    add the trend, damped (Holt's damped trend), so a four-week trend counts
 *    fully for the near weeks but cannot make any stock last for ever or run
 *    out at once given a far enough horizon. The stock runs out when the
 *    projected burn, summed week by week, reaches it.
 *
 * The validation simulation (simulation/forecast-simulation.ts, 3,000
 * institutions) chose between variants: a four-week moving average of the
 * burn as the level lagged behind rising use (86 % of requests foreseen,
 * 11.4 % false alarms, against 87 % and 9.9 % for the latest estimate), and
 * without the observed fall either level foresaw only 77-79 %. The moving
 * window is kept for the trend, where it smooths.
 *
 * "—" (null) rather than ∞: when the institution declares no consumption, or
 * the projected burn never becomes positive (purchases cover use), there is no
 * stock-out to date; the screens show "—" and sort it last.
 */

export type WeeklyAnswer = {
  /** The survey week (its Wednesday, YYYY-MM-DD). */
  weekStart: string;
  /** 在庫量 (pieces). */
  stock: number;
  /** 1週間の想定消費量 (pieces). */
  consumption: number;
  /** 1週間の購入見込み量 (pieces). */
  purchases: number;
  /** The Tokyo day the answer was given; the stock is counted from it (weekStart when absent). */
  answeredOn?: string;
  /** Pieces of SOS purchases received since the previous answer (not part of `purchases`). */
  received?: number;
};

export type StockOutForecast = {
  /** The Tokyo day the stock figure is from; null with no answers. */
  asOf: string | null;
  /** Projected net burn (pieces) in the coming week; null with no answers. */
  weeklyBurn: number | null;
  /** Fitted change of the net burn per week (pieces/week); 0 with fewer than two answers. */
  trend: number;
  /** Weeks until the stock runs out at the projected burn; null ("—") when it does not run out. */
  weeksOfCover: number | null;
  /** The Tokyo day the stock is projected to run out; null when weeksOfCover is null or beyond the horizon. */
  stockOutDate: string | null;
  /**
   * The eligibility rule (stock < (consumption - purchases) x 4) projected to
   * next week's answer: the stock left after this week's burn, against four
   * times next week's projected burn.
   */
  atRiskNextWeek: boolean;
};

/** Answers the average and the trend are taken over: four weeks, the rule's own "about a month". */
export const FORECAST_WINDOW = 4;

/**
 * Damping factor of the trend per week ahead. With 0.8 a trend adds at most
 * 0.8 / (1 - 0.8) = 4 weeks' worth of itself to the burn: it lifts the near
 * weeks almost fully and stops growing after about a month.
 */
export const TREND_DAMPING = 0.8;

/** Weeks after which the damped trend has converged (0.8^60 ≈ 1.5e-6) and the burn is constant. */
const CONVERGED_WEEKS = 60;

/** No date past ten years is printed: the day would mean nothing, and the calendar has an end. */
export const MAX_FORECAST_WEEKS = 520;

/**
 * Day numbers of the week labels seen lately. The simulation and the
 * per-prefecture tables forecast every institution over the same few weeks,
 * and parsing the same dates again dominated the cost; the cache is cleared
 * when full, so it stays small in a long-running server.
 */
const dayNumbers = new Map<string, number>();

function dayNumber(ymd: string): number {
  let day = dayNumbers.get(ymd);
  if (day === undefined) {
    day = parseDay(ymd);
    if (dayNumbers.size >= 4096) dayNumbers.clear();
    dayNumbers.set(ymd, day);
  }
  return day;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`);
  }
}

/** Sum of TREND_DAMPING^i for i = 1..k: how many weeks of trend are added k weeks ahead. */
function dampedSteps(k: number): number {
  return (TREND_DAMPING * (1 - TREND_DAMPING ** k)) / (1 - TREND_DAMPING);
}

/** Level (fitted net burn at the latest answer) and slope of the net burns, oldest first. */
export function burnLevelAndTrend(nets: readonly number[]): { level: number; trend: number } {
  const n = nets.length;
  let sum = 0;
  for (const net of nets) sum += net;
  const mean = sum / n;
  if (n < 2) return { level: mean, trend: 0 };
  const centre = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (i - centre) * ((nets[i] ?? 0) - mean);
    sxx += (i - centre) ** 2;
  }
  const trend = sxy / sxx;
  return { level: mean + trend * centre, trend };
}

/**
 * A burn below a millionth of a piece a week is rounding left over from
 * integers (level and trend are sums of counts over small denominators), not
 * consumption; counted as zero it can never turn a finite stock into an
 * infinite or absurd number of weeks.
 */
const NEGLIGIBLE_BURN = 1e-6;

function positive(burn: number): number {
  return burn > NEGLIGIBLE_BURN ? burn : 0;
}

/** Projected net burn k weeks ahead (k = 0: the coming week), never negative. */
function burnAt(level: number, trend: number, k: number): number {
  return positive(level + trend * dampedSteps(k));
}

/**
 * Weeks until `stock` is used up at the projected burn, or null when the burn
 * is never positive. The cumulative burn only grows with time, so more stock
 * never gives fewer weeks.
 */
export function weeksUntilEmpty(stock: number, level: number, trend: number): number | null {
  const eventual = positive(level + trend * (TREND_DAMPING / (1 - TREND_DAMPING)));
  let used = 0;
  for (let k = 0; k < CONVERGED_WEEKS; k += 1) {
    const burn = burnAt(level, trend, k);
    // min(1, …): a rounded sum must not push this week's answer past the next week's.
    if (burn > 0 && used + burn >= stock) return k + Math.min(1, (stock - used) / burn);
    used += burn;
  }
  if (eventual === 0) return null;
  return CONVERGED_WEEKS + (stock - used) / eventual;
}

/** The last FORECAST_WINDOW answers, oldest first (sorted only when given out of order). */
function lastWeeks(answers: readonly WeeklyAnswer[]): readonly WeeklyAnswer[] {
  let ordered = true;
  for (let i = 1; i < answers.length && ordered; i += 1) {
    ordered = (answers[i - 1]?.weekStart ?? "") < (answers[i]?.weekStart ?? "");
  }
  const sorted = ordered
    ? answers
    : [...answers].sort((a, b) =>
        a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0,
      );
  return sorted.length > FORECAST_WINDOW ? sorted.slice(-FORECAST_WINDOW) : sorted;
}

/** The week's net burn as declared, raised halfway towards a faster observed fall of the stock. */
export function burnEstimates(answers: readonly WeeklyAnswer[]): number[] {
  return answers.map((answer, i) => {
    const declared = answer.consumption - answer.purchases;
    const previous = answers[i - 1];
    if (
      previous === undefined ||
      dayNumber(answer.weekStart) - dayNumber(previous.weekStart) !== 7
    ) {
      return declared;
    }
    const observed = previous.stock + (answer.received ?? 0) - answer.stock;
    return observed > declared ? (declared + observed) / 2 : declared;
  });
}

const NO_FORECAST: StockOutForecast = {
  asOf: null,
  weeklyBurn: null,
  trend: 0,
  weeksOfCover: null,
  stockOutDate: null,
  atRiskNextWeek: false,
};

export type ForecastContext = {
  /**
   * Pieces the institution will receive before its next answer that its
   * answer does not count yet: an approved SOS purchase on its way. The
   * system knows them, and a forecast blind to them would flag an
   * institution whose request is already being filled.
   */
  incoming?: number;
};

export function forecastStockOut(
  answers: readonly WeeklyAnswer[],
  context: ForecastContext = {},
): StockOutForecast {
  const incoming = context.incoming ?? 0;
  assertCount("incoming", incoming);
  for (const answer of answers) {
    assertCount("stock", answer.stock);
    assertCount("consumption", answer.consumption);
    assertCount("purchases", answer.purchases);
    assertCount("received", answer.received ?? 0);
  }
  const recent = lastWeeks(answers);
  const latest = recent[recent.length - 1];
  if (latest === undefined) return NO_FORECAST;
  const asOf = latest.answeredOn ?? latest.weekStart;
  const estimates = burnEstimates(recent);
  const { trend } = burnLevelAndTrend(estimates);
  const level = estimates[estimates.length - 1] ?? 0;
  const weeklyBurn = burnAt(level, trend, 0);
  // The institution says it uses nothing: whatever its past answers, no date.
  if (latest.consumption === 0) return { ...NO_FORECAST, asOf, weeklyBurn, trend };
  const stock = latest.stock + incoming;
  const weeks = weeksUntilEmpty(stock, level, trend);
  const stockOutDate =
    weeks === null || weeks > MAX_FORECAST_WEEKS
      ? null
      : formatDay(dayNumber(asOf) + Math.floor(weeks * 7));
  const stockNextWeek = stock - weeklyBurn;
  const atRiskNextWeek = weeks !== null && stockNextWeek < COVER_WEEKS * burnAt(level, trend, 1);
  return { asOf, weeklyBurn, trend, weeksOfCover: weeks, stockOutDate, atRiskNextWeek };
}

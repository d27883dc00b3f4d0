import { addDaysYmd } from "../business-days";
import { assessEligibility } from "../eligibility";
import { forecastStockOut, type WeeklyAnswer } from "../forecast/stock-out";
import { mixSeed, type Random, seededRandom } from "./random";

/**
 * The validation of the stock-out forecast (issue 18): a seeded simulation of
 * the national data set, week by week, in which every institution answers the
 * survey, files an SOS request by the scheme's own rule (assessEligibility:
 * stock < (consumption - purchases) x 4) and is restocked by it, while the
 * forecast sees only the answers up to each week.
 *
 * Measures, over the simulated weeks after a warm-up:
 * - flagged ahead: an SOS request counts as foreseen when the forecast flagged
 *   the institution "at risk next week" in one of the LOOKAHEAD weeks before
 *   the week it filed (so at least one week earlier; the week it files does
 *   not count).
 * - false alarm: a week in which the forecast flagged an institution "at risk
 *   next week", but the institution filed no SOS request in the LOOKAHEAD
 *   weeks that follow. The rate is false alarms / all flagged weeks. Weeks in
 *   which the institution already has a request in progress (filed that week,
 *   or filed the week before and awaiting its delivery) are neither flags nor
 *   requests to foresee: the request itself already tells the prefecture, and
 *   the screens show the request rather than the flag.
 */

/** "At risk next week", with one week of grace: the answer that triggers the request may come a week late. */
export const LOOKAHEAD_WEEKS = 4;

/** Weeks simulated before measuring, so the first forecasts have a full window of answers. */
export const WARM_UP_WEEKS = 4;

export type ForecastSimulationOptions = { institutions: number; weeks: number; seed: number };

export type ForecastSimulationResult = {
  institutions: number;
  weeks: number;
  sosRequests: number;
  sosFlaggedAhead: number;
  flaggedWeeks: number;
  falseAlarms: number;
  /** % of SOS requests flagged at risk at least one week ahead. */
  flaggedAheadPercent: number;
  /** % of flagged weeks not followed by a request within LOOKAHEAD_WEEKS. */
  falseAlarmPercent: number;
  /** Requests of institutions that filed none in the previous 8 weeks: the first of an episode. */
  firstRequests: number;
  firstRequestsFlaggedAhead: number;
  /** The strict reading, for comparison: flagged exactly the week before filing. */
  sosFlaggedWeekBefore: number;
  /** The strict reading: flagged weeks with no request the very next week. */
  falseAlarmsNextWeek: number;
};

type Pattern = "steady" | "trending" | "consumption-shock" | "supply-shock";

/** Share of institutions following each pattern of consumption and supply. */
const PATTERNS: ReadonlyArray<readonly [Pattern, number]> = [
  ["steady", 0.45],
  ["trending", 0.2],
  ["consumption-shock", 0.15],
  ["supply-shock", 0.2],
];

type Institution = {
  /** The consumption rate (pieces/week) of week t, before weekly noise. */
  consumption(t: number): number;
  /** The purchases (pieces/week) the institution can make in week t, before noise. */
  supply(t: number): number;
  initialStock: number;
  pattern: Pattern;
};

/** A facility's weekly use: log-normal around 800 pieces (a clinic) with hospitals far above. */
function baseConsumption(random: Random): number {
  return Math.min(
    150_000,
    Math.max(20, Math.round(Math.exp(Math.log(800) + 1.1 * random.normal()))),
  );
}

/** One institution's pattern: steady use, a rising trend, a jump in use, or a supply cut. */
export function generateInstitution(random: Random, totalWeeks: number): Institution {
  const base = baseConsumption(random);
  const ratio = random.between(0.9, 1.05);
  const initialStock = Math.round(base * random.between(5, 16));
  const pattern = random.pick(PATTERNS);
  const start = random.int(0, totalWeeks - 1);
  const inEvent = (t: number, length: number) => t >= start && t < start + length;
  switch (pattern) {
    case "steady":
      return { consumption: () => base, supply: () => base * ratio, initialStock, pattern };
    case "trending": {
      const growth = random.between(0.02, 0.08);
      const length = random.int(4, 16);
      const grown = (t: number) =>
        base * (1 + growth) ** Math.max(0, Math.min(t, start + length) - start);
      return { consumption: grown, supply: () => base * ratio, initialStock, pattern };
    }
    case "consumption-shock": {
      const factor = random.between(1.5, 3);
      const length = random.int(2, 10);
      return {
        consumption: (t) => (inEvent(t, length) ? base * factor : base),
        supply: () => base * ratio,
        initialStock,
        pattern,
      };
    }
    case "supply-shock": {
      const cut = random.between(0, 0.6);
      const length = random.int(4, 20);
      return {
        consumption: () => base,
        supply: (t) => base * (inEvent(t, length) ? cut : ratio),
        initialStock,
        pattern,
      };
    }
  }
}

const noisy = (random: Random, value: number, sd: number) =>
  Math.max(0, value * (1 + sd * random.normal()));

export type WeekRecord = {
  flagged: boolean;
  filed: boolean;
  inProgress: boolean;
  pattern: Pattern;
};

/** One institution's weeks: what the forecast said and whether it filed. */
export function simulateInstitution(random: Random, totalWeeks: number): WeekRecord[] {
  const institution = generateInstitution(random, totalWeeks);
  const answers: WeeklyAnswer[] = [];
  const weeks: WeekRecord[] = [];
  let stock = institution.initialStock;
  let delivery = 0;
  let received = 0;
  let filedWeek = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < totalWeeks; t += 1) {
    const rate = institution.consumption(t);
    const supply = institution.supply(t);
    const answer = {
      weekStart: weekLabel(t),
      stock: Math.round(stock),
      consumption: Math.round(noisy(random, rate, 0.05)),
      purchases: Math.round(noisy(random, supply, 0.03)),
      received,
    };
    answers.push(answer);
    if (answers.length > 4) answers.shift();
    const flagged = forecastStockOut(answers, { incoming: delivery }).atRiskNextWeek;
    // A request is in progress until its purchase arrives, the week after filing.
    const awaiting = t - filedWeek === 1;
    const assessment = assessEligibility(answer);
    const filed = !awaiting && assessment.eligible;
    weeks.push({ flagged, filed, inProgress: filed, pattern: institution.pattern });
    // The week's use and receipts; the SOS purchase arrives the week after filing.
    stock += noisy(random, supply, 0.05) - noisy(random, rate, 0.08) + delivery;
    stock = Math.max(0, stock);
    received = delivery;
    delivery = filed ? assessment.limitPieces : 0;
    if (filed) filedWeek = t;
  }
  return weeks;
}

/** The simulated year's survey weeks start on Wednesday 7 January 2026. */
const FIRST_WEEK = "2026-01-07";
const weekLabels: string[] = [];

function weekLabel(t: number): string {
  for (let k = weekLabels.length; k <= t; k += 1) weekLabels.push(addDaysYmd(FIRST_WEEK, 7 * k));
  return weekLabels[t] ?? FIRST_WEEK;
}

type Tally = Omit<
  ForecastSimulationResult,
  "flaggedAheadPercent" | "falseAlarmPercent" | "institutions" | "weeks"
>;

export function tallyInstitution(weeks: readonly WeekRecord[], from: number, tally: Tally): void {
  for (let t = from; t < weeks.length; t += 1) {
    const week = weeks[t];
    if (week === undefined) continue;
    if (week.filed) {
      if (weeks[t - 1]?.flagged && !weeks[t - 1]?.inProgress) tally.sosFlaggedWeekBefore += 1;
      let ahead = false;
      let recent = false;
      for (let k = 1; k <= 8; k += 1) {
        const before = weeks[t - k];
        if (k <= LOOKAHEAD_WEEKS && before?.flagged && !before.inProgress) ahead = true;
        if (before?.filed) recent = true;
      }
      tally.sosRequests += 1;
      if (ahead) tally.sosFlaggedAhead += 1;
      if (!recent) {
        tally.firstRequests += 1;
        if (ahead) tally.firstRequestsFlaggedAhead += 1;
      }
    }
    if (week.flagged && !week.inProgress && t + LOOKAHEAD_WEEKS < weeks.length) {
      tally.flaggedWeeks += 1;
      let followed = false;
      for (let k = 1; k <= LOOKAHEAD_WEEKS; k += 1) if (weeks[t + k]?.filed) followed = true;
      if (!followed) tally.falseAlarms += 1;
      if (!weeks[t + 1]?.filed) tally.falseAlarmsNextWeek += 1;
    }
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

export function runForecastSimulation(
  options: ForecastSimulationOptions,
): ForecastSimulationResult {
  const tally: Tally = {
    sosRequests: 0,
    sosFlaggedAhead: 0,
    flaggedWeeks: 0,
    falseAlarms: 0,
    firstRequests: 0,
    firstRequestsFlaggedAhead: 0,
    sosFlaggedWeekBefore: 0,
    falseAlarmsNextWeek: 0,
  };
  const totalWeeks = WARM_UP_WEEKS + options.weeks;
  for (let i = 0; i < options.institutions; i += 1) {
    const weeks = simulateInstitution(seededRandom(mixSeed(options.seed, i)), totalWeeks);
    tallyInstitution(weeks, WARM_UP_WEEKS, tally);
  }
  return {
    institutions: options.institutions,
    weeks: options.weeks,
    ...tally,
    flaggedAheadPercent: percent(tally.sosFlaggedAhead, tally.sosRequests),
    falseAlarmPercent: percent(tally.falseAlarms, tally.flaggedWeeks),
  };
}

import type { InstitutionType } from "@sos/domain";
import { type SurveyFigures, type SurveyWeek, surveyWeekOf } from "@sos/rules";
import type { Random } from "./random";

/**
 * Weekly-survey history that looks like the real thing: figures in pieces
 * scaled to the kind of facility, about one in five answers meeting the rule
 * stock < (consumption − purchases) × 4, the past weeks mostly answered and
 * the current week still half open.
 */

/** The `count` most recent survey weeks at `now`, oldest first; the last is the current one. */
export function recentSurveyWeeks(now: Date, count: number): SurveyWeek[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`weeks must be >= 1, got ${count}`);
  const weeks = [surveyWeekOf(now)];
  while (weeks.length < count) {
    const later = weeks[0];
    if (later === undefined) break;
    weeks.unshift(surveyWeekOf(new Date(later.opensAt.getTime() - 1)));
  }
  return weeks;
}

/** Weekly glove use in pieces, log-uniform between these bounds. */
const WEEKLY_CONSUMPTION: Readonly<Record<InstitutionType, readonly [number, number]>> = {
  hospital: [3_000, 40_000],
  clinic: [200, 2_500],
  home_nursing: [300, 2_000],
  pharmacy: [50, 500],
  midwifery: [100, 600],
};

/** Facilities whose supply is tight say so week after week; the rest rarely do. */
const TIGHT_SHARE = 0.2;
const ELIGIBLE_WHEN_TIGHT = 0.75;
const ELIGIBLE_OTHERWISE = 0.06;

export interface SupplyProfile {
  weeklyConsumption: number;
  tight: boolean;
}

export function supplyProfile(rng: Random, type: InstitutionType): SupplyProfile {
  const [min, max] = WEEKLY_CONSUMPTION[type];
  return { weeklyConsumption: rng.logUniform(min, max), tight: rng.chance(TIGHT_SHARE) };
}

/** People count gloves in boxes of 50 or 100; answers in round fifties look right. */
function roundDown50(x: number): number {
  return Math.max(0, Math.floor(x / 50) * 50);
}
function roundUp50(x: number): number {
  return Math.max(0, Math.ceil(x / 50) * 50);
}

/** One week's answer; eligibility is decided first and the stock drawn to match it exactly. */
export function weeklyFigures(rng: Random, profile: SupplyProfile): SurveyFigures {
  const consumption = Math.max(50, roundDown50(profile.weeklyConsumption * rng.float(0.85, 1.15)));
  const eligible = rng.chance(profile.tight ? ELIGIBLE_WHEN_TIGHT : ELIGIBLE_OTHERWISE);
  if (eligible) {
    // Purchases cover well under the use, and the stock is below four weeks of the gap.
    const purchases = roundDown50(consumption * rng.float(0, 0.6));
    const threshold = (consumption - purchases) * 4;
    const stock = Math.min(threshold - 50, roundDown50(threshold * rng.float(0.1, 0.95)));
    return { stock: Math.max(0, stock), consumption, purchases };
  }
  const purchases = roundDown50(consumption * rng.float(0.5, 1.1));
  const threshold = Math.max(0, (consumption - purchases) * 4);
  const stock = roundUp50(threshold + consumption * rng.float(0.3, 5));
  return { stock, consumption, purchases };
}

export interface SurveySeed {
  weekStart: string;
  /** The record appears when its week opens (Wednesday 18:35). */
  createdAt: Date;
  answer: (SurveyFigures & { answeredAt: Date }) | null;
}

export interface SurveyHistoryOptions {
  /** Share of past weeks answered. */
  pastAnswered?: number;
  /** Share of current weeks answered so far. */
  currentAnswered?: number;
}

export function surveyHistory(
  rng: Random,
  profile: SupplyProfile,
  weeks: readonly SurveyWeek[],
  now: Date,
  options: SurveyHistoryOptions = {},
): SurveySeed[] {
  const pastAnswered = options.pastAnswered ?? 0.9;
  const currentAnswered = options.currentAnswered ?? 0.5;
  const currentStart = weeks.at(-1)?.weekStart;
  return weeks.map((week) => {
    const share = week.weekStart === currentStart ? currentAnswered : pastAnswered;
    if (!rng.chance(share))
      return { weekStart: week.weekStart, createdAt: week.opensAt, answer: null };
    return {
      weekStart: week.weekStart,
      createdAt: week.opensAt,
      answer: { ...weeklyFigures(rng, profile), answeredAt: answerTime(rng, week, now) },
    };
  });
}

/** Most answers come in the first days of the week; never after `now`. */
function answerTime(rng: Random, week: SurveyWeek, now: Date): Date {
  const opens = week.opensAt.getTime();
  const end = Math.min(week.closesAt.getTime(), now.getTime());
  if (end <= opens) return new Date(opens);
  const u = rng.next();
  return new Date(opens + Math.floor(u * u * (end - opens)));
}

import { surveyWeekTitle } from "@sos/domain";
import { addDaysYmd, surveyWeekOf } from "@sos/rules";

/** How far back the week pickers reach: a quarter of weekly rounds. */
const WEEKS_BACK = 12;

export interface WeekOption {
  /** The survey week's Wednesday, YYYY-MM-DD (Tokyo). */
  value: string;
  label: string;
}

/** This survey week and the ones before it, newest first, as choices of a select. */
export function recentWeeks(now: Date, count = WEEKS_BACK): WeekOption[] {
  const thisWeek = surveyWeekOf(now).weekStart;
  return Array.from({ length: count }, (_, index) => {
    const value = addDaysYmd(thisWeek, -7 * index);
    const label = surveyWeekTitle(value);
    return { value, label: index === 0 ? `${label}（今週）` : label };
  });
}

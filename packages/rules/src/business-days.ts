import {
  checkDay,
  civilFromDay,
  formatCivil,
  formatDay,
  parseDay,
  weekdayOf,
} from "./calendar-day";
import { holidayOn } from "./holidays";
import { tokyoDayOf, tokyoInstantAt } from "./tokyo-clock";

/**
 * Calendar days in Japan, as YYYY-MM-DD strings of the Tokyo calendar.
 *
 * The scheme's "next business day" (翌営業日) is that of the ministry and the
 * prefectures, i.e. government offices. They are closed on:
 * - Saturdays and Sundays;
 * - national holidays (国民の祝日), substitute holidays (振替休日) and the
 *   "citizens' holiday" between two holidays (国民の休日), all of which the
 *   @holiday-jp/holiday_jp data lists (1970-2050; outside that range only
 *   weekends and the year-end closure are known);
 * - the year-end and New Year closure, 29 December to 3 January (行政機関の
 *   休日に関する法律 第1条), which is not a public holiday but on which
 *   government offices do not work.
 *
 * The exported string functions validate their days; the *Number variants
 * work on day numbers (calendar-day.ts) for the deadline computations, which
 * chain several steps and format a string only at the end.
 */

export const TOKYO = "Asia/Tokyo";

export function assertInstant(instant: Date, name = "instant"): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/** The Tokyo calendar day (day number) of an instant, checked like a parsed day. */
export function tokyoDayNumber(instant: Date): number {
  assertInstant(instant);
  return checkDay(tokyoDayOf(instant.getTime()));
}

/** The Tokyo calendar day (YYYY-MM-DD) of an instant, whatever the process time zone. */
export function tokyoDate(instant: Date): string {
  assertInstant(instant);
  const { year, month, day } = civilFromDay(tokyoDayOf(instant.getTime()));
  // As date-fns's "yyyy" did: year 0 is 1 BC.
  return formatCivil(year > 0 ? year : 1 - year, month, day);
}

/** The instant at a Tokyo wall-clock time on a day, as a plain Date. */
export function tokyoTime(ymd: string, hours: number, minutes: number): Date {
  return new Date(tokyoInstantAt(parseDay(ymd), hours, minutes));
}

export function addDaysYmd(ymd: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDay(parseDay(ymd) + days);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(ymd: string): number {
  return weekdayOf(parseDay(ymd));
}

/** The Japanese name of the public holiday on that day (e.g. "秋分の日"), or null. */
export function japaneseHoliday(ymd: string): string | null {
  return holidayOn(parseDay(ymd));
}

function isYearEndClosureNumber(dayNumber: number): boolean {
  const { month, day } = civilFromDay(dayNumber);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

/** 29 December - 3 January: government offices' year-end and New Year closure. */
export function isYearEndClosure(ymd: string): boolean {
  return isYearEndClosureNumber(parseDay(ymd));
}

function isBusinessDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOf(checkDay(dayNumber));
  if (weekday === 0 || weekday === 6) return false;
  if (isYearEndClosureNumber(dayNumber)) return false;
  return holidayOn(dayNumber) === null;
}

export function isBusinessDay(ymd: string): boolean {
  return isBusinessDayNumber(parseDay(ymd));
}

/** The first business day strictly after the given day number. */
export function nextBusinessDayNumber(dayNumber: number): number {
  let day = dayNumber + 1;
  while (!isBusinessDayNumber(day)) day += 1;
  return day;
}

/** The first business day strictly after the given day. */
export function nextBusinessDay(ymd: string): string {
  return formatDay(nextBusinessDayNumber(parseDay(ymd)));
}

/** The day number itself when it is a business day, otherwise the next one. */
export function businessDayOnOrAfterNumber(dayNumber: number): number {
  return isBusinessDayNumber(dayNumber) ? dayNumber : nextBusinessDayNumber(dayNumber);
}

/** The day itself when it is a business day, otherwise the next one. */
export function businessDayOnOrAfter(ymd: string): string {
  return formatDay(businessDayOnOrAfterNumber(parseDay(ymd)));
}

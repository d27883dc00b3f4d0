import { TZDate } from "@date-fns/tz";
import holidayJp from "@holiday-jp/holiday_jp";
import { format } from "date-fns";

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
 */

export const TOKYO = "Asia/Tokyo";

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A calendar day as the UTC midnight with the same date. Day arithmetic is
 * pure calendar arithmetic, so it is done on UTC dates (fast, no zone
 * lookups); the Tokyo zone only matters when a day meets an instant.
 * RangeError for anything that is not a real YYYY-MM-DD day.
 */
function dayNumber(ymd: string): number {
  const match = YMD.exec(ymd);
  if (match === null)
    throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(ymd)}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March; a real day formats back to itself.
  if (formatDay(ms) !== ymd) throw new RangeError(`not a calendar date: ${ymd}`);
  return ms;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function assertInstant(instant: Date, name = "instant"): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/** The Tokyo calendar day (YYYY-MM-DD) of an instant, whatever the process time zone. */
export function tokyoDate(instant: Date): string {
  assertInstant(instant);
  return format(new TZDate(instant.getTime(), TOKYO), "yyyy-MM-dd");
}

/** The instant at a Tokyo wall-clock time on a day, as a plain Date. */
export function tokyoTime(ymd: string, hours: number, minutes: number): Date {
  const day = new Date(dayNumber(ymd));
  const tokyo = TZDate.tz(
    TOKYO,
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    hours,
    minutes,
  );
  return new Date(tokyo.getTime());
}

export function addDaysYmd(ymd: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDay(dayNumber(ymd) + days * DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(ymd: string): number {
  return new Date(dayNumber(ymd)).getUTCDay();
}

/** The Japanese name of the public holiday on that day (e.g. "秋分の日"), or null. */
export function japaneseHoliday(ymd: string): string | null {
  dayNumber(ymd);
  // Look the key up directly: the package's isHoliday() scans every key on each call.
  if (!Object.hasOwn(holidayJp.holidays, ymd)) return null;
  const holiday = (holidayJp.holidays as Readonly<Record<string, { name: string }>>)[ymd];
  return holiday?.name ?? null;
}

/** 29 December - 3 January: government offices' year-end and New Year closure. */
export function isYearEndClosure(ymd: string): boolean {
  dayNumber(ymd);
  const monthDay = ymd.slice(5);
  return monthDay >= "12-29" || monthDay <= "01-03";
}

export function isBusinessDay(ymd: string): boolean {
  const dow = dayOfWeek(ymd);
  if (dow === 0 || dow === 6) return false;
  if (isYearEndClosure(ymd)) return false;
  return japaneseHoliday(ymd) === null;
}

/** The first business day strictly after the given day. */
export function nextBusinessDay(ymd: string): string {
  let day = addDaysYmd(ymd, 1);
  while (!isBusinessDay(day)) day = addDaysYmd(day, 1);
  return day;
}

/** The day itself when it is a business day, otherwise the next one. */
export function businessDayOnOrAfter(ymd: string): string {
  return isBusinessDay(ymd) ? ymd : nextBusinessDay(ymd);
}

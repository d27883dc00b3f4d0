/**
 * Calendar days as day numbers (days since 1970-01-01) and their YYYY-MM-DD
 * strings. Deadlines are computed several times per row of a console page, so
 * this is integer arithmetic (the civil-calendar formulas of H. Hinnant's
 * "chrono-compatible low-level date algorithms") instead of Date objects,
 * regular expressions and zone lookups.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

const ZERO = 48;
const DASH = 45;

/** The value of `length` ASCII digits of `s` from `from`, or -1 if one is not a digit. */
function digits(s: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = s.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a proleptic Gregorian date (month 1-12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Year, month (1-12) and day of a day number. */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** YYYY-MM-DD with the year as given (at least four digits), as date-fns's "yyyy-MM-dd". */
export function formatCivil(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${twoDigits(month)}-${twoDigits(day)}`;
}

/**
 * The YYYY-MM-DD of a day number, as `toISOString().slice(0, 10)` of its UTC
 * midnight, which this replaces; years outside 0000-9999 keep that expression's
 * (expanded-year) form, and a day outside Date's range its RangeError.
 */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  if (year < 0 || year > 9999) return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  return formatCivil(year, month, day);
}

/**
 * The day number of a YYYY-MM-DD string; RangeError for anything that is not a
 * real day. Years 0000-0099 are refused too: the Date.UTC check this replaces
 * read them as 1900-1999, and no caller has a use for them.
 */
export function parseDay(ymd: string): number {
  if (
    typeof ymd === "string" &&
    ymd.length === 10 &&
    ymd.charCodeAt(4) === DASH &&
    ymd.charCodeAt(7) === DASH
  ) {
    const year = digits(ymd, 0, 4);
    const month = digits(ymd, 5, 2);
    const day = digits(ymd, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) {
      if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        throw new RangeError(`not a calendar date: ${ymd}`);
      }
      return dayFromCivil(year, month, day);
    }
  }
  throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(ymd)}`);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const FIRST_DAY = dayFromCivil(100, 1, 1);
const LAST_DAY = dayFromCivil(9999, 12, 31);

/**
 * The day itself if a YYYY-MM-DD string can name it (years 0100-9999, see
 * parseDay), else RangeError: arithmetic on day numbers must refuse the days
 * the string-based functions refuse.
 */
export function checkDay(dayNumber: number): number {
  if (dayNumber >= FIRST_DAY && dayNumber <= LAST_DAY) return dayNumber;
  throw new RangeError(`day ${dayNumber} is outside the years 0100-9999`);
}

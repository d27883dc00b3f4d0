import { dayFromCivil } from "./calendar-day";
import { HOLIDAY_NAMES, HOLIDAYS_BY_YEAR } from "./holidays-jp";

/**
 * Japan's public holidays by day number, decoded once from the generated table
 * (src/holidays-jp.ts, from @holiday-jp/holiday_jp: 1970-2050; outside those
 * years no day is a holiday, as with the package itself).
 */
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ENTRY = 5;

const holidays = new Map<number, string>();
for (const [year, entries] of Object.entries(HOLIDAYS_BY_YEAR)) {
  for (let i = 0; i < entries.length; i += ENTRY) {
    const month = Number(entries.slice(i, i + 2));
    const day = Number(entries.slice(i + 2, i + 4));
    const name = HOLIDAY_NAMES[LETTERS.indexOf(entries.charAt(i + 4))];
    if (name === undefined)
      throw new Error(`holidays-jp.ts: bad entry ${entries.slice(i, i + ENTRY)}`);
    holidays.set(dayFromCivil(Number(year), month, day), name);
  }
}

/** The holiday's Japanese name (e.g. "秋分の日") on that day, or null. */
export function holidayOn(dayNumber: number): string | null {
  return holidays.get(dayNumber) ?? null;
}

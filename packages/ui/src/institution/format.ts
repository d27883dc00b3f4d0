import { dayOfWeek, PIECES_PER_SET, TOKYO } from "@sos/rules";

/**
 * Japanese display forms shared by the institution components. Dates and times are
 * always on the Tokyo clock, whatever the device's time zone: deadlines and
 * business days are Tokyo's, and a user abroad must see the same times.
 */

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** 2000 → "2,000"; a negative figure gets a true minus sign (−600), as in print. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value).toLocaleString("ja-JP");
  return value < 0 ? `−${digits}` : digits;
}

/** 2000 → "2,000枚" */
export function formatPieces(pieces: number): string {
  return `${formatNumber(pieces)}枚`;
}

/** 2 → "2セット（2,000枚）": the limit is always told in both units, as the manual does. */
export function formatSets(sets: number): string {
  return `${formatNumber(sets)}セット（${formatPieces(sets * PIECES_PER_SET)}）`;
}

function ymdParts(ymd: string) {
  const [year = 0, month = 0, day = 0] = ymd.split("-").map(Number);
  return { year, month, day, weekday: WEEKDAYS[dayOfWeek(ymd)] ?? "" };
}

/** "2026-12-03" → "2026年12月3日（木）", or "12月3日（木）" without the year. */
export function formatJaDate(
  ymd: string,
  { withYear = true }: { withYear?: boolean } = {},
): string {
  const { year, month, day, weekday } = ymdParts(ymd);
  return `${withYear ? `${year}年` : ""}${month}月${day}日（${weekday}）`;
}

const tokyoParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TOKYO,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as Tokyo's calendar day and wall-clock time. */
export function tokyoClock(instant: Date): { ymd: string; time: string } {
  const parts = Object.fromEntries(
    tokyoParts.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    ymd: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "2026年11月25日（水）16:30" on the Tokyo clock. */
export function formatJaDateTime(instant: Date): string {
  const { ymd, time } = tokyoClock(instant);
  return `${formatJaDate(ymd)}${time}`;
}

/** "水曜17:00": how the weekly deadline is named on screen. */
export function formatWeekdayTime(instant: Date): string {
  const { ymd, time } = tokyoClock(instant);
  return `${ymdParts(ymd).weekday}曜${time}`;
}

/** Props take ISO strings (as the API sends them) or Dates; an unreadable value is a bug. */
export function toInstant(value: Date | string): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`not a date-time: ${String(value)}`);
  }
  return instant;
}

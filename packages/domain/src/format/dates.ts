import { dayOfWeek, sosDeadline, surveyCreationTime, TOKYO } from "@sos/rules";

/*
 * Dates and times are always told on the Tokyo clock, whatever the server's or
 * the device's time zone: deadlines and business days are Tokyo's, and a user
 * abroad must see the same times as the mail they were sent. The arithmetic
 * stays in @sos/rules; this is only how a day or an instant is written.
 */

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

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

/** An instant as Tokyo's calendar day and wall-clock time: { ymd: "2026-12-02", time: "17:00" }. */
export function tokyoClock(instant: Date): { ymd: string; time: string } {
  const parts = Object.fromEntries(
    tokyoParts.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    ymd: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "2026年12月2日（水）17:00" on the Tokyo clock. */
export function formatJaDateTime(instant: Date): string {
  const { ymd, time } = tokyoClock(instant);
  return `${formatJaDate(ymd)}${time}`;
}

/** 「11月25日（水）16:30」: a date-time in a list where the year goes without saying. */
export function formatShortDateTime(value: Date | string): string {
  const { ymd, time } = tokyoClock(toInstant(value));
  return `${formatJaDate(ymd, { withYear: false })}${time}`;
}

/** "水曜17:00": how the weekly deadline is named on screen. */
export function formatWeekdayTime(instant: Date): string {
  const { ymd, time } = tokyoClock(instant);
  return `${ymdParts(ymd).weekday}曜${time}`;
}

/**
 * The survey's title as institutions know it: the week named by its deadline,
 * 「2026年12月2日（水）17:00締切の週」. Naming it by both Wednesdays (the week
 * runs Wednesday 18:35 to Wednesday 18:35) left users guessing which one was due.
 */
export function surveyWeekTitle(weekStart: string): string {
  return `${formatJaDateTime(sosDeadline(surveyCreationTime(weekStart)))}締切の週`;
}

/** ISO strings (as the API sends them) or Dates; an unreadable value is a bug. */
export function toInstant(value: Date | string): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`not a date-time: ${String(value)}`);
  }
  return instant;
}

import { DAY_MS } from "./calendar-day";

/**
 * Tokyo wall-clock time by arithmetic. Japan has kept UTC+9 all year since its
 * summer time (1948-1951) ended in September 1951, so from 1952 on a Tokyo
 * time is the UTC instant plus nine hours: no zone lookup per call (date-fns/tz
 * asked Intl for the offset on every call, 0.06-0.15 ms each). Earlier instants
 * (summer time, and the local mean time +09:18:59 before 1888) still get the
 * runtime's zone data through Intl, as before, so no result changes.
 */

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const JST_MS = 9 * HOUR_MS;

/** 1952-01-01 00:00 Tokyo: from here on the offset is always +9 h. */
const FIXED_OFFSET_FROM = Date.UTC(1951, 11, 31, 15);

let offsetFormat: Intl.DateTimeFormat | undefined;

/** Tokyo's UTC offset before 1952 to the second, e.g. "GMT+10:00" in summer 1948. */
function historicOffsetMs(ms: number): number {
  offsetFormat ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tokyo",
    timeZoneName: "longOffset",
  });
  const name = offsetFormat.formatToParts(ms).find((part) => part.type === "timeZoneName");
  const match = /^GMT([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(name?.value ?? "");
  if (match === null) throw new Error(`unexpected Asia/Tokyo offset ${name?.value}`);
  const [, sign, hours, minutes, seconds] = match;
  const offset =
    Number(hours) * HOUR_MS + Number(minutes) * MINUTE_MS + Number(seconds ?? 0) * 1000;
  return sign === "-" ? -offset : offset;
}

/** Tokyo's UTC offset at an instant (ms since the epoch). */
function tokyoOffsetMs(ms: number): number {
  return ms >= FIXED_OFFSET_FROM ? JST_MS : historicOffsetMs(ms);
}

/** The Tokyo calendar day (day number) of an instant. */
export function tokyoDayOf(ms: number): number {
  return Math.floor((ms + tokyoOffsetMs(ms)) / DAY_MS);
}

/**
 * The instant (ms) of a Tokyo wall-clock time. Hours and minutes may run over
 * (25:00 is 01:00 the next day) and are truncated to integers, as Date's
 * constructor does. A wall time the 1948-1951 summer time skipped lands an hour
 * later; one it repeated is read in standard time.
 */
export function tokyoInstantAt(dayNumber: number, hours: number, minutes: number): number {
  const wall = dayNumber * DAY_MS + Math.trunc(hours) * HOUR_MS + Math.trunc(minutes) * MINUTE_MS;
  const standard = wall - JST_MS;
  if (standard >= FIXED_OFFSET_FROM || !Number.isFinite(standard)) return standard;
  const guess = wall - tokyoOffsetMs(standard);
  return wall - tokyoOffsetMs(guess);
}

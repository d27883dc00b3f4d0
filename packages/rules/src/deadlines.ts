import {
  assertInstant,
  businessDayOnOrAfterNumber,
  nextBusinessDayNumber,
  tokyoDayNumber,
} from "./business-days";
import { checkDay, formatDay, parseDay, weekdayOf } from "./calendar-day";
import { tokyoInstantAt } from "./tokyo-clock";

/**
 * The weekly cycle of the scheme, all on the Tokyo clock. Every function takes
 * the instants it needs as arguments and never reads the clock, so results do
 * not depend on when or in which process time zone they run.
 *
 * From the manuals:
 * - the weekly-survey record (週次調査) is created every Wednesday from 18:35;
 * - SOS requests are due every Wednesday at 17:00 (毎週水曜17時〆), and
 *   "requests after Wednesday 17:00 are handled from the next business day on"
 *   (毎週水曜17時以降の要請は、翌営業日以降の対応);
 * - prefectures complete their part by Thursday 17:00 as a rule (基本的に);
 * - an institution found not eligible is contacted from the Friday of the
 *   request week on (要請した週の金曜以降).
 *
 * Interpretation used here. A survey week runs from Wednesday 18:35 to the next
 * Wednesday 18:35. A request is checked against the survey of the week it is
 * filed in, and that week's deadline is the Wednesday 17:00 inside it, 95
 * minutes before the week closes. So:
 * - filed from Wednesday 18:35 up to and including the next Wednesday 17:00:00.000
 *   → on time for that Wednesday's round, handled from the deadline day
 *   (the next business day when that Wednesday is a holiday);
 * - filed after 17:00:00.000 but before 18:35 on a Wednesday → late: it missed
 *   the deadline of its survey week, and is handled from the next business day
 *   after the filing day;
 * - from 18:35 a new survey week is open and a filing is on time for the
 *   following Wednesday again.
 * The deadline itself stays on Wednesday 17:00 even when that Wednesday is a
 * holiday: the manual states no exception and the check runs automatically.
 */

const SURVEY_OPENS = { hours: 18, minutes: 35 } as const;
const SOS_DUE = { hours: 17, minutes: 0 } as const;
const PREFECTURE_DUE = { hours: 17, minutes: 0 } as const;
const WEDNESDAY = 3;
const THURSDAY = 4;
const FRIDAY = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "実施中の緊急配布要請" lists the requests filed in the past 30 days. */
export const ACTIVE_DAYS = 30;

export type SurveyWeek = {
  /** The Wednesday (YYYY-MM-DD, Tokyo) whose 18:35 opened this week. */
  weekStart: string;
  /** Wednesday 18:35 Tokyo, inclusive. */
  opensAt: Date;
  /** The next Wednesday 18:35 Tokyo, exclusive. */
  closesAt: Date;
};

/** The instant (ms) a survey week opens: 18:35 Tokyo on its Wednesday (a day number). */
function opensAtMs(weekStart: number): number {
  return tokyoInstantAt(checkDay(weekStart), SURVEY_OPENS.hours, SURVEY_OPENS.minutes);
}

/** The instant a survey week opens: 18:35 Tokyo on its Wednesday. */
export function surveyCreationTime(weekStart: string): Date {
  const day = parseDay(weekStart);
  if (weekdayOf(day) !== WEDNESDAY) {
    throw new RangeError(`a survey week starts on a Wednesday, got ${weekStart}`);
  }
  return new Date(opensAtMs(day));
}

/** The first day on or after `day` that falls on the given weekday (day numbers). */
function onOrAfterWeekday(day: number, weekday: number): number {
  return checkDay(day + ((weekday - weekdayOf(day) + 7) % 7));
}

/** The Wednesday (day number) whose 18:35 opened the survey week of an instant. */
function weekStartOf(instant: Date): number {
  const today = tokyoDayNumber(instant);
  // The latest Wednesday on or before today; if its 18:35 is still ahead,
  // the week began the Wednesday before.
  const wednesday = today - ((weekdayOf(today) - WEDNESDAY + 7) % 7);
  return opensAtMs(wednesday) > instant.getTime() ? wednesday - 7 : wednesday;
}

export function surveyWeekOf(instant: Date): SurveyWeek {
  assertInstant(instant);
  const weekStart = weekStartOf(instant);
  return {
    weekStart: formatDay(weekStart),
    opensAt: new Date(opensAtMs(weekStart)),
    closesAt: new Date(opensAtMs(weekStart + 7)),
  };
}

/** The deadline (ms) of the week that opened on `weekStart`: the next Wednesday 17:00 Tokyo. */
function deadlineMs(weekStart: number): number {
  checkDay(weekStart);
  return tokyoInstantAt(checkDay(weekStart + 7), SOS_DUE.hours, SOS_DUE.minutes);
}

/** The Wednesday 17:00 Tokyo deadline of the survey week the instant falls in. */
export function sosDeadline(instant: Date): Date {
  assertInstant(instant);
  return new Date(deadlineMs(weekStartOf(instant)));
}

export type SosHandling = {
  /** The Wednesday 17:00 Tokyo deadline that applies to the request. */
  deadline: Date;
  /** Filed after that deadline (Wednesday 17:00 < filedAt < 18:35). */
  late: boolean;
  /** The business day (YYYY-MM-DD, Tokyo) from which officers handle it. */
  handleFrom: string;
};

/** The business day (day number) from which officers handle a request, and its deadline. */
function handling(filedAt: Date): { deadline: number; late: boolean; handleFrom: number } {
  assertInstant(filedAt, "filedAt");
  const weekStart = weekStartOf(filedAt);
  const deadline = deadlineMs(weekStart);
  const late = filedAt.getTime() > deadline;
  // The deadline is 17:00 Tokyo on weekStart + 7, so that is its Tokyo day.
  const handleFrom = late
    ? nextBusinessDayNumber(tokyoDayNumber(filedAt))
    : businessDayOnOrAfterNumber(weekStart + 7);
  return { deadline, late, handleFrom };
}

export function sosHandling(filedAt: Date): SosHandling {
  const { deadline, late, handleFrom } = handling(filedAt);
  return { deadline: new Date(deadline), late, handleFrom: formatDay(handleFrom) };
}

/**
 * When the prefecture is due to complete its part: 17:00 Tokyo on the first
 * Thursday on or after the day handling starts. In the ordinary week that is
 * the Thursday right after the Wednesday deadline. Counting from handleFrom
 * rather than from the deadline keeps the due time after the start of
 * handling when the deadline Wednesday is a holiday or in the year-end
 * closure, or when a late request is handled only from a later day. A
 * Thursday that is not a business day moves the due time to 17:00 of the
 * next business day, since "Thursday as a rule" assumes a working Thursday.
 */
export function prefectureDeadline(filedAt: Date): Date {
  const { handleFrom } = handling(filedAt);
  const due = businessDayOnOrAfterNumber(onOrAfterWeekday(handleFrom, THURSDAY));
  return new Date(tokyoInstantAt(due, PREFECTURE_DUE.hours, PREFECTURE_DUE.minutes));
}

/**
 * From when a prefecture may tell an institution that its request is not
 * eligible: 00:00 Tokyo of the Friday of the request week, i.e. the first
 * Friday on or after the day handling starts (in the ordinary week, two days
 * after the Wednesday deadline). It is an earliest time, so a Friday holiday
 * does not move it.
 */
export function notEligibleNoticeFrom(filedAt: Date): Date {
  const { handleFrom } = handling(filedAt);
  return new Date(tokyoInstantAt(onOrAfterWeekday(handleFrom, FRIDAY), 0, 0));
}

/**
 * Whether a request counts as active (実施中): filed within the past 30 days,
 * both ends inclusive (exactly 30 x 24 h ago is still active; Tokyo has no
 * daylight saving, so 30 days are always 30 x 24 h). A filing time after `now`
 * (clock skew) is not active.
 */
export function isActive(filedAt: Date, now: Date): boolean {
  assertInstant(filedAt, "filedAt");
  assertInstant(now, "now");
  const age = now.getTime() - filedAt.getTime();
  return age >= 0 && age <= ACTIVE_DAYS * DAY_MS;
}

export type TimeUntil = {
  days: number;
  hours: number;
  minutes: number;
  /** The deadline has passed (now is after it; at the deadline instant it has not). */
  overdue: boolean;
};

/**
 * The countdown to a deadline, split into days, hours and minutes. Time left
 * is rounded up to the next whole minute, so a countdown never shows 0 minutes
 * while the deadline is still ahead; time overdue is rounded down, counting
 * whole minutes past it.
 */
export function timeUntil(deadline: Date, now: Date): TimeUntil {
  assertInstant(deadline, "deadline");
  assertInstant(now, "now");
  const diff = deadline.getTime() - now.getTime();
  const overdue = diff < 0;
  const totalMinutes = overdue ? Math.floor(-diff / 60_000) : Math.ceil(diff / 60_000);
  return {
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60) % 24,
    minutes: totalMinutes % 60,
    overdue,
  };
}

import {
  formatJaDate,
  formatJaDateTime,
  formatWeekdayTime,
  toInstant,
  tokyoClock,
} from "@sos/domain";
import { nextBusinessDay, timeUntil } from "@sos/rules";
import { type ReactNode, useEffect, useState } from "react";
import "./DeadlineCountdown.css";

export interface DeadlineCountdownProps {
  /** The Wednesday 17:00 deadline (ISO string or Date). */
  deadline: Date | string;
  /** The current time. When given, exactly this is shown and no timer runs (stories, tests, a server clock). */
  now?: Date | string | undefined;
  /**
   * The business day (YYYY-MM-DD, Tokyo) a request filed now is handled from, once
   * the deadline has passed; by default the business day after today.
   */
  handleFrom?: string | null | undefined;
  /** Without `now`, the countdown follows the clock minute by minute; false freezes it. */
  live?: boolean | undefined;
  /**
   * What the deadline is called: 「締切」 (the weekly SOS deadline) by default; the
   * review console names the prefecture's Thursday 17:00 「確認期限」.
   */
  label?: string | undefined;
  /** What to say once the deadline has passed, instead of the late-request handling. */
  overdueMessage?: ReactNode;
  /** Shown under the time left, e.g. how many requests are still open (inline content: it sits in a <p>). */
  children?: ReactNode;
}

const MINUTE_MS = 60_000;

/** Under a day left the countdown turns to a warning. */
const URGENT_MS = 24 * 60 * MINUTE_MS;

/**
 * How long until the countdown's text next changes. Time left is shown rounded up to
 * the minute, so it changes just as each whole minute before the deadline is reached,
 * and the deadline itself must tip it into 「締切を過ぎています」 at once.
 */
export function msUntilNextChange(deadlineMs: number, nowMs: number): number {
  const left = deadlineMs - nowMs;
  if (left > 0) return ((left - 1) % MINUTE_MS) + 1;
  if (left === 0) return 1;
  return MINUTE_MS - (-left % MINUTE_MS);
}

function useMinuteClock(enabled: boolean, deadlineMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!enabled) return;
    let timer: number;
    const schedule = () => {
      timer = window.setTimeout(
        () => {
          setNow(new Date());
          schedule();
        },
        msUntilNextChange(deadlineMs, Date.now()),
      );
    };
    setNow(new Date());
    schedule();
    return () => window.clearTimeout(timer);
  }, [enabled, deadlineMs]);
  return now;
}

function ClockIcon() {
  return (
    <svg className="sos-deadline__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M11 6h2v5.4l3.6 2.1-1 1.7-4.6-2.7z" fill="currentColor" />
    </svg>
  );
}

/**
 * Time left to the weekly SOS deadline (毎週水曜17時〆), or, once it has passed,
 * from which business day a request is handled (翌営業日以降の対応).
 */
export function DeadlineCountdown({
  deadline,
  now,
  handleFrom,
  live = true,
  label = "締切",
  overdueMessage,
  children,
}: DeadlineCountdownProps) {
  const due = toInstant(deadline);
  const clock = useMinuteClock(now === undefined && live, due.getTime());
  const current = now === undefined ? clock : toInstant(now);
  const left = timeUntil(due, current);
  const deadlineName = `${label}（${formatWeekdayTime(due)}）`;

  if (left.overdue && overdueMessage !== undefined) {
    return (
      <p className="sos-deadline sos-deadline--overdue" data-overdue="true">
        <ClockIcon />
        <span className="sos-deadline__text">{overdueMessage}</span>
      </p>
    );
  }

  if (left.overdue) {
    const from = handleFrom ?? nextBusinessDay(tokyoClock(current).ymd);
    return (
      <p className="sos-deadline sos-deadline--overdue" data-overdue="true">
        <ClockIcon />
        <span>
          <strong>締切を過ぎています</strong>（翌営業日 {formatJaDate(from, { withYear: false })}
          以降の対応）
        </span>
      </p>
    );
  }

  const urgent = due.getTime() - current.getTime() < URGENT_MS;
  const remaining = [
    left.days > 0 ? `${left.days}日` : null,
    left.days > 0 || left.hours > 0 ? `${left.hours}時間` : null,
    `${left.minutes}分`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <p
      className={["sos-deadline", urgent ? "sos-deadline--urgent" : undefined]
        .filter(Boolean)
        .join(" ")}
      data-overdue="false"
    >
      <ClockIcon />
      <span className="sos-deadline__text">
        <span>
          {deadlineName}まで <strong className="sos-deadline__left">あと {remaining}</strong>
        </span>
        <time className="sos-deadline__date" dateTime={due.toISOString()}>
          {formatJaDateTime(due)}
          {label}
        </time>
        {children}
      </span>
    </p>
  );
}

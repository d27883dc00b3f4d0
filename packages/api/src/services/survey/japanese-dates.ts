import { addDaysYmd, dayOfWeek, TOKYO, tokyoDate } from "@sos/rules";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

const clock = new Intl.DateTimeFormat("ja-JP", {
  timeZone: TOKYO,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(ymd: string): { year: number; month: number; day: number; weekday: string } {
  const [year, month, day] = ymd.split("-").map(Number);
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    weekday: WEEKDAYS[dayOfWeek(ymd)] ?? "",
  };
}

/** "2026年11月25日（水）"; without the year when the reader already has it in front of them. */
export function formatJaDate(ymd: string, options: { withYear?: boolean } = {}): string {
  const { year, month, day, weekday } = parts(ymd);
  const prefix = options.withYear === false ? "" : `${year}年`;
  return `${prefix}${month}月${day}日（${weekday}）`;
}

/** "2026年12月2日（水）16:59" on the Tokyo clock, whatever the server's time zone. */
export function formatJaDateTime(instant: Date): string {
  return `${formatJaDate(tokyoDate(instant))}${clock.format(instant)}`;
}

/**
 * The survey's title as institutions know it: the week from its Wednesday to
 * the next, e.g. 「2026年11月25日（水）〜12月2日（水）週」. The closing Wednesday
 * repeats the year only when the week crosses New Year.
 */
export function surveyWeekTitle(weekStart: string): string {
  const end = addDaysYmd(weekStart, 7);
  const sameYear = end.slice(0, 4) === weekStart.slice(0, 4);
  return `${formatJaDate(weekStart)}〜${formatJaDate(end, { withYear: !sameYear })}週`;
}

/** "2,000枚" */
export function formatPieces(pieces: number): string {
  return `${pieces.toLocaleString("ja-JP")}枚`;
}

/**
 * A date typed as 年・月・日 (the Digital Agency design system's date input): what the
 * three boxes hold, read into an ISO 8601 date (YYYY-MM-DD) when they make one.
 */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** Full-width digits (and spaces) as typed on a Japanese keyboard, read as ASCII digits. */
export function digitsOf(text: string): string {
  return text.normalize("NFKC").replace(/\s/g, "");
}

/** True for a real calendar date written YYYY-MM-DD (no 2月30日). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * What the field reports: "" when all three are empty, the ISO date when they make a
 * real one, and otherwise what was typed joined with hyphens (never a valid ISO date,
 * so a form's check refuses it with its own message).
 */
export function dateValueOf(parts: DateParts): string {
  const year = digitsOf(parts.year);
  const month = digitsOf(parts.month);
  const day = digitsOf(parts.day);
  if (year === "" && month === "" && day === "") return "";
  if (/^\d{4}$/.test(year) && /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day)) {
    const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    if (isIsoDate(iso)) return iso;
  }
  return `${year}-${month}-${day}`;
}

/** The boxes for a value: an ISO date split, or a typed value given back as it was. */
export function datePartsOf(value: string): DateParts {
  if (value === "") return { year: "", month: "", day: "" };
  const [year = "", month = "", day = ""] = value.split("-");
  if (isIsoDate(value)) return { year, month: String(Number(month)), day: String(Number(day)) };
  return { year, month, day };
}

/** "2026-12-01" → "火". */
export function weekdayJa(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? "";
}

/** The message for three boxes that do not make a date, e.g. 2026年2月30日. */
export function invalidDateMessage(label: string): string {
  return `${label}は正しい日付を入力してください（例：2026年12月1日）`;
}

import { PIECES_PER_SET } from "@sos/rules";

// One formatter, built once: toLocaleString builds a new one on every call.
const grouped = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

/**
 * 2000 → "2,000". A negative figure gets a true minus sign (U+2212, −600), as in
 * print, so a shortfall reads the same on screen and in mail.
 */
export function formatNumber(value: number): string {
  const digits = grouped.format(Math.abs(value));
  return value < 0 ? `−${digits}` : digits;
}

/** 2000 → "2,000枚" */
export function formatPieces(pieces: number): string {
  return `${formatNumber(pieces)}枚`;
}

/** 2 → "2セット（2,000枚）": a limit is always told in both units, as the manual does. */
export function formatSets(sets: number): string {
  return `${formatNumber(sets)}セット（${formatPieces(sets * PIECES_PER_SET)}）`;
}

/**
 * 3 → "第3号": a numbered target list (対象医療機関リスト), named the same in the ministry's
 * console, the vendor's portal, the vendor's mail and the CSV file name.
 */
export function targetListNumberJa(number: number): string {
  return `第${formatNumber(number)}号`;
}

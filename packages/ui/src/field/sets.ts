import { REVIEW_MAX_SETS } from "@sos/domain";
import { normalizeDigitsText, parseQuantity } from "@sos/rules";

/** The API's ceiling for one request: 100,000 sets (100 million gloves). */
export const MAX_SETS = REVIEW_MAX_SETS;

export const SETS_MESSAGES = {
  required: "数量（セット）を入力してください",
  not_a_number: "数量はセット単位の数字で入力してください（例：3）",
  not_integer: "数量はセット単位の整数で入力してください（1セット＝1,000枚）",
  negative: "数量は0以上で入力してください",
  too_large: `数量が大きすぎます（上限 ${MAX_SETS.toLocaleString("ja-JP")}セット）`,
  pieces: "数量はセット単位で入力してください（1セット＝1,000枚。枚数ではありません）",
} as const;

export type SetsError = keyof typeof SETS_MESSAGES;

const TRAILING_SETS = /^(.*\S)\s*セット$/u;
const TRAILING_PIECES = /枚$/u;

/**
 * Reads a number of sets as an officer types it: 「3」「３」「1,200」「3セット」. A
 * trailing 枚 is refused, not read: 「3000枚」 as 3,000 sets would be a thousandfold
 * error. Decimals are refused too (a set is the smallest unit).
 */
export function parseSets(
  text: string,
): { ok: true; value: number } | { ok: false; error: SetsError } {
  let s = normalizeDigitsText(text);
  if (TRAILING_PIECES.test(s)) return { ok: false, error: "pieces" };
  const unit = TRAILING_SETS.exec(s);
  if (unit?.[1] !== undefined) s = unit[1];
  const parsed = parseQuantity(s);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.value > MAX_SETS) return { ok: false, error: "too_large" };
  return parsed;
}

/** The box's text for a stored number of sets. */
export function setsDraft(sets: number | null | undefined): string {
  return sets === null || sets === undefined ? "" : sets.toLocaleString("ja-JP");
}

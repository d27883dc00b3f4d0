/**
 * Input normalisation shared by every form field. Japanese users often type
 * with the IME in full-width mode (２０００, ＡＢＣ, －), so numbers, codes and
 * addresses are brought to half-width before they are checked.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = /\u3000/g;

/**
 * Full-width ASCII (！ U+FF01 to ～ U+FF5E) to its half-width form, the
 * ideographic space U+3000 to a plain space, then trimmed. Kana and kanji are
 * left alone: half-width katakana is not widened, so a name is stored as typed.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_TO_HALF_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, " ")
    .trim();
}

/**
 * Dashes that Japanese input methods and copied text produce instead of "-":
 * ‐ U+2010 hyphen, ‑ U+2011 non-breaking hyphen, ‒ U+2012 figure dash,
 * – U+2013 en dash, — U+2014 em dash, ― U+2015 horizontal bar, − U+2212 minus,
 * ﹣ U+FE63 small hyphen-minus, ｰ U+FF70 half-width prolonged sound mark
 * (－ U+FF0D is already "-" after toHalfWidth).
 */
const HYPHEN_LOOKALIKES = /[\u2010-\u2015\u2212\uFE63\uFF70]/g;

/**
 * ー U+30FC, the full-width prolonged sound mark, is what a kana IME gives for
 * the "-" key; it is a hyphen only between digits (03ー1234), elsewhere it is
 * part of a word.
 */
const PROLONGED_MARK_BETWEEN_DIGITS = /(?<=\d)\u30FC(?=\d)/g;

/**
 * toHalfWidth plus hyphen look-alikes to "-", for fields that hold numbers or
 * codes (phone, postcode, institution code, quantities).
 */
export function normalizeDigitsText(s: string): string {
  return toHalfWidth(s).replace(HYPHEN_LOOKALIKES, "-").replace(PROLONGED_MARK_BETWEEN_DIGITS, "-");
}

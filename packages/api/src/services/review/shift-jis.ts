import iconv from "iconv-lite";

/**
 * Shift_JIS for Excel means Microsoft's CP932 (Windows-31J): JIS X 0208 plus
 * the NEC and IBM extensions (①, ㈱, 髙, 﨑 ...). What it cannot hold (𠮷,
 * 鷗, emoji, accented Latin letters ...) must not vanish silently: it is
 * reported, and replaced only when the caller says so.
 */
export const CP932 = "cp932";

/** The geta mark, the customary stand-in for a character a Japanese code page lacks. */
export const REPLACEMENT_CHAR = "〓";

/**
 * The same JIS X 0208 characters reach Unicode two ways: JIS's mapping
 * (〜 U+301C, − U+2212 ...) and Microsoft's (～ U+FF5E, － U+FF0D ...). Text
 * typed on a Mac or converted from EUC-JP uses the first; CP932 holds the
 * character under the second. Mapping them is no replacement: the byte
 * written is that very character.
 */
const JIS_TO_CP932: Readonly<Record<string, string>> = {
  "\u301C": "\uFF5E", // 〜 WAVE DASH → ～
  "\u2212": "\uFF0D", // − MINUS SIGN → －
  "\u2016": "\u2225", // ‖ DOUBLE VERTICAL LINE → ∥
  "\u2014": "\u2015", // — EM DASH → ―
  "\u00A2": "\uFFE0", // ¢
  "\u00A3": "\uFFE1", // £
  "\u00AC": "\uFFE2", // ¬
};
const JIS_VARIANTS = new RegExp(`[${Object.keys(JIS_TO_CP932).join("")}]`, "gu");

export function toCp932Variants(text: string): string {
  return text.replace(JIS_VARIANTS, (c) => JIS_TO_CP932[c] ?? c);
}

const known = new Map<string, boolean>();

/** Whether CP932 holds this one character (a code point, possibly a surrogate pair). */
export function isCp932Char(char: string): boolean {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return true;
  let result = known.get(char);
  if (result === undefined) {
    // iconv-lite writes "?" for what the code page lacks.
    const bytes = iconv.encode(char, CP932);
    result = !(bytes.length === 1 && bytes[0] === 0x3f);
    known.set(char, result);
  }
  return result;
}

/** The characters of `text` (after toCp932Variants) that CP932 cannot hold, in order, with repeats. */
export function unrepresentableChars(text: string): string[] {
  const found: string[] = [];
  for (const char of text) if (!isCp932Char(char)) found.push(char);
  return found;
}

export function replaceUnrepresentable(text: string): string {
  let out = "";
  for (const char of text) out += isCp932Char(char) ? char : REPLACEMENT_CHAR;
  return out;
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, CP932);
}

/** "U+20BB7": how support staff and editors name a character. */
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

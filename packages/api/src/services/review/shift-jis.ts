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

// Per BMP code unit: bit 1 = CP932 holds it, bit 2 = a JIS form toCp932Variants maps.
const HOLDS = 1;
const JIS_FORM = 2;
let table: Uint8Array | undefined;

/** Whether a CP932 byte starts a two-byte character (JIS X 0208 and the extensions). */
function isLeadByte(byte: number): boolean {
  return (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc);
}

/**
 * Which of the 63,360 non-ASCII BMP characters CP932 holds, from one encode of them all
 * (a few ms, once per process): iconv-lite writes "?" for each it lacks, and a
 * "?" can only stand for a lacking one here, since no input is ASCII. Surrogate
 * halves stay 0, so an astral character always takes the exact path.
 */
function cp932Table(): Uint8Array {
  if (table !== undefined) return table;
  const built = new Uint8Array(0x10000);
  built.fill(HOLDS, 0, 0x80);
  const codes: number[] = [];
  for (let code = 0x80; code <= 0xffff; code += 1) {
    if (code < 0xd800 || code > 0xdfff) codes.push(code);
  }
  const text: string[] = [];
  for (let i = 0; i < codes.length; i += 4096) {
    text.push(String.fromCharCode(...codes.slice(i, i + 4096)));
  }
  const bytes = iconv.encode(text.join(""), CP932);
  let at = 0;
  for (const code of codes) {
    const byte = bytes[at] ?? 0x3f;
    if (byte !== 0x3f) built[code] = HOLDS;
    at += isLeadByte(byte) ? 2 : 1;
  }
  if (at !== bytes.length) throw new Error("iconv-lite's CP932 output did not parse as CP932");
  for (const jis of Object.keys(JIS_TO_CP932)) {
    const code = jis.charCodeAt(0);
    built[code] = (built[code] ?? 0) | JIS_FORM;
  }
  table = built;
  return built;
}

const astral = new Map<string, boolean>();

/** Whether CP932 holds this one character (a code point, possibly a surrogate pair). */
export function isCp932Char(char: string): boolean {
  if (char.length === 1) return ((cp932Table()[char.charCodeAt(0)] ?? 0) & HOLDS) !== 0;
  let result = astral.get(char);
  if (result === undefined) {
    // iconv-lite writes "?" for what the code page lacks.
    const bytes = iconv.encode(char, CP932);
    result = !(bytes.length === 1 && bytes[0] === 0x3f);
    astral.set(char, result);
  }
  return result;
}

/** The characters of `text` (after toCp932Variants) that CP932 cannot hold, in order, with repeats. */
export function unrepresentableChars(text: string): string[] {
  const found: string[] = [];
  for (const char of text) if (!isCp932Char(char)) found.push(char);
  return found;
}

/**
 * Whether CP932 lacks a character of `text` once JIS forms are mapped: one pass
 * over the table, true for any astral character (unrepresentableChars then says
 * exactly which).
 */
export function cp932Lacks(text: string): boolean {
  const kinds = cp932Table();
  for (let i = 0; i < text.length; i += 1) {
    if ((kinds[text.charCodeAt(i)] ?? 0) === 0) return true;
  }
  return false;
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

function byteOccurrences(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) count += 1;
  return count;
}

/**
 * Text in CP932 as the file holds it: JIS forms mapped to their CP932 twins,
 * anything else CP932 lacks written as 〓. The encoder itself says whether
 * anything was lacking: it writes "?" (0x3F) for such a character, and 0x3F is
 * never part of a two-byte character, so more 0x3F bytes than "?" characters
 * means a lacking one. Only then is the text gone through character by character
 * (nearly every chunk of a list needs no such pass).
 */
export function encodeCp932Text(text: string): Buffer {
  const mapped = toCp932Variants(text);
  const bytes = iconv.encode(mapped, CP932);
  if (byteOccurrences(bytes, 0x3f) === occurrences(mapped, "?")) return bytes;
  const replaced = Array.from(mapped, (char) => (isCp932Char(char) ? char : REPLACEMENT_CHAR));
  return iconv.encode(replaced.join(""), CP932);
}

/** "U+20BB7": how support staff and editors name a character. */
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

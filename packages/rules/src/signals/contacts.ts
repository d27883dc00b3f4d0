import { normalizeEmail } from "../email";
import { normalizeDigitsText } from "../normalize";
import { normalizePhone } from "../phone";

/**
 * Contact keys for the "shared contact" signal: two institutions typed the
 * same phone, e-mail or delivery address if their keys are equal. The keys
 * are looser than the stored forms on purpose: a second facility registered
 * to resell typically varies the spelling (全角/半角, hyphens, spaces, 丁目
 * written out or as a hyphen), and a match must survive that.
 */

/** Spaces and brackets carry nothing in an address; hyphens do (1-23 is not 12-3). */
const SPACES = /[\s()（）]/g;

/** Digits only, in national form when it is a valid Japanese number. */
export function phoneKey(phone: string): string | null {
  const normalized = normalizePhone(phone);
  const digits = normalized.ok ? normalized.value : normalizeDigitsText(phone).replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

/**
 * The normalised address with the local part lower-cased too: the standard
 * lets it be case-sensitive, but no Japanese provider makes Taro@ and taro@
 * two mailboxes, and a resale ring would use that.
 */
export function emailKey(email: string): string | null {
  const normalized = normalizeEmail(email);
  return normalized.ok ? normalized.value.toLowerCase() : null;
}

/** 丁目, 番地, 番 and 号 between numbers are written as hyphens as often as not. */
const BLOCK_MARKERS = /(?<=\d)(?:丁目|番地|番|号)/g;

/** Kanji numerals in block numbers (三丁目) are left alone: rare in typed addresses, risky to convert. */
export function addressKey(postcode: string, address: string): string | null {
  const code = normalizeDigitsText(postcode).replace(/\D/g, "");
  const text = normalizeDigitsText(address)
    .replace(BLOCK_MARKERS, "-")
    .replace(SPACES, "")
    .replace(/-+/g, "-")
    // A hyphen only separates numbers: "1-2-3-" and "東京都-千代田区" lose it.
    .replace(/-(?!\d)|(?<!\d)-/g, "")
    .toLowerCase();
  return text.length >= 4 ? `${code}|${text}` : null;
}

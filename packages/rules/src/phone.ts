import { parsePhoneNumberFromString } from "libphonenumber-js/core";
import { normalizeDigitsText } from "./normalize";
import { JP_PHONE_METADATA } from "./phone-metadata-jp";
import { err, ok, type Result } from "./result";

/**
 * Japanese phone numbers, stored as digits only in national form ("0312345678").
 *
 * Accepted input: hyphens and their look-alikes, spaces, parentheses
 * ("03(1234)5678", "(03)1234-5678"), dots, full-width characters, and the
 * international form +81 with or without the trunk 0 ("+81 3-1234-5678",
 * "+81 (0)3 1234 5678").
 *
 * Length by prefix (総務省の電気通信番号計画):
 * - 11 digits: mobile 070/080/090, IP phone 050, M2M 020, FMC 060, and the
 *   toll-free 0800;
 * - 10 digits: the toll-free 0120 and every fixed line (0 + area code +
 *   subscriber number), and other 0AB0 services such as 0570.
 */

export type PhoneError = "required" | "not_digits" | "invalid_length" | "invalid_prefix";

const SEPARATORS = /[\s\-().]/g;
const DIGITS = /^\d+$/;
const ELEVEN_DIGITS = /^(?:0[2-9]0|0800)/;
const COUNTRY_CODE = "+81";

export function normalizePhone(s: string): Result<string, PhoneError> {
  let digits = normalizeDigitsText(s).replace(SEPARATORS, "");
  if (digits === "") return err("required");
  if (digits.startsWith(COUNTRY_CODE)) {
    const national = digits.slice(COUNTRY_CODE.length);
    // "+81 (0)3 ..." keeps its trunk 0 once the parentheses are gone.
    digits = national.startsWith("0") ? national : `0${national}`;
  } else if (digits.startsWith("+")) {
    // Another country's number: not reachable as a Japanese contact number.
    return err("invalid_prefix");
  }
  if (!DIGITS.test(digits)) return err("not_digits");
  // National numbers start with the trunk 0; "00" is the international prefix.
  if (!digits.startsWith("0") || digits.startsWith("00")) return err("invalid_prefix");
  const expected = ELEVEN_DIGITS.test(digits) ? 11 : 10;
  if (digits.length !== expected) return err("invalid_length");
  return ok(digits);
}

/**
 * A hyphenated form for display only; the stored value stays digits. The split
 * follows the area code (2 to 5 digits: 03-1234-5678, 045-123-4567,
 * 0466-12-3456, 01267-2-3456) from libphonenumber's numbering plan for Japan.
 * A number the plan does not know (an unallocated area code) falls back to a
 * simple rule: 11 digits 3-4-4, 03 and 06 2-4-4, anything else 4-2-4.
 * A value that is not a valid number is returned as it is.
 */
export function formatPhone(s: string): string {
  const result = normalizePhone(s);
  if (!result.ok) return s;
  const d = result.value;
  const national = parsePhoneNumberFromString(d, "JP", JP_PHONE_METADATA)?.formatNational();
  if (national?.includes("-") && national.replaceAll("-", "") === d) {
    return national;
  }
  if (d.length === 11) return split(d, [3, 4, 4]);
  if (/^0[36]/.test(d)) return split(d, [2, 4, 4]);
  return split(d, [4, 2, 4]);
}

function split(digits: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join("-");
}

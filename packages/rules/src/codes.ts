import { normalizeDigitsText } from "./normalize";
import { err, ok, type Result } from "./result";

/**
 * Code-like fields: the G-MIS institution code and the postcode. Users paste
 * them with spaces or hyphens and type them in full-width; only the digits
 * matter.
 */

export type DigitCodeError = "required" | "not_digits" | "invalid_length";

const SEPARATORS = /[\s-]/g;
const DIGITS = /^\d+$/;

function digitCode(s: string, length: number): Result<string, DigitCodeError> {
  const compact = normalizeDigitsText(s).replace(SEPARATORS, "");
  if (compact === "") return err("required");
  // A letter or symbol is the more useful thing to point out, so it wins
  // over a wrong length.
  if (!DIGITS.test(compact)) return err("not_digits");
  if (compact.length !== length) return err("invalid_length");
  return ok(compact);
}

/** Digits in the 医療機関コード assigned by G-MIS (not the insurance-billing code). */
export const INSTITUTION_CODE_LENGTH = 10;

/**
 * The 10-digit institution code that joins the ministry's list with the
 * vendor's registrations. No check digit is published for it, so only the
 * form is checked.
 */
export function normalizeInstitutionCode(s: string): Result<string, DigitCodeError> {
  return digitCode(s, INSTITUTION_CODE_LENGTH);
}

export const POSTCODE_LENGTH = 7;

/** A leading postal mark, as people write it on addresses ("〒100-0001"). */
const POSTAL_MARK = /^〒\s*/;

/** Japanese postcode to its 7 digits: "〒１００－０００１", "100-0001" and "1000001" all give "1000001". */
export function normalizePostcode(s: string): Result<string, DigitCodeError> {
  return digitCode(normalizeDigitsText(s).replace(POSTAL_MARK, ""), POSTCODE_LENGTH);
}

/**
 * "1000001" → "100-0001" for display; the UI adds 〒 where it wants one. A value
 * that is not a valid postcode is shown as it is: display must not fail on old
 * or hand-entered data.
 */
export function formatPostcode(s: string): string {
  const result = normalizePostcode(s);
  if (!result.ok) return s;
  return `${result.value.slice(0, 3)}-${result.value.slice(3)}`;
}

import { normalizeDigitsText } from "./normalize";
import { err, ok, type Result } from "./result";

/**
 * The largest quantity (pieces) accepted in any field: 10 million pieces.
 * A large hospital uses in the order of 100,000 gloves a week, so this is far
 * above any facility's weekly use or stock while still catching a
 * mis-keyed extra digit run long before it can overflow anything.
 */
export const MAX_QUANTITY = 10_000_000;

export type QuantityError = "required" | "not_a_number" | "not_integer" | "negative" | "too_large";

/**
 * The unit printed beside every quantity field (在庫量 ___ 枚). Users who type
 * it along with the number ("2000枚") mean exactly the stored unit, so it is
 * dropped. Other units are not: "2箱" or "2セット" would be 200 or 2,000
 * pieces, and reading them as 2 pieces would be silently wrong.
 */
const TRAILING_UNIT = /^(.*\S)\s*枚$/u;

/**
 * Digits, optionally grouped by commas in thousands positions only. A comma
 * elsewhere ("2,00") is refused rather than dropped: it means a typo, and
 * guessing between 200 and 2,000 would change eligibility and the limit.
 */
const WHOLE = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;
/**
 * A decimal point is refused even in "2.0": quantities are whole pieces, and
 * in locales that group digits with "." ("2.000") accepting it would misread
 * two thousand as two.
 */
const DECIMAL = /^(?:\d+|\d{1,3}(?:,\d{3})+)\.\d*$|^\.\d+$/;

/**
 * Reads a quantity of pieces typed by a user or sent by a client. Accepts
 * full-width digits and commas ("２，０００"), surrounding spaces and a
 * trailing 枚. Refuses decimals, signs other than a leading minus (reported
 * as negative), exponents ("1e3"), hex and anything else.
 */
export function parseQuantity(input: string | number): Result<number, QuantityError> {
  if (typeof input === "number") return checkRange(input);

  let s = normalizeDigitsText(input);
  if (s === "") return err("required");
  const withUnit = TRAILING_UNIT.exec(s);
  if (withUnit?.[1] !== undefined) s = withUnit[1];

  const negative = s.startsWith("-");
  const body = negative ? s.slice(1).trimStart() : s;
  if (WHOLE.test(body)) {
    const value = Number(body.replaceAll(",", ""));
    if (negative && value !== 0) return err("negative");
    return checkRange(value);
  }
  if (DECIMAL.test(body)) return negative ? err("negative") : err("not_integer");
  return err("not_a_number");
}

function checkRange(value: number): Result<number, QuantityError> {
  if (Number.isNaN(value)) return err("not_a_number");
  if (value < 0) return err("negative");
  if (value > MAX_QUANTITY) return err("too_large");
  if (!Number.isInteger(value)) return err("not_integer");
  // -0 passes every check above; store it as 0.
  return ok(value === 0 ? 0 : value);
}

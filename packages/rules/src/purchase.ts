import { err, ok, type Result } from "./result";

/**
 * What an institution may put in its one purchase (購入): whole sets per size,
 * at least one set, at most its limit. Sizes are picked per set, so a 3-set
 * limit may be bought as 2 x S + 1 x M; part sets (e.g. 12 boxes) do not exist.
 *
 * Which size codes exist is vendor data and is checked by the caller; this rule
 * only refuses the same code twice, since two lines for one size would make
 * the order ambiguous. Codes are compared exactly ("M" and "m" differ): they
 * come from the vendor's list, not from free text.
 *
 * The "buys once" rule (after one purchase, no more, even below the limit)
 * depends on stored orders and is enforced where orders are stored.
 */
export type PurchaseLine = { size: string; sets: number };

export type PurchaseError =
  | "empty"
  | "over_limit"
  | "not_whole_sets"
  | "negative"
  | "duplicate_size";

export type PurchaseRequest = { limitSets: number; lines: ReadonlyArray<PurchaseLine> };

/**
 * Errors are reported in a fixed order, the most basic first: a negative
 * count, then a non-integer count, then a repeated size, then an empty order,
 * then an order above the limit. A line with 0 sets is allowed (a size the
 * user left at zero) and does not count towards "empty".
 */
export function validatePurchase({
  limitSets,
  lines,
}: PurchaseRequest): Result<{ totalSets: number }, PurchaseError> {
  if (!Number.isSafeInteger(limitSets) || limitSets < 0) {
    throw new RangeError(`limitSets must be a non-negative safe integer, got ${String(limitSets)}`);
  }
  if (lines.some((line) => line.sets < 0)) return err("negative");
  if (lines.some((line) => !Number.isSafeInteger(line.sets))) return err("not_whole_sets");

  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.size)) return err("duplicate_size");
    seen.add(line.size);
  }

  let totalSets = 0;
  for (const line of lines) {
    totalSets += line.sets;
    // Stop as soon as the limit is passed so the sum never leaves the safe range.
    if (totalSets > limitSets) break;
  }
  if (totalSets === 0) return err("empty");
  if (totalSets > limitSets) return err("over_limit");
  return ok({ totalSets });
}

/**
 * Exact integer products for the allocation rule. Products of two safe
 * integers can pass 2^53; when the double product is still safe it is exact
 * (rounding is monotone, so a true product above 2^53 - 1 never rounds back
 * into the safe range), otherwise BigInt takes over. The fast path keeps
 * 180,000 requests well inside the time budget.
 */

/** The sign of a*b - c*d. */
export function compareProducts(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const p = a * b;
  const q = c * d;
  if (p <= Number.MAX_SAFE_INTEGER && q <= Number.MAX_SAFE_INTEGER) {
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const bp = BigInt(a) * BigInt(b);
  const bq = BigInt(c) * BigInt(d);
  return bp < bq ? -1 : bp > bq ? 1 : 0;
}

/** floor(a*b / d) and (a*b) mod d, for non-negative safe a, b and positive d. */
export function divideProduct(a: number, b: number, d: number): { quotient: number; rest: number } {
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) {
    // % is exact on doubles; (p - rest) / d is then an exact integer division.
    const rest = p % d;
    return { quotient: (p - rest) / d, rest };
  }
  const bp = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  return { quotient: Number(bp / bd), rest: Number(bp % bd) };
}

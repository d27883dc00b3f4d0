/**
 * Outcome of an operation that can refuse. Same shape as @sos/rules' Result, but
 * the error may carry data (for example how long a throttled user must wait).
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

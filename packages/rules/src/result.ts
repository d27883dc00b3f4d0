/**
 * Outcome of a rule that can refuse its input. Rules report refusals as short
 * machine codes (`E`) rather than messages: the caller decides the wording
 * (Japanese UI text, API error codes), and tests can assert the exact reason.
 */
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends string>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

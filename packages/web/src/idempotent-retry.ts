import type { AppRouter } from "@sos/api";
import { retryLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { isNetworkError } from "./errors";

/**
 * Retries of a write the server can recognise: a mutation that carries an
 * idempotencyKey is sent again, with the same input and so the same key, when
 * the server was too busy to take it (OVERLOADED, 503) or the answer never
 * arrived (the connection dropped: it may have been saved). The server saves
 * a key once and answers every retry with the first one's receipt, so a
 * retry storm changes nothing twice. Anything else is the user's to decide.
 */
export const MAX_WRITE_ATTEMPTS = 6;
const FALLBACK_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

function hasIdempotencyKey(input: unknown): boolean {
  return (
    typeof input === "object" &&
    input !== null &&
    typeof (input as { idempotencyKey?: unknown }).idempotencyKey === "string"
  );
}

function isOverloaded(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { domainCode?: unknown }).domainCode === "OVERLOADED"
  );
}

/** The server's Retry-After, in ms, when the refused response carried one. */
function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const response: unknown = (error.meta as { response?: unknown } | undefined)?.response;
  if (!(response instanceof Response)) return null;
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

export function shouldRetryWrite(opts: {
  op: { type: string; input: unknown };
  error: unknown;
  attempts: number;
}): boolean {
  return (
    opts.op.type === "mutation" &&
    hasIdempotencyKey(opts.op.input) &&
    opts.attempts < MAX_WRITE_ATTEMPTS &&
    (isOverloaded(opts.error) || isNetworkError(opts.error))
  );
}

/**
 * How long to wait before the next attempt: the server's Retry-After when it
 * gave one, else doubling from a second; spread by up to half again so that
 * browsers refused together do not come back together.
 */
export function retryDelayMs(attempt: number, serverDelayMs: number | null, random = Math.random) {
  const base = serverDelayMs ?? FALLBACK_DELAY_MS * 2 ** (attempt - 1);
  return Math.min(MAX_DELAY_MS, Math.round(base * (1 + random() / 2)));
}

export type RetryDelay = (attempt: number, serverDelayMs: number | null) => number;

export function idempotentRetryLink(delay: RetryDelay = retryDelayMs): TRPCLink<AppRouter> {
  // retryLink asks retry() and then, synchronously, retryDelayMs() for the same failure:
  // the Retry-After read in the first is the one the second uses.
  let serverDelayMs: number | null = null;
  return retryLink<AppRouter>({
    retry: (opts) => {
      serverDelayMs = retryAfterMs(opts.error);
      return shouldRetryWrite(opts);
    },
    retryDelayMs: (attempt) => delay(attempt, serverDelayMs),
  });
}

import pLimit, { type LimitFunction } from "p-limit";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";

/**
 * Admission for the deadline-day write path. At most `concurrency` answers are
 * saved at once by a server process (each holds a pool connection and a row
 * lock while it runs); the next `queueLimit` wait their turn in arrival order,
 * their acceptance time already taken; past that a request is refused at once
 * with OVERLOADED (503, Retry-After), which costs the database nothing and
 * tells the client to try again with the same idempotency key.
 */
export interface AdmissionOptions {
  concurrency: number;
  queueLimit: number;
  retryAfterSeconds: number;
}

/**
 * Eight at once leaves two of the pool's ten connections (createDb's default)
 * to session checks and reads; a queue of 2,000 holds about two seconds of
 * answers at the measured rate, well inside a browser's patience.
 */
export const DEFAULT_ANSWER_ADMISSION: Readonly<AdmissionOptions> = Object.freeze({
  concurrency: 8,
  queueLimit: 2000,
  retryAfterSeconds: 5,
});

export interface AdmissionGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Saving now. */
  readonly active: number;
  /** Waiting for a turn. */
  readonly waiting: number;
}

function checked(options: AdmissionOptions): AdmissionOptions {
  for (const [name, value] of Object.entries(options)) {
    const min = name === "queueLimit" ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`answerAdmission.${name} must be an integer >= ${min}, got ${value}`);
    }
  }
  return options;
}

export function createAdmissionGate(overrides: Partial<AdmissionOptions> = {}): AdmissionGate {
  const options = checked({ ...DEFAULT_ANSWER_ADMISSION, ...overrides });
  const limit: LimitFunction = pLimit(options.concurrency);
  return {
    run(work) {
      if (limit.activeCount >= options.concurrency && limit.pendingCount >= options.queueLimit) {
        return Promise.reject(
          new DomainError("OVERLOADED", { retryAfterSeconds: options.retryAfterSeconds }),
        );
      }
      return limit(work);
    },
    get active() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
  };
}

// One gate per server: the HTTP server hands every request the same ApiConfig.
const gates = new WeakMap<ApiConfig, AdmissionGate>();

export function answerGateOf(ctx: { config: ApiConfig; answerGate?: AdmissionGate | undefined }) {
  if (ctx.answerGate) return ctx.answerGate;
  let gate = gates.get(ctx.config);
  if (gate === undefined) {
    gate = createAdmissionGate(ctx.config.answerAdmission);
    gates.set(ctx.config, gate);
  }
  return gate;
}

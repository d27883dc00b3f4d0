import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode } from "@sos/domain";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

export type { DomainErrorCode };

interface DomainErrorSpec {
  trpc: TRPC_ERROR_CODE_KEY;
  messageJa: string;
}

/**
 * Every failure a handler reports on purpose. The client reads the code from
 * `error.data.domainCode` to choose its wording or its next step; the message is
 * the Japanese wording, one per code, from DOMAIN_ERROR_MESSAGES (@sos/domain); a new
 * code goes there and here.
 */
export const DOMAIN_ERRORS = {
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", messageJa: DOMAIN_ERROR_MESSAGES.UNAUTHENTICATED },
  INVALID_CREDENTIALS: {
    trpc: "UNAUTHORIZED",
    messageJa: DOMAIN_ERROR_MESSAGES.INVALID_CREDENTIALS,
  },
  SIGN_IN_THROTTLED: {
    trpc: "TOO_MANY_REQUESTS",
    messageJa: DOMAIN_ERROR_MESSAGES.SIGN_IN_THROTTLED,
  },
  FORBIDDEN: { trpc: "FORBIDDEN", messageJa: DOMAIN_ERROR_MESSAGES.FORBIDDEN },
  CROSS_ORIGIN: { trpc: "FORBIDDEN", messageJa: DOMAIN_ERROR_MESSAGES.CROSS_ORIGIN },
  NOT_FOUND: { trpc: "NOT_FOUND", messageJa: DOMAIN_ERROR_MESSAGES.NOT_FOUND },
  CONFLICT: { trpc: "CONFLICT", messageJa: DOMAIN_ERROR_MESSAGES.CONFLICT },
  STALE_VERSION: { trpc: "CONFLICT", messageJa: DOMAIN_ERROR_MESSAGES.STALE_VERSION },
  INVALID_INPUT: { trpc: "BAD_REQUEST", messageJa: DOMAIN_ERROR_MESSAGES.INVALID_INPUT },
  BATCH_TOO_LARGE: { trpc: "BAD_REQUEST", messageJa: DOMAIN_ERROR_MESSAGES.BATCH_TOO_LARGE },
  INVALID_STATE: { trpc: "PRECONDITION_FAILED", messageJa: DOMAIN_ERROR_MESSAGES.INVALID_STATE },
  DEADLINE_PASSED: {
    trpc: "PRECONDITION_FAILED",
    messageJa: DOMAIN_ERROR_MESSAGES.DEADLINE_PASSED,
  },
  RESET_TOKEN_INVALID: {
    trpc: "BAD_REQUEST",
    messageJa: DOMAIN_ERROR_MESSAGES.RESET_TOKEN_INVALID,
  },
  PASSWORD_POLICY: { trpc: "BAD_REQUEST", messageJa: DOMAIN_ERROR_MESSAGES.PASSWORD_POLICY },
  SHIFT_JIS_UNREPRESENTABLE: {
    trpc: "PRECONDITION_FAILED",
    messageJa: DOMAIN_ERROR_MESSAGES.SHIFT_JIS_UNREPRESENTABLE,
  },
  NOTHING_TO_ISSUE: {
    trpc: "PRECONDITION_FAILED",
    messageJa: DOMAIN_ERROR_MESSAGES.NOTHING_TO_ISSUE,
  },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", messageJa: DOMAIN_ERROR_MESSAGES.RATE_LIMITED },
  REGISTRATION_DUPLICATE: {
    trpc: "CONFLICT",
    messageJa: DOMAIN_ERROR_MESSAGES.REGISTRATION_DUPLICATE,
  },
  PURCHASE_LINK_INVALID: {
    trpc: "NOT_FOUND",
    messageJa: DOMAIN_ERROR_MESSAGES.PURCHASE_LINK_INVALID,
  },
  PURCHASE_LINK_ADDRESS_CHANGED: {
    trpc: "NOT_FOUND",
    messageJa: DOMAIN_ERROR_MESSAGES.PURCHASE_LINK_ADDRESS_CHANGED,
  },
  ALREADY_PURCHASED: { trpc: "CONFLICT", messageJa: DOMAIN_ERROR_MESSAGES.ALREADY_PURCHASED },
  OUT_OF_STOCK: { trpc: "CONFLICT", messageJa: DOMAIN_ERROR_MESSAGES.OUT_OF_STOCK },
  READ_ONLY_MODE: { trpc: "SERVICE_UNAVAILABLE", messageJa: DOMAIN_ERROR_MESSAGES.READ_ONLY_MODE },
  OVERLOADED: { trpc: "SERVICE_UNAVAILABLE", messageJa: DOMAIN_ERROR_MESSAGES.OVERLOADED },
  IDEMPOTENCY_KEY_REUSED: {
    trpc: "CONFLICT",
    messageJa: DOMAIN_ERROR_MESSAGES.IDEMPOTENCY_KEY_REUSED,
  },
  CSV_UNREADABLE: { trpc: "BAD_REQUEST", messageJa: DOMAIN_ERROR_MESSAGES.CSV_UNREADABLE },
  REGISTRY_CHANGED: { trpc: "CONFLICT", messageJa: DOMAIN_ERROR_MESSAGES.REGISTRY_CHANGED },
  REGISTRY_HAS_ERRORS: {
    trpc: "PRECONDITION_FAILED",
    messageJa: DOMAIN_ERROR_MESSAGES.REGISTRY_HAS_ERRORS,
  },
  INVITATION_INVALID: {
    trpc: "PRECONDITION_FAILED",
    messageJa: DOMAIN_ERROR_MESSAGES.INVITATION_INVALID,
  },
  DELEGATION_NOT_GRANTED: {
    trpc: "FORBIDDEN",
    messageJa: DOMAIN_ERROR_MESSAGES.DELEGATION_NOT_GRANTED,
  },
} as const satisfies Record<DomainErrorCode, DomainErrorSpec>;

export interface DomainErrorOptions {
  /** Replaces the default message; must be Japanese and safe to show to anyone. */
  messageJa?: string;
  /** Per-field messages for forms, keyed like zod paths ("password", "lines.0.sets"). */
  fieldErrors?: Record<string, string[]>;
  /** Sent as the HTTP Retry-After header: when a refused request may be tried again. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** A failure the user can understand and act on; never carries internals to the client. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageJa: string;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    const messageJa = options.messageJa ?? DOMAIN_ERRORS[code].messageJa;
    super(messageJa, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.messageJa = messageJa;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return DOMAIN_ERRORS[this.code].trpc;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

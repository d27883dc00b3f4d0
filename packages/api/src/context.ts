import type { SessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import type { PaymentMethod } from "@sos/domain";
import type { AdmissionGate, AdmissionOptions } from "./services/survey/admission";

export interface ApiConfig {
  /** Origin (and optional path) the apps are served from, e.g. "https://sos.example.jp". */
  publicBaseUrl: string;
  /** Sender of the system's own mail (password reset, notifications). */
  mailFrom: string;
  /** Sender of the vendor's mail (purchase links, shipping notices). */
  vendorMailFrom: string;
  secureCookies: boolean;
  /**
   * Payment methods the storefront offers, in display order (default: all three).
   * Optional so that callers built before the vendor portal keep compiling.
   */
  paymentMethods?: readonly PaymentMethod[];
  /**
   * When purchase links expire: at a fixed instant (the end of the sale), or
   * else at 23:59 Tokyo time `ttlDays` days after the send (default 14).
   */
  purchaseLinks?: { expiresAt?: Date | null; ttlDays?: number };
  /**
   * Invitations: valid `ttlDays` days (default 14); the ministry's bulk run writes
   * `batchSize` invitations (default 500) every `paceSeconds` seconds (default 60).
   */
  invitations?: { ttlDays?: number; batchSize?: number; paceSeconds?: number };
  /** How many answers a server process saves at once, and how many may wait (see admission.ts). */
  answerAdmission?: Partial<AdmissionOptions>;
}

/**
 * Everything a procedure may touch. The HTTP server builds one per request;
 * tests build it directly (see `createTestContext` in @sos/api/testing).
 */
export interface Context {
  db: Db;
  /**
   * Where heavy reads may go (see readConnection): a read replica when the server
   * has one and it has caught up with this browser's own writes. Absent: ctx.db.
   */
  readDb?: (() => Promise<Db>) | undefined;
  /** The clock; every rule about time asks this, never `new Date()`. */
  now(): Date;
  /**
   * When the server took the request in, before any queueing: an answer accepted
   * before a deadline counts even if it is stored after it. Callers without an
   * HTTP request (tests) leave it out; the procedure's start is used then.
   */
  receivedAt?: Date | undefined;
  /**
   * The read-only switch as the session check read it at the request's start;
   * absent (no session, tests): the read-only guard asks the database.
   */
  readOnly?: boolean | undefined;
  /** Admission for survey answers; by default one gate per ApiConfig (per server). */
  answerGate?: AdmissionGate | undefined;
  user: SessionUser | null;
  session: { id: string } | null;
  /**
   * 代理入力: the institution a delegate's user acts for in this request (the
   * `x-sos-acting-for` header, chosen per browser tab); ignored for every other
   * role. Whether the institution has granted it is checked on each call.
   */
  actingForInstitutionId?: string | undefined;
  ip: string;
  userAgent: string;
  config: ApiConfig;
  /** Correlates a generic error shown to a user with the server log line. */
  requestId: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /** Tokens from this browser's device cookie (OWASP device cookies, see @sos/auth device-trust). */
  deviceTokens: readonly string[];
  setDeviceCookie(tokens: readonly string[], expiresAt: Date): void;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A session ends after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * MINUTE_MS;
/** A session ends this long after sign-in, however busy it is. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * HOUR_MS;
/** last_seen_at is written at most this often, so a busy page is not a write per request. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE_MS;
/** The database refuses reset tokens that live longer than one hour. */
export const PASSWORD_RESET_TOKEN_MAX_LIFETIME_MS = HOUR_MS;

export interface AuthConfig {
  sessionIdleTimeoutMs: number;
  sessionAbsoluteLifetimeMs: number;
  sessionTouchIntervalMs: number;
  passwordResetTokenLifetimeMs: number;
  /** Reset mails one user can be sent per hour, so the form cannot flood a mailbox. */
  passwordResetMailsPerHour: number;
  /**
   * Consecutive failures before browsers without the account's device cookie are
   * held back from it (the same count holds back one trusted browser on its own).
   */
  accountFailuresBeforeBlock: number;
  /** First block; each further failure doubles it up to the cap. */
  accountBaseBlockMs: number;
  accountMaxBlockMs: number;
  /** Failure counts of an account are forgotten after this long without a failure. */
  accountQuietResetMs: number;
  /** Failures from one address within the window that block the address. */
  ipFailuresBeforeBlock: number;
  ipWindowMs: number;
  ipBlockMs: number;
  /** How long a browser stays trusted for an account after its last sign-in there. */
  deviceTrustLifetimeMs: number;
  /** Attempts on one key (failed or turned away) that raise an alert to the ministry. */
  guessingAlertAttempts: number;
  /** One key alerts again only after this long. */
  guessingAlertRepeatMs: number;
  /** At most one alert mail to the ministry per interval; every alert is still recorded. */
  guessingAlertMailIntervalMs: number;
}

export const DEFAULT_AUTH_CONFIG: Readonly<AuthConfig> = Object.freeze({
  sessionIdleTimeoutMs: SESSION_IDLE_TIMEOUT_MS,
  sessionAbsoluteLifetimeMs: SESSION_ABSOLUTE_LIFETIME_MS,
  sessionTouchIntervalMs: SESSION_TOUCH_INTERVAL_MS,
  passwordResetTokenLifetimeMs: PASSWORD_RESET_TOKEN_MAX_LIFETIME_MS,
  passwordResetMailsPerHour: 3,
  accountFailuresBeforeBlock: 5,
  accountBaseBlockMs: MINUTE_MS,
  accountMaxBlockMs: 15 * MINUTE_MS,
  accountQuietResetMs: 24 * HOUR_MS,
  ipFailuresBeforeBlock: 50,
  ipWindowMs: 15 * MINUTE_MS,
  ipBlockMs: 15 * MINUTE_MS,
  deviceTrustLifetimeMs: 180 * DAY_MS,
  guessingAlertAttempts: 100,
  guessingAlertRepeatMs: DAY_MS,
  guessingAlertMailIntervalMs: HOUR_MS,
});

/** Fills in the defaults and refuses settings that would break a guarantee. */
export function resolveAuthConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  const config: AuthConfig = { ...DEFAULT_AUTH_CONFIG, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`AuthConfig.${name} must be a positive number, got ${value}`);
    }
  }
  if (config.passwordResetTokenLifetimeMs > PASSWORD_RESET_TOKEN_MAX_LIFETIME_MS) {
    throw new RangeError("AuthConfig.passwordResetTokenLifetimeMs must not exceed one hour");
  }
  if (config.accountMaxBlockMs < config.accountBaseBlockMs) {
    throw new RangeError("AuthConfig.accountMaxBlockMs must be at least accountBaseBlockMs");
  }
  return config;
}

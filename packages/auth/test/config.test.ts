import { describe, expect, it } from "vitest";
import {
  DEFAULT_AUTH_CONFIG,
  resolveAuthConfig,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from "../src/config";

describe("auth config", () => {
  it("defaults to 30 minutes idle, 12 hours absolute and a 1-hour reset link", () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(30 * 60_000);
    expect(SESSION_ABSOLUTE_LIFETIME_MS).toBe(12 * 3_600_000);
    expect(resolveAuthConfig()).toEqual(DEFAULT_AUTH_CONFIG);
    expect(DEFAULT_AUTH_CONFIG.passwordResetTokenLifetimeMs).toBe(3_600_000);
  });

  it("applies overrides", () => {
    expect(resolveAuthConfig({ sessionIdleTimeoutMs: 5_000 }).sessionIdleTimeoutMs).toBe(5_000);
  });

  it("refuses a reset link longer than one hour and non-positive settings", () => {
    expect(() => resolveAuthConfig({ passwordResetTokenLifetimeMs: 3_600_001 })).toThrow(
      RangeError,
    );
    expect(() => resolveAuthConfig({ ipWindowMs: 0 })).toThrow(RangeError);
    expect(() => resolveAuthConfig({ accountMaxBlockMs: 1, accountBaseBlockMs: 2 })).toThrow(
      RangeError,
    );
  });
});

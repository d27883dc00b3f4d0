import { expect } from "vitest";

/** fetch's headers, or Node's parsed ones (raw answers, inject): one by its lower-case name. */
export type AnyHeaders = Headers | Record<string, string | string[] | number | undefined>;

export function headerOf(headers: AnyHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * The headers every answer carries, whoever wrote it (a route, a refusal, a 404,
 * Fastify's own errors or the raw-socket ones). `https` adds HSTS and the upgrade.
 */
export function expectSecurityHeaders(headers: AnyHeaders, options: { https?: boolean } = {}) {
  const get = (name: string) => headerOf(headers, name);
  const csp = get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(get("x-content-type-options")).toBe("nosniff");
  expect(get("referrer-policy")).toBe("no-referrer");
  expect(get("x-frame-options")).toBe("DENY");
  expect(get("permissions-policy")).toContain("camera=()");
  expect(get("cross-origin-opener-policy")).toBe("same-origin");
  expect(get("cross-origin-resource-policy")).toBe("same-origin");
  // No CORS: no other origin may read any answer.
  expect(get("access-control-allow-origin")).toBeNull();
  expect(get("access-control-allow-credentials")).toBeNull();
  if (options.https) {
    expect(get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(csp).toContain("upgrade-insecure-requests");
  } else {
    expect(get("strict-transport-security")).toBeNull();
    expect(csp).not.toContain("upgrade-insecure-requests");
  }
}

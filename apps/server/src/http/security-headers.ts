import type { FastifyInstance } from "fastify";

/**
 * Same-origin everything: the apps are static bundles that talk only to /trpc on
 * this host. No inline script anywhere (Vite emits files, the server's pages have
 * none); styles come from files too, and React's `style` props are set through the
 * DOM, which style-src does not restrict.
 */
function contentSecurityPolicy(https: boolean): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options.https),
    "x-content-type-options": "nosniff",
    // Password-reset and purchase links carry tokens in the URL: never leak them to other sites.
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
  };
  if (options.https) {
    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const headers = securityHeaders(options);
  // onRequest, so 404s, refusals and error pages carry them too.
  app.addHook("onRequest", async (request, reply) => {
    reply.headers(headers);
    // The same id is in the log lines of this request and in generic error answers.
    reply.header("x-request-id", request.id);
    if (request.url.startsWith("/trpc")) reply.header("cache-control", "no-store");
  });
}

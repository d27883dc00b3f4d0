import { DOMAIN_ERRORS } from "@sos/api";
import type { FastifyInstance, FastifyRequest } from "fastify";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_ORIGIN_MESSAGE = DOMAIN_ERRORS.CROSS_ORIGIN.messageJa;

function originOf(value: string | undefined): string | null {
  if (value === undefined || value === "" || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Where the browser says the request came from: Origin, else the Referer's origin. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = request.headers.referer;
  return originOf(Array.isArray(referer) ? referer[0] : referer);
}

/**
 * CSRF defence. The session cookie is SameSite=Lax, but that alone is not enough:
 * tRPC accepts multipart/form-data posts, which a hostile page can submit with a
 * plain <form> (a "simple" request, no CORS preflight), and a sibling subdomain
 * counts as same-site. So every state-changing request — every tRPC mutation is a
 * POST; tRPC refuses mutations over GET — must prove it comes from a page of this
 * site: its Origin (or Referer) must be the configured public origin or the origin
 * the request itself was addressed to. A request that names neither is refused too.
 */
export function registerOriginCheck(app: FastifyInstance, options: { publicOrigin: string }): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = claimedOrigin(request);
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (origin !== null && (origin === options.publicOrigin || origin === ownOrigin)) return;
    request.log.warn({ origin, method: request.method, url: request.url }, "cross-origin refused");
    return reply
      .code(403)
      .header("cache-control", "no-store")
      .send({
        error: {
          message: CROSS_ORIGIN_MESSAGE,
          code: -32003,
          data: { code: "FORBIDDEN", httpStatus: 403, domainCode: "CROSS_ORIGIN" },
        },
      });
  });
}

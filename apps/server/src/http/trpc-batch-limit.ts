import { domainErrorShape } from "@sos/api";
import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import type { FastifyInstance } from "fastify";
import { TRPC_PREFIX } from "./trpc";

const TRPC_ROUTE = `${TRPC_PREFIX}/:path`;

/**
 * How many procedures tRPC will run for this request, counted as tRPC counts
 * them: only with ?batch=1, on the path decoded once more (so "%252C" is a comma
 * too). null when tRPC itself will refuse the path.
 */
function batchSize(url: string, path: string): number | null {
  if (new URL(url, "http://localhost").searchParams.get("batch") !== "1") return 1;
  try {
    return decodeURIComponent(path).split(",").length;
  } catch {
    return null;
  }
}

/**
 * Refuses a batch of more than MAX_CALLS_PER_REQUEST calls before the body is
 * read or a session looked up: one anonymous request of hundreds of sign-ins
 * must not stall everyone else. tRPC's maxBatchSize stays set as well; this
 * answers first, with the product's Japanese message.
 */
export function registerTrpcBatchLimit(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.url !== TRPC_ROUTE) return;
    const { path } = request.params as { path: string };
    const size = batchSize(request.url, path);
    if (size === null || size <= MAX_CALLS_PER_REQUEST) return;
    request.log.warn({ calls: size }, "tRPC batch too large");
    return reply
      .code(400)
      .header("cache-control", "no-store")
      .send({ error: domainErrorShape("BATCH_TOO_LARGE") });
  });
}

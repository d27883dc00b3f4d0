import type { Db } from "@sos/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { z } from "zod";

/**
 * Read-your-writes over a streaming replica (GitLab's pattern): after a browser's
 * own write the primary's WAL position goes into a cookie; a heavy read goes to
 * the replica only once the replica has replayed at least that far, else to the
 * primary. A cookie, not server memory, so any server process can answer the next
 * request (no sticky sessions); it holds nothing secret, and a forged value can
 * only send its own browser's reads to the primary, which is always correct.
 */
export const LSN_COOKIE = "sos_lsn";

/** `__Host-` over https, like the session cookie. */
export function lsnCookieName(secure: boolean): string {
  return secure ? `__Host-${LSN_COOKIE}` : LSN_COOKIE;
}

/** pg_lsn's text form, e.g. "0/16B3748". */
const Lsn = z.string().regex(/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i);

export interface ReadRouting {
  /** The connection for this request's heavy reads: decided once per request. */
  readDb(request: FastifyRequest, reply: FastifyReply): Promise<Db>;
}

export interface ReadRoutingOptions {
  primary: Db;
  /** DATABASE_READ_URL's pool; null: every read goes to the primary. */
  replica: Db | null;
  secure: boolean;
  /** tRPC's prefix: a successful POST under it is a mutation, i.e. a write of the caller's. */
  mutationPrefix: string;
}

/** A write of the caller's that a later read must see: a tRPC mutation that did not fail. */
function isOwnWrite(request: FastifyRequest, reply: FastifyReply, prefix: string): boolean {
  return (
    request.method === "POST" && request.url.startsWith(`${prefix}/`) && reply.statusCode < 400
  );
}

export function registerReadYourWrites(
  app: FastifyInstance,
  options: ReadRoutingOptions,
): ReadRouting {
  const { primary, replica, secure } = options;
  if (replica === null) return { readDb: () => Promise.resolve(primary) };
  const cookie = lsnCookieName(secure);
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "strict", secure } as const;

  // After the write has committed (the handler has returned): any LSN read now is
  // at or past its commit record.
  app.addHook("onSend", async (request, reply, payload) => {
    if (isOwnWrite(request, reply, options.mutationPrefix)) {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(
        primary,
      );
      const lsn = rows[0]?.lsn;
      if (lsn !== undefined) reply.setCookie(cookie, lsn, cookieOptions);
    }
    return payload;
  });

  const decided = new WeakMap<FastifyRequest, Promise<Db>>();

  async function choose(request: FastifyRequest, reply: FastifyReply): Promise<Db> {
    const parsed = Lsn.safeParse(request.cookies[cookie]);
    const ownLsn = parsed.success ? parsed.data : null;
    try {
      // null when the server is not in recovery (promoted, or not a replica at all).
      const { rows } = await sql<{ caughtUp: boolean | null }>`
        select pg_last_wal_replay_lsn() >= ${ownLsn ?? "0/0"}::pg_lsn as caught_up
      `.execute(replica as Db);
      if (rows[0]?.caughtUp !== true) return primary;
    } catch (error) {
      request.log.warn({ err: error }, "read replica unavailable; reading from the primary");
      return primary;
    }
    // The replica has this browser's writes now: it serves its reads from here on.
    if (ownLsn !== null) reply.clearCookie(cookie, cookieOptions);
    return replica as Db;
  }

  return {
    readDb(request, reply) {
      let chosen = decided.get(request);
      if (chosen === undefined) {
        chosen = choose(request, reply);
        decided.set(request, chosen);
      }
      return chosen;
    },
  };
}

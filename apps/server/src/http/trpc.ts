import {
  type ApiConfig,
  appRouter,
  type Context,
  isDomainError,
  isPassiveRequest,
  isUnexpected,
} from "@sos/api";
import {
  deviceCookieName,
  deviceCookieOptions,
  expiredSessionCookieOptions,
  parseDeviceCookie,
  serializeDeviceCookie,
  sessionCookieName,
  sessionCookieOptions,
  validateSessionToken,
} from "@sos/auth";
import type { Db } from "@sos/db";
import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import {
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
  fastifyTRPCPlugin,
} from "@trpc/server/adapters/fastify";
import type { FastifyInstance } from "fastify";
import type { ReadRouting } from "./read-your-writes";

export const TRPC_PREFIX = "/trpc";

/** 代理入力: the institution a delegate's browser tab acts for (checked by institutionProcedure). */
const ACTING_FOR_HEADER = "x-sos-acting-for";

function actingFor(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value.length <= 64 ? value : undefined;
}

/** "auth.session,operations.readOnlyStatus" from "/trpc/auth.session,operations.readOnlyStatus?batch=1". */
function procedurePathOf(url: string): string {
  const path = url.split("?", 1)[0] ?? "";
  return path.startsWith(`${TRPC_PREFIX}/`) ? path.slice(TRPC_PREFIX.length + 1) : "";
}

/** Longest accepted User-Agent; the rest is dropped before it reaches the database. */
const USER_AGENT_MAX = 512;

export interface TrpcMountOptions {
  db: Db;
  now: () => Date;
  apiConfig: ApiConfig;
  /** Where heavy reads go (a read replica that has caught up with the caller); absent: db. */
  reads?: ReadRouting;
}

/** tRPC at /trpc: builds each request's Context from the session and device cookies. */
export async function registerTrpc(app: FastifyInstance, options: TrpcMountOptions): Promise<void> {
  const { db, now, apiConfig, reads } = options;
  const secure = apiConfig.secureCookies;
  // `__Host-` names over https; only the name of this mode is read.
  const sessionCookie = sessionCookieName(secure);
  const deviceCookie = deviceCookieName(secure);

  async function createContext({ req, res }: CreateFastifyContextOptions): Promise<Context> {
    // Before the session check and any queueing: the deadline is judged on arrival.
    const receivedAt = now();
    const setSessionCookie = (token: string, expiresAt: Date) => {
      res.setCookie(sessionCookie, token, sessionCookieOptions({ secure, expiresAt, now: now() }));
    };
    const clearSessionCookie = () => {
      res.setCookie(sessionCookie, "", expiredSessionCookieOptions({ secure }));
    };
    const setDeviceCookie = (tokens: readonly string[], expiresAt: Date) => {
      res.setCookie(
        deviceCookie,
        serializeDeviceCookie(tokens),
        deviceCookieOptions({ secure, expiresAt, now: now() }),
      );
    };
    const token = req.cookies[sessionCookie];
    // A page's own polls (PASSIVE_PROCEDURES) do not keep an unattended session alive.
    const touch = !isPassiveRequest(procedurePathOf(req.url));
    const validated = token
      ? await validateSessionToken(db, token, now(), undefined, { touch })
      : null;
    // A cookie the server no longer honours is removed, so the app shows the sign-in screen.
    if (token && validated === null) clearSessionCookie();
    return {
      db,
      readDb: reads ? () => reads.readDb(req, res) : undefined,
      now,
      receivedAt,
      user: validated?.user ?? null,
      session: validated ? { id: validated.session.id } : null,
      readOnly: validated?.readOnly,
      ip: req.ip,
      userAgent: (req.headers["user-agent"] ?? "").slice(0, USER_AGENT_MAX),
      config: apiConfig,
      requestId: req.id,
      setSessionCookie,
      clearSessionCookie,
      deviceTokens: parseDeviceCookie(req.cookies[deviceCookie]),
      setDeviceCookie,
      actingForInstitutionId: actingFor(req.headers[ACTING_FOR_HEADER]),
    };
  }

  const pluginOptions: FastifyTRPCPluginOptions<typeof appRouter> = {
    prefix: TRPC_PREFIX,
    trpcOptions: {
      router: appRouter,
      // The batch-limit hook answers first; this is tRPC's own check behind it.
      maxBatchSize: MAX_CALLS_PER_REQUEST,
      createContext,
      // A refusal that says when to come back (混雑, 503) sends it as Retry-After.
      responseMeta: ({ errors }) => {
        const timed = errors
          .map((error) => error.cause)
          .find((cause) => isDomainError(cause) && cause.retryAfterSeconds !== undefined);
        return isDomainError(timed)
          ? { headers: { "retry-after": String(timed.retryAfterSeconds) } }
          : {};
      },
      // The client sees a generic message with this request's id; the details go to the log.
      onError: ({ error, path, req }) => {
        if (isUnexpected(error)) {
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
        }
      },
    },
  };
  await app.register(fastifyTRPCPlugin, pluginOptions);
}

import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import { APP_NAMES, type ApiConfig, type AppName } from "@sos/api";
import type { Db } from "@sos/db";
import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { BannerAccount } from "./cli/banner";
import type { ServerConfig } from "./config";
import { clientErrorHandler, frameworkErrorHandler, registerFallbacks } from "./http/fallbacks";
import { registerHealth } from "./http/health";
import { SITE_CSS, STYLESHEET_PATH } from "./http/html";
import { landingPage } from "./http/landing";
import { registerOpenData } from "./http/open-data";
import { registerOriginCheck } from "./http/origin-check";
import { registerReadYourWrites } from "./http/read-your-writes";
import { registerRegistryUpload } from "./http/registry-upload";
import { registerSecurityHeaders } from "./http/security-headers";
import { isBuilt, registerStaticApps } from "./http/static-apps";
import { registerTargetListCsv } from "./http/target-list-csv";
import { registerTrpc, TRPC_PREFIX } from "./http/trpc";
import { registerTrpcBatchLimit } from "./http/trpc-batch-limit";
import type { DevInbox } from "./mail/dev-inbox";
import { INBOX_PATH, registerInboxPages } from "./mail/inbox-pages";

export type ServerSettings = Pick<
  ServerConfig,
  | "publicBaseUrl"
  | "publicOrigin"
  | "mailFrom"
  | "vendorMailFrom"
  | "sessionSecure"
  | "trustProxy"
  | "appsDir"
  | "logLevel"
  | "paymentMethods"
  | "purchaseLinks"
  | "invitations"
> & {
  /** How many survey answers this process saves at once and lets wait (default in @sos/api). */
  answerAdmission?: ApiConfig["answerAdmission"] | undefined;
};

export interface BuildServerOptions {
  db: Db;
  /** A streaming replica (DATABASE_READ_URL) for heavy reads; see read-your-writes.ts. */
  readDb?: Db | null;
  config: ServerSettings;
  /** The clock for sessions and every time rule; tests move it. */
  now?: () => Date;
  /** The dev inbox to show at /inbox (only when mail is not going to a real SMTP server). */
  inbox?: DevInbox | null;
  /** Demo sign-ins for the landing page: only a start that seeded the demo passes them (see startMode). */
  demoAccounts?: readonly BannerAccount[] | null;
  /** false silences logging (tests). */
  logger?: boolean;
}

export function apiConfigOf(config: ServerSettings): ApiConfig {
  return {
    publicBaseUrl: config.publicBaseUrl,
    mailFrom: config.mailFrom,
    vendorMailFrom: config.vendorMailFrom,
    secureCookies: config.sessionSecure,
    paymentMethods: config.paymentMethods,
    purchaseLinks: config.purchaseLinks,
    ...(config.answerAdmission ? { answerAdmission: config.answerAdmission } : {}),
    ...(config.invitations ? { invitations: config.invitations } : {}),
  };
}

/** TRUST_PROXY=2: believe X-Forwarded-For for that many proxy hops in front of us. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** The HTTP server, ready to `listen` (or `inject` in tests). */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const verbose = config.logLevel === "debug" || config.logLevel === "trace";
  const https = config.publicOrigin.startsWith("https://");
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: !verbose }),
    trustProxy:
      typeof config.trustProxy === "number" ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => randomUUID(),
    // A batched tRPC call names every procedure in one path segment: room for the
    // largest batch allowed at 100 characters a name. Longer is answered 414.
    routerOptions: { maxParamLength: MAX_CALLS_PER_REQUEST * 100 },
    // Node's default, stated so the 431 limit does not move with a --max-http-header-size flag.
    http: { maxHeaderSize: 16 * 1024 },
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler({ https }),
    clientErrorHandler: clientErrorHandler({ https }),
  });

  // Before any route or child plugin, so every one of them inherits these handlers.
  registerFallbacks(app);
  registerSecurityHeaders(app, { https });
  registerOriginCheck(app, { publicOrigin: config.publicOrigin });
  await app.register(fastifyCookie);

  registerHealth(app, db);
  const reads = registerReadYourWrites(app, {
    primary: db,
    replica: options.readDb ?? null,
    secure: config.sessionSecure,
    mutationPrefix: TRPC_PREFIX,
  });
  registerTrpcBatchLimit(app);
  await registerTrpc(app, { db, now, apiConfig: apiConfigOf(config), reads });
  registerTargetListCsv(app, { db, now, secureCookies: config.sessionSecure, reads });
  await registerRegistryUpload(app, { db, now, secureCookies: config.sessionSecure });
  registerOpenData(app, { db });

  const built = Object.fromEntries(
    APP_NAMES.map((name) => [name, isBuilt(config.appsDir, name)]),
  ) as Record<AppName, boolean>;
  await registerStaticApps(app, config.appsDir);

  const inbox = options.inbox ?? null;
  if (inbox) registerInboxPages(app, inbox);

  app.get(STYLESHEET_PATH, async (_request, reply) =>
    reply
      .type("text/css; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(SITE_CSS),
  );
  app.get("/", async (_request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(
        landingPage({
          built,
          inboxPath: inbox ? INBOX_PATH : null,
          demoAccounts: options.demoAccounts ?? null,
        }),
      ),
  );

  return app;
}

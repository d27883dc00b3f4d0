import { createServer } from "node:net";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import type { FastifyInstance } from "fastify";
import { buildServer, type ServerSettings } from "../../src/app";
import type { DevInbox } from "../../src/mail/dev-inbox";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  /** e.g. "http://127.0.0.1:43121" — also the configured public origin. */
  url: string;
  app: FastifyInstance;
  tdb: TestDatabase;
  close(): Promise<void>;
}

export interface TestServerOptions {
  now?: () => Date;
  appsDir?: string;
  inbox?: DevInbox;
  settings?: Partial<ServerSettings>;
  /** Reuse a database (the caller destroys it). */
  tdb?: TestDatabase;
}

export function testSettings(url: string, overrides: Partial<ServerSettings> = {}): ServerSettings {
  return {
    publicBaseUrl: url,
    publicOrigin: new URL(url).origin,
    mailFrom: "noreply@sos-supply.example",
    vendorMailFrom: "shop@vendor.sos-supply.example",
    sessionSecure: false,
    trustProxy: false,
    // No app is built in a test run unless the test builds a fake one.
    appsDir: join(import.meta.dirname, "no-apps-here"),
    logLevel: "silent",
    paymentMethods: ["invoice", "bank_transfer", "cash_on_delivery"],
    purchaseLinks: { expiresAt: null, ttlDays: 14 },
    ...overrides,
  };
}

/** A real server on a real port over a fresh database: tests talk to it with fetch. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const tdb = options.tdb ?? (await createTestDatabase());
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildServer({
    db: tdb.db,
    config: testSettings(url, {
      ...(options.appsDir ? { appsDir: options.appsDir } : {}),
      ...options.settings,
    }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.inbox ? { inbox: options.inbox } : {}),
    logger: false,
  });
  await app.listen({ port, host: "127.0.0.1" });
  return {
    url,
    app,
    tdb,
    async close() {
      await app.close();
      if (!options.tdb) await tdb.destroy();
    },
  };
}

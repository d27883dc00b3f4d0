import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "../embedded";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Vitest global setup: tests use DATABASE_URL when it is set (CI points it at the
 * machine's PostgreSQL); otherwise one embedded PostgreSQL serves the whole run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => {};
  const parent = await mkdtemp(join(tmpdir(), "sos-test-pg-"));
  const server = await startEmbeddedPostgres({
    dataDir: join(parent, "data"),
    port: await freePort(),
    database: "postgres",
  });
  process.env.DATABASE_URL = server.url;
  return async () => {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  };
}

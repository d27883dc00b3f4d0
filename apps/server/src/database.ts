import { join } from "node:path";
import { createDb, type Db, startEmbeddedPostgres } from "@sos/db";
import type { ServerConfig } from "./config";

export interface OpenDatabase {
  db: Db;
  url: string;
  /** True when this process started (and must stop) the embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

export function embeddedDataDir(config: Pick<ServerConfig, "dataDir">): string {
  return join(config.dataDir, "postgres");
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL kept under DATA_DIR. */
export async function openDatabase(
  config: Pick<ServerConfig, "databaseUrl" | "dataDir" | "embeddedPgPort">,
  log: (line: string) => void,
  options: { poolSize?: number; applicationName?: string } = {},
): Promise<OpenDatabase> {
  const poolOptions = {
    max: options.poolSize ?? 10,
    applicationName: options.applicationName ?? "sos-supply",
    onIdleError: (error: Error) =>
      log(`PostgreSQL の接続が切断されました / idle connection lost: ${error.message}`),
  };
  if (config.databaseUrl !== null) {
    const db = createDb(config.databaseUrl, poolOptions);
    return { db, url: config.databaseUrl, embedded: false, close: () => db.destroy() };
  }
  const dataDir = embeddedDataDir(config);
  log(
    `組み込み PostgreSQL を起動しています / starting embedded PostgreSQL (${dataDir}, port ${config.embeddedPgPort})…`,
  );
  const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, notice: log });
  const db = createDb(server.url, poolOptions);
  return {
    db,
    url: server.url,
    embedded: true,
    async close() {
      await db.destroy();
      await server.stop();
    },
  };
}

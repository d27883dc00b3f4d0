import { join } from "node:path";
import {
  createDb,
  DataDirInUseError,
  type Db,
  embeddedDatabaseUrl,
  startEmbeddedPostgres,
} from "@sos/db";
import type { ServerConfig } from "./config";

export interface OpenDatabase {
  db: Db;
  url: string;
  /**
   * A direct connection for the job worker (LISTEN/NOTIFY, its liveness session)
   * and migrations: DATABASE_WORKER_URL when DATABASE_URL goes through PgBouncer
   * in transaction mode, else the same as url.
   */
  workerUrl: string;
  /** True when this process started (and must stop) the embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

export function embeddedDataDir(config: Pick<ServerConfig, "dataDir">): string {
  return join(config.dataDir, "postgres");
}

/** The embedded database is always direct; DATABASE_URL may go through a pooler (see config). */
export function usePreparedStatements(config: {
  databaseUrl: string | null;
  databasePreparedStatements?: boolean;
}): boolean {
  return config.databaseUrl === null || config.databasePreparedStatements === true;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL kept under DATA_DIR. */
export async function openDatabase(
  config: Pick<ServerConfig, "databaseUrl" | "databaseWorkerUrl" | "dataDir" | "embeddedPgPort"> & {
    databasePreparedStatements?: boolean;
  },
  log: (line: string) => void,
  options: {
    poolSize?: number;
    applicationName?: string;
    /** An operator's command (backup, read-only switch) may use the cluster a running server started. */
    joinRunningServer?: boolean;
  } = {},
): Promise<OpenDatabase> {
  const poolOptions = {
    max: options.poolSize ?? 10,
    applicationName: options.applicationName ?? "sos-supply",
    preparedStatements: usePreparedStatements(config),
    onIdleError: (error: Error) =>
      log(`PostgreSQL の接続が切断されました / idle connection lost: ${error.message}`),
  };
  if (config.databaseUrl !== null) {
    const db = createDb(config.databaseUrl, poolOptions);
    return {
      db,
      url: config.databaseUrl,
      workerUrl: config.databaseWorkerUrl ?? config.databaseUrl,
      embedded: false,
      close: () => db.destroy(),
    };
  }
  const dataDir = embeddedDataDir(config);
  log(
    `組み込み PostgreSQL を起動しています / starting embedded PostgreSQL (${dataDir}, port ${config.embeddedPgPort})…`,
  );
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, notice: log });
  } catch (error) {
    if (!(options.joinRunningServer && error instanceof DataDirInUseError)) throw error;
    log(
      "動作中のサーバーの組み込み PostgreSQL に接続します / joining the running server's PostgreSQL",
    );
    const url = embeddedDatabaseUrl(config.embeddedPgPort);
    const db = createDb(url, poolOptions);
    return { db, url, workerUrl: url, embedded: false, close: () => db.destroy() };
  }
  const db = createDb(server.url, poolOptions);
  return {
    db,
    url: server.url,
    workerUrl: server.url,
    embedded: true,
    async close() {
      await db.destroy();
      await server.stop();
    },
  };
}

/** DATABASE_READ_URL's pool: heavy console reads and CSV downloads (see http/read-your-writes.ts). */
export function openReadReplica(
  config: Pick<ServerConfig, "databaseReadUrl">,
  log: (line: string) => void,
  options: { poolSize?: number } = {},
): Db | null {
  if (config.databaseReadUrl === null) return null;
  return createDb(config.databaseReadUrl, {
    max: options.poolSize ?? 10,
    applicationName: "sos-server-reads",
    onIdleError: (error) =>
      log(`読み取りレプリカの接続が切断されました / replica connection lost: ${error.message}`),
  });
}

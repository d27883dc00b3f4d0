import { CamelCasePlugin, Kysely, type LogConfig, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

// `date` columns stay "YYYY-MM-DD" strings: a JS Date would shift them by the process TZ.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export interface CreateDbOptions {
  /** Pool size; a server process and its worker share one pool. */
  max?: number;
  applicationName?: string;
  onIdleError?: (error: Error) => void;
  /** Kysely's query log: tests count the statements a procedure runs with it. */
  log?: LogConfig;
}

export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "sos-supply",
  });
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", (error) => {
    options.onIdleError?.(error);
  });
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    // jsonb payloads (audit details, history changes) keep the keys they were written with
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
    ...(options.log ? { log: options.log } : {}),
  });
}

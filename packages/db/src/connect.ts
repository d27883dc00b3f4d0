import { CamelCasePlugin, Kysely, type LogConfig, PostgresDialect } from "kysely";
import pg from "pg";
import { preparedStatementName } from "./compiled";
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
  /**
   * Run compiledStatement's hot statements as named prepared statements. Off
   * behind PgBouncer in transaction mode before 1.21, which cannot keep them.
   */
  preparedStatements?: boolean;
}

/**
 * Sends the text of a compiled statement under its prepared name: pg then
 * parses it once per connection and PostgreSQL plans it from its cache, which
 * is most of the database's work for a one-row statement of several CTEs.
 * Every other call passes through untouched.
 */
function prepareCompiledStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === "string" ? preparedStatementName(text) : undefined;
    return name === undefined ? query(...args) : query({ name, text, values });
  };
  client.query = prepared as typeof client.query;
}

// Each Db's own pool, for the few reads Kysely cannot do (a cursor, see cursor.ts).
const pools = new WeakMap<Db, pg.Pool>();

/** The pool behind a Db made by createDb; undefined for a transaction or another Kysely. */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
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
  if (options.preparedStatements === true) pool.on("connect", prepareCompiledStatements);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    // jsonb payloads (audit details, history changes) keep the keys they were written with
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
    ...(options.log ? { log: options.log } : {}),
  });
  pools.set(db, pool);
  return db;
}

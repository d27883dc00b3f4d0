import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedDatabaseUrl, ensureDatabase, startEmbeddedPostgres } from "@sos/db";
import pg from "pg";

/** A PostgreSQL server where the drill may create and drop databases of its own. */
export interface ScratchServer {
  /** "DATABASE_URL's server" or "embedded PostgreSQL 18 (scratch cluster)". */
  label: string;
  /** A new, empty database; its URL. */
  createDatabase(prefix: string): Promise<string>;
  close(): Promise<void>;
}

const EMBEDDED_DRILL_PORT = 54393;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Databases on adminUrl's server, or (without one) in a scratch embedded cluster:
 * the drill then runs on the same PostgreSQL build the product's default uses.
 */
export async function scratchServer(adminUrl: string | null): Promise<ScratchServer> {
  const created: string[] = [];
  let admin = adminUrl;
  let stop = async () => {};
  if (admin === null) {
    const parent = await mkdtemp(join(tmpdir(), "sos-drill-"));
    const server = await startEmbeddedPostgres({
      dataDir: join(parent, "data"),
      port: EMBEDDED_DRILL_PORT,
      database: "postgres",
    });
    admin = embeddedDatabaseUrl(EMBEDDED_DRILL_PORT, "postgres");
    stop = async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    };
  }
  const serverUrl = admin;
  const version = await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ v: string }>(
      "select current_setting('server_version') as v",
    );
    return rows[0]?.v ?? "";
  });
  return {
    label: `${adminUrl === null ? "組み込み PostgreSQL（使い捨てクラスタ）" : "DATABASE_URL のサーバー"} PostgreSQL ${version}`,
    async createDatabase(prefix) {
      const name = `${prefix}_${randomBytes(4).toString("hex")}`;
      await ensureDatabase(serverUrl, name);
      created.push(name);
      return withDatabase(serverUrl, name);
    },
    async close() {
      try {
        await withAdmin(serverUrl, async (client) => {
          for (const name of created) {
            await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
          }
        });
      } finally {
        await stop();
      }
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

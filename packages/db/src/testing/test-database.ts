import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb, type Db } from "../connect";
import { migrateToLatest } from "../migrate";

export interface TestDatabase {
  db: Db;
  url: string;
  destroy(): Promise<void>;
}

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations");

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: add @sos/db/testing/global-setup to the vitest config's globalSetup",
    );
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template's name changes whenever a migration's text does, so a stale schema is never reused. */
function templateName(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsDir).sort()) {
    hash.update(file).update(readFileSync(join(migrationsDir, file)));
  }
  return `sos_tpl_${hash.digest("hex").slice(0, 16)}`;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let templateReady: Promise<string> | undefined;

/** Migrates a template database once (across parallel workers, under an advisory lock). */
function ensureTemplate(): Promise<string> {
  templateReady ??= withAdmin(async (client) => {
    const name = templateName();
    await client.query("select pg_advisory_lock(742001)");
    try {
      const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_building`;
        await client.query(`drop database if exists ${building}`);
        await client.query(`create database ${building}`);
        const url = withDatabase(adminUrl(), building);
        const db = createDb(url, { max: 2 });
        try {
          await migrateToLatest(db, url);
        } finally {
          await db.destroy();
        }
        await client.query(`alter database ${building} rename to ${name}`);
        const stale = await client.query<{ datname: string }>(
          "select datname from pg_database where datname like 'sos\\_tpl\\_%' and datname <> $1",
          [name],
        );
        // Never while a copy is being made; one still in use (another checkout's run on the
        // same server) stays, and that run makes it again should it be gone.
        await client.query("select pg_advisory_lock(742002)");
        try {
          for (const row of stale.rows) {
            await client
              .query(`drop database if exists ${pg.escapeIdentifier(row.datname)}`)
              .catch(() => undefined);
          }
        } finally {
          await client.query("select pg_advisory_unlock(742002)");
        }
      }
      return name;
    } finally {
      await client.query("select pg_advisory_unlock(742001)");
    }
  });
  return templateReady;
}

/**
 * A fresh, fully migrated database of its own for one test file: tests can
 * commit, race and hold locks without seeing each other's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sos_t_${randomBytes(6).toString("hex")}`;
  const copy = (template: string) =>
    withAdmin(async (client) => {
      await client.query("select pg_advisory_lock(742002)");
      try {
        await client.query(`create database ${name} template ${template}`);
      } finally {
        await client.query("select pg_advisory_unlock(742002)");
      }
    });
  try {
    await copy(await ensureTemplate());
  } catch (error) {
    // 3D000: the template was dropped as stale by a run with other migrations; make it again.
    if ((error as { code?: string }).code !== "3D000") throw error;
    templateReady = undefined;
    await copy(await ensureTemplate());
  }
  const url = withDatabase(adminUrl(), name);
  const db = createDb(url, { max: 8 });
  return {
    db,
    url,
    async destroy() {
      await db.destroy();
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export { emptyTables } from "./empty-tables";

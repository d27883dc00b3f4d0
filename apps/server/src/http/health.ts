import { type Db, migrations } from "@sos/db";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";

type Check = { ok: true } | { ok: false; reason: string };

async function databaseCheck(db: Db): Promise<Check> {
  try {
    await sql`select 1`.execute(db);
    return { ok: true };
  } catch {
    return { ok: false, reason: "データベースに接続できません" };
  }
}

async function migrationsCheck(db: Db): Promise<Check> {
  try {
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const names = new Set(applied.rows.map((row) => row.name));
    const missing = Object.keys(migrations).filter((name) => !names.has(name));
    return missing.length === 0
      ? { ok: true }
      : { ok: false, reason: `未適用のマイグレーションがあります: ${missing.join(", ")}` };
  } catch {
    return { ok: false, reason: "マイグレーションが実行されていません（pnpm db:migrate）" };
  }
}

/**
 * /healthz: the process answers (liveness; a restart is the cure otherwise).
 * /readyz: it can serve traffic — the database answers and has the schema this
 * code expects (a load balancer keeps it out of rotation otherwise).
 */
export function registerHealth(app: FastifyInstance, db: Db): void {
  app.get("/healthz", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok" }),
  );

  app.get("/readyz", async (_request, reply) => {
    const database = await databaseCheck(db);
    const schema = database.ok ? await migrationsCheck(db) : database;
    const ready = database.ok && schema.ok;
    return reply
      .code(ready ? 200 : 503)
      .header("cache-control", "no-store")
      .send({
        status: ready ? "ok" : "unavailable",
        checks: { database, migrations: schema },
      });
  });
}

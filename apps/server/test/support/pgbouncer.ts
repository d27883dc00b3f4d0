import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chown, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { firstExisting, postgresOsUser, scratchDirFor } from "./os-postgres-user";
import { freePort } from "./test-server";

/** Debian's pgbouncer (apt-get install pgbouncer; .ci/run installs it). */
export const PGBOUNCER_BINARY = firstExisting(["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"]);

export interface PgBouncer {
  /** The application's DATABASE_URL through the pooler. */
  url: string;
  /** The admin console (SHOW SERVERS, SHOW STATS). */
  adminUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of `directUrl`'s database, on a free
 * port: each client has a server connection only for the length of a
 * transaction, and a handful of them are shared by every client.
 */
export async function startPgBouncer(
  directUrl: string,
  options: { poolSize?: number } = {},
): Promise<PgBouncer> {
  if (PGBOUNCER_BINARY === null) throw new Error("pgbouncer is not installed");
  const direct = new URL(directUrl);
  const dir = await scratchDirFor("sos-pgbouncer-");
  const port = await freePort();
  const user = decodeURIComponent(direct.username) || "postgres";
  const server = [
    `host=${direct.hostname}`,
    `port=${direct.port || "5432"}`,
    `dbname=${direct.pathname.slice(1)}`,
    `user=${user}`,
    ...(direct.password ? [`password=${decodeURIComponent(direct.password)}`] : []),
  ].join(" ");
  const ini = join(dir, "pgbouncer.ini");
  const users = join(dir, "users.txt");
  await writeFile(users, `"${user}" ""\n`);
  await writeFile(
    ini,
    [
      "[databases]",
      `sos = ${server}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${users}`,
      `admin_users = ${user}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize ?? 3}`,
      "max_client_conn = 500",
      // node-postgres sends none of these, other clients do; 1.18 refuses unknown ones.
      "ignore_startup_parameters = extra_float_digits,options",
      `pidfile = ${join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const { uid, gid } = postgresOsUser();
  if (uid !== undefined && gid !== undefined) {
    for (const file of [ini, users]) await chown(file, uid, gid);
  }
  const child: ChildProcess = spawn(PGBOUNCER_BINARY, [ini], {
    stdio: ["ignore", "pipe", "pipe"],
    ...postgresOsUser(),
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = once(child, "exit");

  const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/sos`;
  const adminUrl = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/pgbouncer`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt > 100 || child.exitCode !== null) {
        child.kill("SIGKILL");
        throw new Error(`pgbouncer did not start: ${String(error)}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    adminUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGINT");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** PgBouncer's server connections: the backend pid of each. */
export async function pooledBackendPids(adminUrl: string): Promise<number[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Without parameters node-postgres uses the simple protocol, the only one the console speaks.
    const { rows } = await admin.query<{ remote_pid: string }>("SHOW SERVERS");
    return rows.map((row) => Number(row.remote_pid));
  } finally {
    await admin.end();
  }
}

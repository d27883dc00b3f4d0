import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { firstExisting, postgresOsUser, scratchDirFor } from "./os-postgres-user";
import { freePort } from "./test-server";

const run = promisify(execFile);

/** The machine's PostgreSQL 15 tools (Debian's postgresql-15; the embedded package has no pg_basebackup). */
export const PG_BIN = firstExisting(["/usr/lib/postgresql/15/bin"]);

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** The primary's WAL position now. */
  primaryLsn(): Promise<string>;
  /** Resolves once the replica has replayed up to `lsn`. */
  replayedUpTo(lsn: string): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

async function one<T>(url: string, text: string, values: unknown[] = []): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows[0] as T | undefined;
  } finally {
    await client.end();
  }
}

/**
 * A primary made with initdb and a streaming replica of it (pg_basebackup -R), in
 * a scratch folder, on free ports: the machine's own PostgreSQL does not accept
 * replication connections, and this way the test owns every setting it needs.
 * A few seconds, with fsync off (nothing here must survive a crash).
 */
export async function startReplicaCluster(database: string): Promise<ReplicaCluster> {
  if (PG_BIN === null) throw new Error("PostgreSQL 15's tools are not installed");
  const bin = (name: string) => join(PG_BIN, name);
  const dir = await scratchDirFor("sos-replica-");
  // Run as that user from a folder it may enter.
  const as = { ...postgresOsUser(), cwd: dir };
  const primaryDir = join(dir, "primary");
  const replicaDir = join(dir, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const serverOptions = (port: number) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const started: string[] = [];

  async function stopServer(dataDir: string): Promise<void> {
    if (!started.includes(dataDir)) return;
    started.splice(started.indexOf(dataDir), 1);
    await run(bin("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], as).catch(() => {});
  }

  try {
    // initdb's pg_hba.conf lets 127.0.0.1 in, replication included, with --auth=trust.
    await run(
      bin("initdb"),
      ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
      as,
    );
    await run(
      bin("pg_ctl"),
      [
        "-D",
        primaryDir,
        "-l",
        join(dir, "primary.log"),
        "-o",
        serverOptions(primaryPort),
        "-w",
        "start",
      ],
      as,
    );
    started.push(primaryDir);
    const primaryAdmin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await one(primaryAdmin, `create database ${database}`);
    await run(
      bin("pg_basebackup"),
      [
        "-D",
        replicaDir,
        "-R",
        "--checkpoint=fast",
        "-h",
        "127.0.0.1",
        "-p",
        String(primaryPort),
        "-U",
        "postgres",
      ],
      as,
    );
    await run(
      bin("pg_ctl"),
      [
        "-D",
        replicaDir,
        "-l",
        join(dir, "replica.log"),
        "-o",
        serverOptions(replicaPort),
        "-w",
        "start",
      ],
      as,
    );
    started.push(replicaDir);
  } catch (error) {
    for (const dataDir of [...started]) await stopServer(dataDir);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${database}`;
  return {
    primaryUrl,
    replicaUrl,
    async primaryLsn() {
      const row = await one<{ lsn: string }>(
        primaryUrl,
        "select pg_current_wal_lsn()::text as lsn",
      );
      return row?.lsn ?? "0/0";
    },
    async replayedUpTo(lsn) {
      for (let attempt = 0; attempt < 300; attempt++) {
        const row = await one<{ done: boolean }>(
          replicaUrl,
          "select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done",
          [lsn],
        );
        if (row?.done) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the replica did not replay up to ${lsn}`);
    },
    async pauseReplay() {
      await one(replicaUrl, "select pg_wal_replay_pause()");
    },
    async resumeReplay() {
      await one(replicaUrl, "select pg_wal_replay_resume()");
    },
    stopReplica: () => stopServer(replicaDir),
    async stop() {
      await stopServer(replicaDir);
      await stopServer(primaryDir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

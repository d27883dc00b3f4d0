import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@sos/db";
import { sql } from "kysely";
import pg from "pg";

/**
 * graphile-worker releases the job locks of a worker that vanished only after
 * four hours; releasing them sooner is safe only for workers known to be gone
 * (its forceUnlockWorkers / force_unlock_workers()). Several servers share one
 * database, so "gone" is decided per process, never per worker id:
 *
 * - each process registers itself, with the backend pid and start time of a
 *   session it holds open for its whole life, and registers every worker id
 *   before that worker asks for its first job (the startWorker hook);
 * - a process is dead when that session has left pg_stat_activity (a killed
 *   process's sockets close at once, and PostgreSQL ends its backends) and it has
 *   not registered a new one within a grace period (a live process whose
 *   connection was cut reconnects at its next heartbeat; after a database
 *   restart the grace counts from the restart), or when its heartbeat is old
 *   anyway (the host vanished without closing its sockets, or a pooler hides
 *   backends);
 * - at start and on every heartbeat, a process releases the locks of exactly the
 *   registered workers of dead processes and forgets those processes.
 *
 * A live server's session and heartbeat are both current, so no other server
 * ever releases its locks.
 */
export interface RegistryTiming {
  /** How often the heartbeat runs (and dead processes are looked for). */
  heartbeatMs: number;
  /**
   * A process whose session is gone is dead once its heartbeat is this old (and
   * the database has been up this long): a live one whose connection dropped
   * gets this long to reconnect and register its new session. More than one
   * heartbeat interval.
   */
  sessionGraceMs: number;
  /** A process whose heartbeat is this old is dead whatever pg_stat_activity shows. */
  staleAfterMs: number;
}

/** A killed server's jobs run again within seconds of the next start (one UPDATE and one query per beat). */
export const DEFAULT_REGISTRY_TIMING: RegistryTiming = {
  heartbeatMs: 2_000,
  sessionGraceMs: 6_000,
  staleAfterMs: 60_000,
};

export interface ReleasedLocks {
  processes: number;
  workerIds: string[];
}

export interface ProcessRegistry {
  readonly processId: string;
  /** Records a worker id of this process; resolves once it is committed. */
  registerWorker(workerId: string): Promise<void>;
  /** Releases the job locks of dead processes' workers and forgets those processes. */
  releaseDeadWorkers(): Promise<ReleasedLocks>;
  /** Forgets this process; call after its workers have stopped. */
  stop(): Promise<void>;
}

export interface ProcessRegistryOptions {
  db: Db;
  connectionString: string;
  timing?: Partial<RegistryTiming>;
  log?: (level: "info" | "warning" | "error", message: string) => void;
}

interface Session {
  client: pg.Client;
  backendPid: number;
  backendStart: Date;
}

async function openSession(connectionString: string): Promise<Session> {
  const client = new pg.Client({ connectionString, application_name: "sos-worker-liveness" });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; backend_start: Date }>(
      "select pid, backend_start from pg_stat_activity where pid = pg_backend_pid()",
    );
    const row = rows[0];
    if (!row) throw new Error("own session is missing from pg_stat_activity");
    return { client, backendPid: row.pid, backendStart: row.backend_start };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

export async function startProcessRegistry(
  options: ProcessRegistryOptions,
): Promise<ProcessRegistry> {
  const { db, connectionString } = options;
  const timing = { ...DEFAULT_REGISTRY_TIMING, ...options.timing };
  const log = options.log ?? (() => {});
  const processId = randomUUID();
  const workerIds = new Set<string>();
  let session: Session | null = null;
  let stopped = false;

  async function connect(): Promise<Session> {
    const opened = await openSession(connectionString);
    // An idle session cut by the server (restart, failover) is replaced at the next beat.
    opened.client.on("error", (error) => {
      log("warning", `liveness session lost: ${error.message}`);
      if (session === opened) session = null;
      void opened.client.end().catch(() => {});
    });
    return opened;
  }

  /** Inserts or refreshes this process's row, and re-adds its workers if it had been forgotten. */
  async function upsertSelf(current: Session): Promise<void> {
    const refreshed = await db
      .updateTable("workerProcesses")
      .set({
        heartbeatAt: sql<Date>`now()`,
        backendPid: current.backendPid,
        backendStart: current.backendStart,
      })
      .where("id", "=", processId)
      .executeTakeFirst();
    if (refreshed.numUpdatedRows > 0n) return;
    // First start, or another process judged this one dead (a heartbeat that stalled
    // for longer than staleAfterMs) and forgot it: register again, workers included.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("workerProcesses")
        .values({
          id: processId,
          hostname: hostname(),
          pid: process.pid,
          backendPid: current.backendPid,
          backendStart: current.backendStart,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      if (workerIds.size > 0) {
        await trx
          .insertInto("workerProcessWorkers")
          .values([...workerIds].map((workerId) => ({ workerId, processId })))
          .onConflict((oc) => oc.column("workerId").doNothing())
          .execute();
      }
    });
  }

  async function beat(): Promise<void> {
    if (session === null) session = await connect();
    await upsertSelf(session);
  }

  async function releaseDeadWorkers(): Promise<ReleasedLocks> {
    return db.transaction().execute(async (trx) => {
      // SKIP LOCKED: when several servers sweep at once, each dead process is handled by one.
      const dead = await sql<{ id: string }>`
        select p.id from worker_processes p
        where p.id <> ${processId}
          and (
            p.heartbeat_at < now() - make_interval(secs => ${timing.staleAfterMs / 1000})
            or (
              p.heartbeat_at < now() - make_interval(secs => ${timing.sessionGraceMs / 1000})
              -- After a database restart every session is gone: each live process gets
              -- the grace from the restart to register its new one.
              and pg_postmaster_start_time() < now() - make_interval(secs => ${timing.sessionGraceMs / 1000})
              and not exists (
                select 1 from pg_stat_activity a
                where a.pid = p.backend_pid
                  -- Without the right to see it, backend_start is null: count that as alive.
                  and (a.backend_start is null or a.backend_start = p.backend_start)
              )
            )
          )
        for update skip locked
      `.execute(trx);
      const ids = dead.rows.map((row) => row.id);
      if (ids.length === 0) return { processes: 0, workerIds: [] };
      const workers = await trx
        .selectFrom("workerProcessWorkers")
        .select("workerId")
        .where("processId", "in", ids)
        .execute();
      const released = workers.map((w) => w.workerId);
      if (released.length > 0) {
        await sql`select graphile_worker.force_unlock_workers(${released}::text[])`.execute(trx);
      }
      await trx.deleteFrom("workerProcesses").where("id", "in", ids).execute();
      return { processes: ids.length, workerIds: released };
    });
  }

  async function tick(): Promise<void> {
    try {
      await beat();
      const released = await releaseDeadWorkers();
      if (released.processes > 0) {
        log(
          "info",
          `released the job locks of ${released.processes} stopped process(es): ${released.workerIds.join(", ") || "no workers"}`,
        );
      }
    } catch (error) {
      log("warning", `worker heartbeat failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  session = await connect();
  await upsertSelf(session);
  const timer = setInterval(() => void tick(), timing.heartbeatMs);
  timer.unref();

  return {
    processId,
    async registerWorker(workerId) {
      workerIds.add(workerId);
      // Retried until committed: a worker must not take a job its process has not vouched for.
      for (let attempt = 1; ; attempt++) {
        try {
          // The foreign key refuses it if this process was forgotten meanwhile; the
          // beat below registers the process again before the next try.
          await db
            .insertInto("workerProcessWorkers")
            .values({ workerId, processId })
            .onConflict((oc) => oc.column("workerId").doNothing())
            .execute();
          return;
        } catch (error) {
          if (stopped) throw error;
          log(
            "warning",
            `registering worker ${workerId} failed (attempt ${attempt}): ${error instanceof Error ? error.message : error}`,
          );
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * attempt)));
          await beat().catch(() => {});
        }
      }
    },
    releaseDeadWorkers,
    async stop() {
      stopped = true;
      clearInterval(timer);
      try {
        await db.deleteFrom("workerProcesses").where("id", "=", processId).execute();
      } finally {
        await session?.client.end().catch(() => {});
        session = null;
      }
    },
  };
}

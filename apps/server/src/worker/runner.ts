import { createDb, type Db } from "@sos/db";
import { Logger, type LogLevel, type Runner, run } from "graphile-worker";
import pg from "pg";
import type { MailTransport } from "../mail/transport";
import { createInvitationRunTask, INVITATION_RUN_TASK } from "./invitation-run";
import {
  type ProcessRegistry,
  type RegistryTiming,
  startProcessRegistry,
} from "./process-registry";
import {
  CREATE_WEEKLY_SURVEYS_TASK,
  CRONTAB,
  PUBLISH_WEEKLY_FIGURES_TASK,
  scheduledTasks,
} from "./scheduled";
import { createSendMailTask, SEND_MAIL_TASK } from "./send-mail";

export interface WorkerOptions {
  db: Db;
  connectionString: string;
  transport: MailTransport;
  concurrency?: number;
  /** Fallback polling; new jobs normally arrive at once through LISTEN/NOTIFY. */
  pollInterval?: number;
  /** Heartbeat and dead-process detection; tests shorten them. */
  registryTiming?: Partial<RegistryTiming>;
  log?: (level: LogLevel, message: string) => void;
}

export interface WorkerRunner extends Runner {
  /** This process's registration: the worker ids it vouches for. */
  registry: ProcessRegistry;
}

declare global {
  namespace GraphileConfig {
    interface Plugins {
      SosProcessRegistry: true;
    }
  }
}

/** Registers each worker id of this process before the worker asks for its first job. */
function registryPlugin(registry: ProcessRegistry): GraphileConfig.Plugin {
  return {
    name: "SosProcessRegistry",
    worker: {
      hooks: {
        startWorker: (_ctx, event) => registry.registerWorker(event.worker.workerId),
      },
    },
  };
}

/**
 * Runs the background jobs (mail from the outbox, the weekly survey fill, auth
 * housekeeping) inside this process. Signals are left to the caller, which stops the worker with the
 * HTTP server and the database in the right order.
 *
 * Before taking any job it releases the locks still held by workers of server
 * processes that were killed (see process-registry.ts), so their jobs run now
 * rather than after graphile-worker's four-hour lock timeout.
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerRunner> {
  const log = options.log ?? (() => {});
  const logger = new Logger(() => (level, message) => log(level, message));
  const concurrency = options.concurrency ?? 4;
  // The worker's own pool, so that stopping can wait until its connections are really
  // closed: graphile-worker ends a pool it made itself without waiting, and a database
  // dropped or stopped right after would cut those connections mid-close.
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    // One connection per concurrent job plus the listener, not the default of 10.
    max: concurrency + 1,
    application_name: "sos-worker",
  });
  pool.on("error", (error) =>
    log("warning" as LogLevel, `worker connection lost: ${error.message}`),
  );
  // Mail claims and outcomes, and the registry, on connections HTTP traffic cannot
  // hold up: the outcome of a send is written the moment the SMTP server answers.
  const workerDb = createDb(options.connectionString, {
    max: concurrency + 1,
    applicationName: "sos-worker",
    onIdleError: (error) => log("warning" as LogLevel, `worker connection lost: ${error.message}`),
  });
  let registry: ProcessRegistry;
  try {
    registry = await startProcessRegistry({
      db: workerDb,
      connectionString: options.connectionString,
      ...(options.registryTiming ? { timing: options.registryTiming } : {}),
      log: (level, message) => log(level as LogLevel, message),
    });
    const released = await registry.releaseDeadWorkers();
    if (released.processes > 0) {
      log(
        "info" as LogLevel,
        `released the job locks of ${released.processes} stopped process(es): ${released.workerIds.join(", ") || "no workers"}`,
      );
    }
  } catch (error) {
    await workerDb.destroy();
    await pool.end();
    throw error;
  }

  const runner = await run({
    pgPool: pool,
    concurrency,
    pollInterval: options.pollInterval ?? 2000,
    noHandleSignals: true,
    logger,
    crontab: CRONTAB,
    preset: { plugins: [registryPlugin(registry)] },
    taskList: {
      [SEND_MAIL_TASK]: createSendMailTask({ db: workerDb, transport: options.transport }),
      [INVITATION_RUN_TASK]: createInvitationRunTask(workerDb),
      ...scheduledTasks(options.db),
    },
  });
  // Fill the current survey week at once rather than at the next cron tick.
  await runner.addJob(CREATE_WEEKLY_SURVEYS_TASK, {}, { jobKey: CREATE_WEEKLY_SURVEYS_TASK });
  // And catch up any weekly figures missed while no worker ran.
  await runner.addJob(PUBLISH_WEEKLY_FIGURES_TASK, {}, { jobKey: PUBLISH_WEEKLY_FIGURES_TASK });
  const stopRunner = runner.stop.bind(runner);
  return Object.assign(runner, {
    registry,
    async stop() {
      await stopRunner();
      // Only now: until its workers have stopped, this process still holds their locks.
      await registry.stop();
      await workerDb.destroy();
      await pool.end();
    },
  });
}

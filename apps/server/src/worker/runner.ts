import type { Db } from "@sos/db";
import { Logger, type LogLevel, type Runner, run } from "graphile-worker";
import pg from "pg";
import type { MailTransport } from "../mail/transport";
import { CREATE_WEEKLY_SURVEYS_TASK, CRONTAB, scheduledTasks } from "./scheduled";
import { createSendMailTask, SEND_MAIL_TASK } from "./send-mail";

export interface WorkerOptions {
  db: Db;
  connectionString: string;
  transport: MailTransport;
  concurrency?: number;
  /** Fallback polling; new jobs normally arrive at once through LISTEN/NOTIFY. */
  pollInterval?: number;
  log?: (level: LogLevel, message: string) => void;
}

/**
 * Runs the background jobs (mail from the outbox, the weekly survey fill, auth
 * housekeeping) inside this process. Signals are left to the caller, which stops the worker with the
 * HTTP server and the database in the right order.
 */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const log = options.log ?? (() => {});
  const logger = new Logger(() => (level, message) => log(level, message));
  // The worker's own pool, so that stopping can wait until its connections are really
  // closed: graphile-worker ends a pool it made itself without waiting, and a database
  // dropped or stopped right after would cut those connections mid-close.
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    // One connection per concurrent job plus the listener, not the default of 10.
    max: (options.concurrency ?? 4) + 1,
    application_name: "sos-worker",
  });
  pool.on("error", (error) =>
    log("warning" as LogLevel, `worker connection lost: ${error.message}`),
  );
  const runner = await run({
    pgPool: pool,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 2000,
    noHandleSignals: true,
    logger,
    crontab: CRONTAB,
    taskList: {
      [SEND_MAIL_TASK]: createSendMailTask({ db: options.db, transport: options.transport }),
      ...scheduledTasks(options.db),
    },
  });
  // Fill the current survey week at once rather than at the next cron tick.
  await runner.addJob(CREATE_WEEKLY_SURVEYS_TASK, {}, { jobKey: CREATE_WEEKLY_SURVEYS_TASK });
  const stopRunner = runner.stop.bind(runner);
  runner.stop = async () => {
    await stopRunner();
    await pool.end();
  };
  return runner;
}

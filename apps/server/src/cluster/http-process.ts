import { createDb, type Db } from "@sos/db";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../app";
import type { ServerConfig } from "../config";
import { openReadReplica, usePreparedStatements } from "../database";
import { inboxMirror } from "../mail/inbox-mirror";
import { type HttpProcessMessage, PrimaryMessage, type StartMessage } from "./messages";

export interface HttpProcessHooks {
  config: ServerConfig;
  log: (line: string) => void;
  /** Registers what to stop, in start order (stopped in reverse). */
  started: (name: string, stop: () => Promise<unknown>) => void;
  /** Stops everything registered and exits. */
  shutdown: (reason: string) => void;
}

function firstStartMessage(onPrimaryGone: () => void): Promise<StartMessage> {
  return new Promise((resolve) => {
    const onMessage = (raw: unknown) => {
      const parsed = PrimaryMessage.safeParse(raw);
      if (parsed.success && parsed.data.type === "start") {
        process.off("message", onMessage);
        resolve(parsed.data);
      }
    };
    process.on("message", onMessage);
    // Only now: a message sent before a listener exists is dropped.
    if (!process.connected) return onPrimaryGone();
    // The primary may die meanwhile: a failed send is its absence, not an error of ours.
    process.send?.({ type: "ready" } satisfies HttpProcessMessage, undefined, {}, (error) => {
      if (error) onPrimaryGone();
    });
  });
}

/**
 * One HTTP process of a multi-process start (see http-processes.ts): the same
 * server as a single-process start, on the database the primary opened. It stops
 * on SIGTERM (the primary's stop), on Ctrl-C, and when the primary is gone
 * (killed with kill -9: the IPC channel closes), so it never outlives it.
 */
export async function serveAsHttpProcess(hooks: HttpProcessHooks): Promise<void> {
  const { config, log } = hooks;
  const primaryGone = () => hooks.shutdown("primary gone");
  process.on("disconnect", primaryGone);
  const start = await firstStartMessage(primaryGone);

  const db: Db = createDb(start.databaseUrl, {
    applicationName: "sos-server",
    preparedStatements: usePreparedStatements(config),
    onIdleError: (error) =>
      log(`PostgreSQL の接続が切断されました / idle connection lost: ${error.message}`),
  });
  hooks.started("database", () => db.destroy());
  const readDb = openReadReplica(config, log);
  if (readDb) hooks.started("read replica", () => readDb.destroy());

  const inbox = start.inbox ? inboxMirror(start.inbox) : null;
  process.on("message", (raw: unknown) => {
    const parsed = PrimaryMessage.safeParse(raw);
    if (!parsed.success) {
      log(`不明なメッセージを無視しました / ignored an unknown message from the primary`);
      return;
    }
    if (parsed.data.type === "mail") inbox?.add(parsed.data.message);
  });

  const app: FastifyInstance = await buildServer({
    db,
    readDb,
    config,
    inbox,
    demoAccounts: start.demoAccounts,
  });
  await app.listen({ port: config.port, host: config.host });
  hooks.started("http", () => app.close());
}

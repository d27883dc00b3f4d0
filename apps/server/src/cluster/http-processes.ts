import cluster, { type Worker } from "node:cluster";
import { once } from "node:events";
import { HttpProcessMessage, type PrimaryMessage, type StartMessage } from "./messages";

export interface HttpProcesses {
  pids(): number[];
  /** To every HTTP process now running (a mail for the dev inbox's pages). */
  broadcast(message: PrimaryMessage): void;
  /** Asks each (SIGTERM) to finish what it is serving and exit; kills one that has not within the grace. */
  stop(): Promise<void>;
}

export interface HttpProcessesOptions {
  count: number;
  /** Built at each fork, so a replacement starts with the inbox as it is then. */
  startMessage: () => StartMessage;
  log: (line: string) => void;
  /** A replacement could not start: the primary stops everything. */
  onFatal: (reason: string) => void;
  stopGraceMs?: number;
}

/** An HTTP process exited before it listened; it has printed why (a port in use, …). */
export class HttpProcessStartError extends Error {
  constructor(pid: number | undefined, how: string) {
    super(
      `HTTP プロセス ${pid} が待ち受けを始める前に終了しました（${how}）。理由は上に表示されています。 / an HTTP process exited before listening`,
    );
    this.name = "HttpProcessStartError";
  }
}

/** Resolves when the process listens; rejects if it exits first. */
function listening(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new HttpProcessStartError(worker.process.pid, String(signal ?? code)));
    worker.once("exit", onExit);
    worker.once("listening", () => {
      worker.off("exit", onExit);
      resolve();
    });
  });
}

/**
 * The HTTP half of a multi-process start: `count` processes forked from this one
 * (node:cluster), all listening on the one port; the primary hands out the
 * connections. Each runs only the HTTP server: the database, the dev inbox and
 * the job worker stay in the primary. One that dies is replaced; one that exits
 * cleanly (Ctrl-C reaches every process of the terminal's group) is not.
 */
export async function startHttpProcesses(options: HttpProcessesOptions): Promise<HttpProcesses> {
  const { log } = options;
  const live = new Set<Worker>();
  let stopping = false;

  function fork(): Worker {
    const worker = cluster.fork();
    live.add(worker);
    let served = false;
    worker.once("listening", () => {
      served = true;
    });
    worker.on("message", (raw: unknown) => {
      if (HttpProcessMessage.safeParse(raw).success) worker.send(options.startMessage());
    });
    worker.once("exit", (code, signal) => {
      live.delete(worker);
      // One that never listened is reported by listening(): replacing it would loop.
      if (stopping || !served || (code === 0 && signal === null)) return;
      log(
        `HTTP プロセス ${worker.process.pid} が停止しました（${signal ?? code}）。再起動します / HTTP process died, restarting`,
      );
      const replacement = fork();
      listening(replacement).catch((error: unknown) =>
        options.onFatal(error instanceof Error ? error.message : String(error)),
      );
    });
    return worker;
  }

  const first = Array.from({ length: options.count }, () => fork());
  try {
    await Promise.all(first.map(listening));
  } catch (error) {
    stopping = true;
    for (const worker of live) worker.process.kill("SIGKILL");
    throw error;
  }

  return {
    pids: () => [...live].map((worker) => worker.process.pid ?? 0),
    broadcast(message) {
      for (const worker of live) {
        if (worker.isConnected()) worker.send(message);
      }
    },
    async stop() {
      stopping = true;
      const grace = options.stopGraceMs ?? 15_000;
      await Promise.all(
        [...live].map(async (worker) => {
          if (worker.isDead()) return;
          const exited = once(worker, "exit");
          // A signal, not a message: one still starting has no listener for messages yet.
          worker.process.kill("SIGTERM");
          const timer = setTimeout(() => {
            log(
              `HTTP プロセス ${worker.process.pid} が ${grace} ms 以内に停止しないため強制終了します / killing an HTTP process that did not stop`,
            );
            worker.process.kill("SIGKILL");
          }, grace);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

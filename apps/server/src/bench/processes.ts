import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { REPO_ROOT } from "../config";
import { processGroup } from "./cpu";

export const SERVER_DIR = join(REPO_ROOT, "apps", "server");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** A child process leading its own process group, so its CPU and its stop take everything it forked. */
export interface Child {
  pid: number;
  baseUrl: string;
  output(): string;
  exited: Promise<number | null>;
  /** Node processes in its group: more than one once the product runs several server processes. */
  nodeProcesses(): number;
  stop(): Promise<void>;
}

/** Children still running, so an interrupted bench can stop them all. */
const running = new Set<Child>();

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

export function spawnChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number },
): Child {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${command} did not spawn`);
  let done = false;
  const handle: Child = {
    pid,
    baseUrl: `http://127.0.0.1:${options.port}`,
    output: () => output,
    exited,
    nodeProcesses: () => processGroup(pid).filter((p) => p.comm.startsWith("node")).length,
    async stop() {
      if (done) return;
      try {
        process.kill(pid, "SIGINT");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone
        }
      }, 20_000);
      await exited;
      clearTimeout(timer);
      // Whatever it forked and left behind.
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone
      }
    },
  };
  running.add(handle);
  void exited.then(() => {
    done = true;
    running.delete(handle);
  });
  return handle;
}

export async function waitUntilReady(child: Child, path: string, timeoutMs = 180_000) {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() - started < timeoutMs) {
    if (exitCode !== undefined) {
      throw new Error(`exited (${exitCode}) before it was ready:\n${child.output()}`);
    }
    try {
      const response = await fetch(`${child.baseUrl}${path}`, {
        signal: AbortSignal.timeout(2000),
      });
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${child.output()}`);
}

/**
 * What `pnpm start` runs after the build: apps/server's start script. A plain
 * `tsx <file>` runs as `node --import tsx <file>` so that the pid is the server's
 * own; anything else runs through pnpm.
 */
function startCommand(): { command: string; args: string[]; label: string } {
  const pkg = JSON.parse(readFileSync(join(SERVER_DIR, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.start ?? "tsx src/cli/start.ts";
  const tsx = /^tsx (\S+)$/.exec(script.trim());
  if (tsx?.[1]) {
    return {
      command: process.execPath,
      args: ["--import", "tsx", tsx[1]],
      label: `node --import tsx ${tsx[1]}`,
    };
  }
  return { command: "pnpm", args: ["run", "start"], label: `pnpm run start (${script})` };
}

/** The build half of the root `pnpm start`: the three apps (turbo's cache makes a repeat quick). */
export async function buildApps(log: (line: string) => void): Promise<void> {
  const child = spawn(
    "pnpm",
    [
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=@sos/institution",
      "--filter=@sos/review",
      "--filter=@sos/vendor-portal",
      "--output-logs=errors-only",
    ],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const [code] = await once(child, "exit");
  if (code !== 0) {
    log(`warning: the apps' build failed (${code}); measuring the dist/ folders as they are`);
    log(output.slice(-2000));
  }
}

export interface ProductSettings {
  databaseUrl: string;
  smtpUrl: string;
  dataDir: string;
  /** Extra environment (e.g. the number of server processes). */
  env?: Record<string, string>;
}

/** The product as `pnpm start` runs it: the real server process with its worker, on a free port. */
export async function startProduct(settings: ProductSettings): Promise<Child & { label: string }> {
  const port = await freePort();
  const { command, args, label } = startCommand();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    SMTP_URL: settings.smtpUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: settings.dataDir,
    MAIL_INBOX_SMTP_PORT: String(await freePort()),
    DEMO_DATA: "0",
    LOG_LEVEL: "warn",
    ...settings.env,
  };
  const child = spawnChild(command, args, { cwd: SERVER_DIR, env, port });
  try {
    await waitUntilReady(child, "/readyz");
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { ...child, label };
}

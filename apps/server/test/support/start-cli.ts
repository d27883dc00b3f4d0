import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./test-server";

const SERVER_DIR = join(import.meta.dirname, "..", "..");

/** A folder for DATA_DIR that the OS user `postgres` can enter (initdb runs as it under root). */
export async function tempDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return join(dir, "data");
}

export interface StartCliSettings {
  dataDir: string;
  port: number;
  embeddedPgPort: number;
  inboxSmtpPort: number;
  /** Mail to this SMTP server instead of the built-in inbox. */
  smtpUrl?: string;
  /** An external database instead of the embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  env?: Record<string, string>;
}

export async function startCliSettings(dataDir: string): Promise<StartCliSettings> {
  return {
    dataDir,
    port: await freePort(),
    embeddedPgPort: await freePort(),
    inboxSmtpPort: await freePort(),
  };
}

export interface StartedCli {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Everything the process printed, for a failure message. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * The real start CLI (`src/cli/start.ts`, what `pnpm start` runs once the apps
 * are built) as its own process group, with the embedded PostgreSQL: node runs
 * it directly (no tsx wrapper process), so the pid is the server's own.
 */
export function spawnStartCli(settings: StartCliSettings): StartedCli {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: settings.dataDir,
    PORT: String(settings.port),
    EMBEDDED_PG_PORT: String(settings.embeddedPgPort),
    MAIL_INBOX_SMTP_PORT: String(settings.inboxSmtpPort),
    LOG_LEVEL: "warn",
    ...settings.env,
  };
  // The test suite's database must not leak in: this start runs on its own data.
  if (settings.databaseUrl) env.DATABASE_URL = settings.databaseUrl;
  else delete env.DATABASE_URL;
  if (settings.smtpUrl) env.SMTP_URL = settings.smtpUrl;
  else delete env.SMTP_URL;
  const child = spawn(process.execPath, ["--import", "tsx", join("src", "cli", "start.ts")], {
    cwd: SERVER_DIR,
    env,
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
  if (child.pid === undefined) throw new Error("the start CLI did not spawn");
  return {
    child,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${settings.port}`,
    output: () => output,
    exited,
  };
}

/** Resolves once /readyz answers 200; rejects if the process exits first or time runs out. */
export async function waitUntilReady(cli: StartedCli, timeoutMs = 120_000): Promise<number> {
  const startedAt = Date.now();
  let exitCode: number | null | undefined;
  void cli.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() - startedAt < timeoutMs) {
    if (exitCode !== undefined) {
      throw new Error(`the server exited (${exitCode}) before it was ready:\n${cli.output()}`);
    }
    try {
      const response = await fetch(`${cli.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return Date.now() - startedAt;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${cli.output()}`);
}

/** kill -9 of the server process alone, or of its whole process group (embedded PostgreSQL too). */
export async function killHard(cli: StartedCli, scope: "server" | "group"): Promise<void> {
  try {
    process.kill(scope === "group" ? -cli.pid : cli.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  await cli.exited;
}

/** Ctrl-C: the orderly stop. Resolves with the exit code. */
export async function stopGently(cli: StartedCli): Promise<number | null> {
  try {
    process.kill(cli.pid, "SIGINT");
  } catch {
    // Already gone.
  }
  return cli.exited;
}

/** The postmaster pid recorded in the cluster's lock file, if any. */
export function postmasterPidFile(dataDir: string): string {
  return join(dataDir, "postgres", "postmaster.pid");
}

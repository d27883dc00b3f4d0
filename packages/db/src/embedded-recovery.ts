import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

// The embedded PostgreSQL is a child process of the server. kill -9 of the
// server alone leaves it running, orphaned, on the port and the data folder;
// kill -9 of the whole process group leaves a postmaster.pid whose pid may
// since belong to another process. Either way the next start must succeed on
// the same data, and must never take the database of a server still running.

const run = promisify(execFile);

interface ProcessInfo {
  ppid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone we may not signal.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Parent and command line of a process, from /proc (Linux) or ps (macOS); null when gone. */
async function processInfo(pid: number): Promise<ProcessInfo | null> {
  if (existsSync("/proc/self/stat")) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      // The command name in parentheses may hold spaces: the fields follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
      return { ppid: Number(fields[1]), command: cmdline.split("\0").join(" ").trim() };
    } catch {
      return null;
    }
  }
  try {
    const { stdout } = await run("ps", ["-o", "ppid=,command=", "-p", String(pid)]);
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), command: match[2] ?? "" } : null;
  } catch {
    return null;
  }
}

/** Where the server that started the cluster writes its pid: beside the data folder, not in it. */
export function ownerFile(dataDir: string): string {
  return join(dirname(resolve(dataDir)), `${basename(dataDir)}.owner`);
}

export async function recordOwner(dataDir: string): Promise<void> {
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
}

export async function forgetOwner(dataDir: string): Promise<void> {
  await rm(ownerFile(dataDir), { force: true });
}

async function recordedOwner(dataDir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(ownerFile(dataDir), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, ownerPid: number) {
    super(
      `データフォルダ ${dataDir} の PostgreSQL は、動作中の別のサーバー（PID ${ownerPid}）が使用しています。` +
        `そのサーバーを停止するか、DATA_DIR で別のフォルダを指定してください。 / ` +
        `The embedded PostgreSQL in ${dataDir} belongs to a running server (pid ${ownerPid}).`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Removes a socket lock file only if it is this cluster's, naming the same stale pid. */
async function removeStaleSocketLock(file: string, pid: number, dataDir: string): Promise<void> {
  try {
    const [lockPid, lockDir] = (await readFile(file, "utf8")).split("\n");
    if (Number.parseInt(lockPid ?? "", 10) === pid && lockDir?.trim() === resolve(dataDir)) {
      await rm(file, { force: true });
    }
  } catch {
    // No lock file: nothing stands in the way.
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/**
 * Makes the data folder startable after a crash of the server that owned it:
 * - a postmaster still running for this folder whose owner is gone is stopped
 *   (fast shutdown: it checkpoints; immediate, then KILL, only if it hangs);
 * - a postmaster.pid naming a pid that is no postmaster of this folder (the
 *   pid was reused after the kill) is removed, which PostgreSQL would refuse
 *   to do itself;
 * - a postmaster still owned by a live server is left alone: DataDirInUseError.
 * A postmaster.pid naming a pid that is gone is left to PostgreSQL, which
 * recovers from it on its own.
 */
export async function releaseAfterCrash(
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const lockFile = join(dataDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = (await readFile(lockFile, "utf8")).split("\n");
  } catch {
    return;
  }
  const pid = Number.parseInt(lines[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;

  const info = await processInfo(pid);
  if (info === null || !info.command.includes(resolve(dataDir))) {
    log(`postmaster.pid names pid ${pid}, which is not this cluster's PostgreSQL: removing it`);
    // The socket's lock file names the same pid, and PostgreSQL would refuse it as well.
    // postmaster.pid: pid, data folder, start time, port, socket folder, …
    const [port, socketDir] = [lines[3]?.trim(), lines[4]?.trim()];
    if (port && socketDir)
      await removeStaleSocketLock(join(socketDir, `.s.PGSQL.${port}.lock`), pid, dataDir);
    await rm(lockFile, { force: true });
    return;
  }
  // Its parent is still the server that started it: that server is alive (an
  // orphan is handed to init or a subreaper). Without a record (a cluster started
  // before owners were recorded), any parent but init counts as an owner.
  const owner = await recordedOwner(dataDir);
  if (owner === null ? info.ppid !== 1 : info.ppid === owner && owner !== process.pid) {
    throw new DataDirInUseError(dataDir, info.ppid);
  }

  log(
    `前回のサーバーが残した PostgreSQL（PID ${pid}）を停止します / stopping PostgreSQL left running by a previous server (pid ${pid})`,
  );
  const steps: Array<[NodeJS.Signals, number]> = [
    ["SIGINT", 30_000],
    ["SIGQUIT", 10_000],
    ["SIGKILL", 10_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone between the check and the signal.
    }
    if (await waitForExit(pid, wait)) return;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

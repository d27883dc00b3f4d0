import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  killHard,
  postmasterPidFile,
  type StartCliSettings,
  type StartedCli,
  spawnStartCli,
  startCliSettings,
  stopGently,
  tempDataDir,
  waitUntilReady,
} from "./support/start-cli";

// `pnpm start` on the default install (embedded PostgreSQL) killed with kill -9,
// then started again on the same data: it must come up every time.

let settings: StartCliSettings;
let running: StartedCli | undefined;

beforeAll(async () => {
  settings = await startCliSettings(await tempDataDir("sos-restart-"));
});

afterAll(async () => {
  if (running) await killHard(running, "group");
  const postmaster = postmasterPid();
  if (postmaster !== null) {
    try {
      process.kill(postmaster, "SIGKILL");
    } catch {}
  }
  await rm(dirname(settings.dataDir), { recursive: true, force: true });
});

function postmasterPid(): number | null {
  const file = postmasterPidFile(settings.dataDir);
  if (!existsSync(file)) return null;
  return Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
}

/** The OS user the embedded PostgreSQL runs as: `postgres` under root, else ourselves. */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Rows written through the server's database, to show the data survives every kill. */
async function institutionCount(): Promise<number> {
  const client = new pg.Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${settings.embeddedPgPort}/sos`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from institutions",
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function start(): Promise<number> {
  running = spawnStartCli(settings);
  return waitUntilReady(running);
}

// Each test starts the product twice (the first time with initdb and the demo seed): on a
// busy 2-core machine that passed 30 s. The limit guards against a hang, it is no timing.
describe("pnpm start after kill -9", { timeout: 180_000 }, () => {
  it("starts on the same data after the server alone was killed, stopping the orphaned PostgreSQL", async () => {
    await start();
    const seeded = await institutionCount();
    expect(seeded).toBeGreaterThan(0);
    const orphan = postmasterPid();
    expect(orphan).not.toBeNull();

    await killHard(running as StartedCli, "server");
    // What the issue saw: the embedded PostgreSQL outlives its server.
    expect(alive(orphan as number)).toBe(true);

    await start();
    expect(alive(orphan as number)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(await institutionCount()).toBe(seeded);
    expect(running?.output()).toContain("前回のサーバーが残した PostgreSQL");
  });

  it("starts on the same data after the whole process group was killed", async () => {
    const seeded = await institutionCount();
    await killHard(running as StartedCli, "group");
    // The lock file stays behind, naming a postmaster that is gone.
    expect(postmasterPid()).not.toBeNull();
    await start();
    expect(await institutionCount()).toBe(seeded);
  });

  it("starts when the killed PostgreSQL's pid has since gone to another process", async () => {
    const seeded = await institutionCount();
    await killHard(running as StartedCli, "group");
    // pids wrap (32768 here) and are soon reused: the lock files then name a live
    // process that is no postmaster. PostgreSQL overrules that only when the process
    // belongs to another user, so the stranger runs as PostgreSQL's own user.
    const stranger = spawn("sleep", ["120"], { stdio: "ignore", ...postgresUser() });
    try {
      const lockFile = postmasterPidFile(settings.dataDir);
      const lines = readFileSync(lockFile, "utf8").split("\n");
      const socketLock = join(lines[4]?.trim() ?? "/tmp", `.s.PGSQL.${lines[3]?.trim()}.lock`);
      for (const file of [lockFile, socketLock]) {
        const content = readFileSync(file, "utf8").split("\n");
        content[0] = String(stranger.pid);
        writeFileSync(file, content.join("\n"));
      }
      await start();
      expect(await institutionCount()).toBe(seeded);
      expect(alive(stranger.pid as number)).toBe(true);
    } finally {
      stranger.kill("SIGKILL");
    }
  });

  it("starts after being killed while it was starting, again and again", async () => {
    const seeded = await institutionCount();
    await killHard(running as StartedCli, "group");
    for (const [delayMs, scope] of [
      [300, "group"],
      [1500, "server"],
      [3000, "group"],
    ] as const) {
      running = spawnStartCli(settings);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await killHard(running, scope);
    }
    await start();
    expect(await institutionCount()).toBe(seeded);
  });

  it("stops in order on Ctrl-C, leaving nothing running", async () => {
    const postmaster = postmasterPid();
    expect(await stopGently(running as StartedCli)).toBe(0);
    running = undefined;
    expect(postmaster !== null && alive(postmaster)).toBe(false);
    expect(existsSync(postmasterPidFile(settings.dataDir))).toBe(false);
    expect(existsSync(join(settings.dataDir, "postgres.owner"))).toBe(false);
  });
});

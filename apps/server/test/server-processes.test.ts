import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { request } from "node:http";
import { dirname } from "node:path";
import { createTestUser, type TestUser } from "@sos/api/testing";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInOverHttp } from "./support/http";
import {
  killHard,
  type StartedCli,
  spawnStartCli,
  startCliSettings,
  stopGently,
  tempDataDir,
  waitUntilReady,
} from "./support/start-cli";

// `pnpm start` with SERVER_PROCESSES=2: two HTTP processes on one port over one
// database, the job worker and the dev inbox once, in the primary.

let tdb: TestDatabase;
let cli: StartedCli;
let user: TestUser;
/** DATA_DIRs of the starts, removed at the end. */
const dataDirs: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, "institution", {
    email: "two-processes@hospital.example.jp",
  });
  const settings = await startCliSettings(await tempDataDir("sos-processes-"));
  dataDirs.push(settings.dataDir);
  cli = spawnStartCli({
    ...settings,
    databaseUrl: tdb.url,
    // No SMTP_URL: mail goes to the primary's dev inbox, shown at /inbox by every process.
    // Request logging names the process (pino's pid) on every line, in the server's log only.
    env: { SERVER_PROCESSES: "2", LOG_LEVEL: "debug", DEMO_DATA: "0" },
  });
  await waitUntilReady(cli);
});

afterAll(async () => {
  if (cli) await killHard(cli, "group");
  await tdb?.destroy();
  for (const dir of dataDirs) await rm(dirname(dir), { recursive: true, force: true });
});

/** Node processes whose parent is `pid` (the primary forks the HTTP processes). */
function nodeChildren(pid: number): number[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there are none
  }
  return out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, comm]) => comm?.startsWith("node"))
    .map(([p]) => Number(p));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}:\n${cli.output()}`);
}

/** A GET on a connection of its own: the primary hands out connections, not requests. */
function getOnNewConnection(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${cli.baseUrl}${path}`,
      { agent: false, headers: { ...headers, connection: "close" } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** pids of the processes whose request log names `url`. */
function servedBy(url: string): Set<number> {
  const pids = new Set<number>();
  for (const line of cli.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { pid?: number; msg?: string; req?: { url?: string } };
      if (entry.msg === "incoming request" && entry.req?.url === url && entry.pid) {
        pids.add(entry.pid);
      }
    } catch {
      // a line cut by the output buffer's start
    }
  }
  return pids;
}

/** The process logged that it listens. */
function listened(pid: number): boolean {
  return cli
    .output()
    .split("\n")
    .some((line) => line.includes(`"pid":${pid},`) && line.includes("Server listening"));
}

describe("pnpm start with SERVER_PROCESSES=2", () => {
  it("serves one port from two processes, with one session valid on both", async () => {
    const workers = nodeChildren(cli.pid);
    expect(workers).toHaveLength(2);
    // /readyz answers as soon as the first process listens; the second may still be starting.
    await until(() => workers.every(listened), "both processes to listen");

    const token = await signInOverHttp(cli.baseUrl, user);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        getOnNewConnection("/trpc/auth.me", { cookie: `sos_session=${token}` }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(`"username":"${user.username}"`);
    }
    // Both processes served the signed-in user: no stickiness needed.
    const pids = servedBy("/trpc/auth.me");
    expect([...pids].sort()).toEqual([...workers].sort());
    expect(pids.has(cli.pid)).toBe(false);
  });

  it("runs the job worker once, in the primary: a mail is sent once and shown by both", async () => {
    const registered = await sql<{ pid: number }>`select pid from worker_processes`.execute(tdb.db);
    expect(registered.rows.map((row) => row.pid)).toEqual([cli.pid]);

    const asked = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${cli.baseUrl}/trpc/auth.requestPasswordReset`,
        {
          method: "POST",
          agent: false,
          headers: { "content-type": "application/json", origin: cli.baseUrl },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ username: user.username }));
    });
    expect(asked).toBe(200);
    const address = "<td>two-processes@hospital.example.jp</td>";
    await until(
      async () => (await getOnNewConnection("/inbox")).body.includes(address),
      "the mail",
    );
    await until(async () => {
      const pending = await sql<{ n: number }>`
        select count(*)::int as n from graphile_worker.jobs
        where task_identifier = 'send_mail'`.execute(tdb.db);
      return pending.rows[0]?.n === 0;
    }, "the mail job to finish");
    const outbox = await tdb.db
      .selectFrom("mailOutbox")
      .select(["status", "attempts"])
      .where("toAddress", "=", "two-processes@hospital.example.jp")
      .execute();
    expect(outbox).toEqual([{ status: "sent", attempts: 1 }]);
    // Every process's /inbox shows it, once: the primary's inbox passes each mail to them.
    const pages = await Promise.all(Array.from({ length: 8 }, () => getOnNewConnection("/inbox")));
    for (const page of pages) expect(page.body.split(address)).toHaveLength(2);
    expect([...servedBy("/inbox")].sort()).toEqual(nodeChildren(cli.pid).sort());
  });

  it("replaces an HTTP process killed with kill -9", async () => {
    const [victim, survivor] = nodeChildren(cli.pid);
    process.kill(victim as number, "SIGKILL");
    let replacement = 0;
    await until(() => {
      replacement = nodeChildren(cli.pid).find((pid) => pid !== survivor) ?? 0;
      return replacement !== 0 && replacement !== victim && listened(replacement);
    }, "a replacement HTTP process");
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => getOnNewConnection("/readyz")),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(servedBy("/readyz").has(replacement)).toBe(true);
  });

  it("stops every process on Ctrl-C", async () => {
    const workers = nodeChildren(cli.pid);
    expect(await stopGently(cli)).toBe(0);
    for (const pid of workers) await until(() => !alive(pid), `HTTP process ${pid} to exit`);
    expect(cli.output()).toContain("停止しました / stopped");
    // Each stopped on its own, none had to be killed.
    expect(cli.output()).not.toContain("強制終了します");
  });

  it("leaves no HTTP process behind when the primary is killed with kill -9", async () => {
    const settings = await startCliSettings(await tempDataDir("sos-processes-kill-"));
    dataDirs.push(settings.dataDir);
    cli = spawnStartCli({
      ...settings,
      databaseUrl: tdb.url,
      env: { SERVER_PROCESSES: "2", DEMO_DATA: "0" },
    });
    await waitUntilReady(cli);
    const workers = nodeChildren(cli.pid);
    expect(workers).toHaveLength(2);
    await killHard(cli, "server");
    for (const pid of workers) await until(() => !alive(pid), `orphaned HTTP process ${pid}`);
    // A whole `pnpm start` (build check, migrations, two forks) inside the test: on a busy
    // machine that alone can pass the 30 s default.
  }, 120_000);
});

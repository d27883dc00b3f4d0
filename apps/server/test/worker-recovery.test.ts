import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { enqueueMail } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "../src/mail/transport";
import { startProcessRegistry } from "../src/worker/process-registry";
import { startWorker, type WorkerRunner } from "../src/worker/runner";
import { mailMessageId } from "../src/worker/send-mail";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

// Real server processes, killed with SIGKILL while they hold a job: nothing in
// the killed process gets a chance to clean up, as after kill -9 or a power cut.

let tdb: TestDatabase;
let sink: SmtpSink;
const children = new Set<ChildProcess>();

/** Short enough for a test; the defaults are seconds, not fractions. */
const TIMING = { heartbeatMs: 200, sessionGraceMs: 600 };

beforeAll(async () => {
  tdb = await createTestDatabase();
  sink = await startSmtpSink();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await sink.close();
  await tdb.destroy();
});

interface WorkerProcess {
  child: ChildProcess;
  processId: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function spawnWorkerProcess(): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join("test", "support", "worker-process.ts")],
    {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, WORKER_DATABASE_URL: tdb.url, SMTP_URL: sink.url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.add(child);
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const processId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("worker process did not start")), 30_000);
    lines.on("line", (line) => {
      const match = /^ready (\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  return {
    child,
    processId,
    async kill() {
      child.kill("SIGKILL");
      await exited;
      children.delete(child);
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
      children.delete(child);
    },
  };
}

function testMail(to: string) {
  return {
    kind: "test",
    to,
    from: "noreply@sos-supply.example",
    subject: `宛先 ${to}`,
    text: "本文",
  };
}

async function outboxRow(id: string) {
  return tdb.db.selectFrom("mailOutbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function jobOf(mailId: string) {
  const { rows } = await sql<{ lockedBy: string | null }>`
    select locked_by from graphile_worker.jobs where key = ${`mail:${mailId}`}
  `.execute(tdb.db);
  return rows[0] ?? null;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startLocalWorker(): Promise<WorkerRunner> {
  return startWorker({
    db: tdb.db,
    connectionString: tdb.url,
    transport: createMailTransport(sink.url),
    concurrency: 2,
    pollInterval: 200,
    registryTiming: TIMING,
  });
}

describe("after a server process is killed", () => {
  it("leaves the jobs of a live process alone, however often another server sweeps", async () => {
    const live = await spawnWorkerProcess();
    const stall = sink.stall("live@example.jp", "rcpt");
    const id = await enqueueMail(tdb.db, testMail("live@example.jp"));
    await stall.reached;
    const holder = (await outboxRow(id)).sendingWorker;
    expect(holder).toMatch(/^worker-/);
    expect((await jobOf(id))?.lockedBy).toBe(holder);

    // Another server, sweeping for dead processes again and again while the send hangs.
    const other = await startProcessRegistry({
      db: tdb.db,
      connectionString: tdb.url,
      timing: TIMING,
    });
    for (let sweep = 0; sweep < 8; sweep++) {
      expect(await other.releaseDeadWorkers()).toEqual({ processes: 0, workerIds: [] });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await jobOf(id))?.lockedBy).toBe(holder);
    expect(await outboxRow(id)).toMatchObject({ status: "sending", sendingWorker: holder });

    // Its liveness session cut from the database side (a restart, a network blip): it
    // reconnects at its next heartbeat, well within the grace, and keeps its jobs.
    const before = await tdb.db
      .selectFrom("workerProcesses")
      .select("backendPid")
      .where("id", "=", live.processId)
      .executeTakeFirstOrThrow();
    await sql`select pg_terminate_backend(${before.backendPid})`.execute(tdb.db);
    for (let sweep = 0; sweep < 8; sweep++) {
      expect(await other.releaseDeadWorkers()).toEqual({ processes: 0, workerIds: [] });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await tdb.db
      .selectFrom("workerProcesses")
      .select("backendPid")
      .where("id", "=", live.processId)
      .executeTakeFirstOrThrow();
    expect(after.backendPid).not.toBe(before.backendPid);
    expect((await jobOf(id))?.lockedBy).toBe(holder);

    stall.release();
    await until("the live process to send", async () => (await outboxRow(id)).status === "sent");
    expect(sink.deliveries(mailMessageId(id))).toBe(1);
    expect((await outboxRow(id)).interruptedAttempts).toBe(0);

    // A process that stops in order forgets itself: nothing is left to sweep.
    await live.stop();
    await other.stop();
    const left = await tdb.db.selectFrom("workerProcesses").select("id").execute();
    expect(left).toEqual([]);
  });

  it("releases the killed process's locks when a server starts, and the mail goes out once", async () => {
    const doomed = await spawnWorkerProcess();
    const stall = sink.stall("killed@example.jp", "rcpt");
    const id = await enqueueMail(tdb.db, testMail("killed@example.jp"));
    await stall.reached;
    const holder = (await outboxRow(id)).sendingWorker;
    await doomed.kill();
    stall.release();

    // Nothing else would touch the job for graphile-worker's four hours.
    expect((await jobOf(id))?.lockedBy).toBe(holder);
    const startedAt = Date.now();
    const worker = await startLocalWorker();
    try {
      const delivered = await sink.waitFor((m) => m.messageId === mailMessageId(id), 20_000);
      expect(delivered.receivedAt - startedAt).toBeLessThan(10_000);
      const row = await until("the mail to be marked sent", async () => {
        const r = await outboxRow(id);
        return r.status === "sent" ? r : undefined;
      });
      // The killed attempt never reached the SMTP server's data: one delivery.
      expect(sink.deliveries(mailMessageId(id))).toBe(1);
      expect(row).toMatchObject({ attempts: 2, interruptedAttempts: 1, sendingWorker: null });
      const dead = await tdb.db
        .selectFrom("workerProcesses")
        .select("id")
        .where("id", "=", doomed.processId)
        .execute();
      expect(dead).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it("sends again with the same Message-ID when the kill fell after the SMTP server took the mail", async () => {
    const doomed = await spawnWorkerProcess();
    const stall = sink.stall("taken@example.jp", "data-end");
    const id = await enqueueMail(tdb.db, testMail("taken@example.jp"));
    await stall.reached;
    await doomed.kill();
    stall.release();
    expect(sink.deliveries(mailMessageId(id))).toBe(1);

    const worker = await startLocalWorker();
    try {
      const row = await until("the mail to be marked sent", async () => {
        const r = await outboxRow(id);
        return r.status === "sent" ? r : undefined;
      });
      // No SMTP sender can know whether a mail it was killed sending got through; the
      // copy names the same Message-ID, so the receiver can drop it, and the outbox says so.
      expect(sink.deliveries(mailMessageId(id))).toBe(2);
      expect(
        new Set(sink.received.filter((m) => m.to === "taken@example.jp").map((m) => m.messageId)),
      ).toEqual(new Set([mailMessageId(id)]));
      expect(row.interruptedAttempts).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("does not send a mail twice when two jobs for it run at once", async () => {
    const worker = await startLocalWorker();
    const stall = sink.stall("twice@example.jp", "rcpt");
    try {
      const id = await enqueueMail(tdb.db, testMail("twice@example.jp"));
      await stall.reached;
      // A second job for the same mail (an operator re-queuing it) while the first is sending.
      await sql`select graphile_worker.add_job('send_mail', ${JSON.stringify({ mailId: id })}::json)`.execute(
        tdb.db,
      );
      const second = await until("the second job to be refused", async () => {
        const { rows } = await sql<{ lastError: string | null }>`
          select last_error from graphile_worker.jobs where key is null and task_identifier = 'send_mail'
        `.execute(tdb.db);
        return rows[0]?.lastError ?? undefined;
      });
      expect(second).toContain("is being sent by");
      stall.release();
      await until("the mail to be sent", async () => (await outboxRow(id)).status === "sent");
      expect(sink.deliveries(mailMessageId(id))).toBe(1);
    } finally {
      stall.release();
      await worker.stop();
    }
  });
});

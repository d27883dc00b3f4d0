import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { createDb, type Db } from "@sos/db";
import { realNow } from "@sos/test-clock/shift";
import { sql } from "kysely";
import { mailMessageId } from "../../src/worker/send-mail";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";
import {
  killHard,
  type StartCliSettings,
  type StartedCli,
  spawnStartCli,
  startCliSettings,
  stopGently,
  tempDataDir,
  waitUntilReady,
} from "../support/start-cli";
import { type Ack, burst } from "./burst";
import { buildCrashWorld } from "./world";

/**
 * kill -9 of a running server at a random moment of a burst of writes, then a
 * restart on the same data, round after round. After every restart:
 * - every write the server acknowledged in any round is still there;
 * - every mail in the outbox reaches the SMTP server within 60 s of the
 *   restart, and every mail marked sent has reached it;
 * and at the end, how many Message-IDs the SMTP server received more than once.
 */
export interface CrashLoopOptions {
  rounds: number;
  /** "embedded": the default install, and kills take PostgreSQL down too half the time. */
  database: { kind: "embedded" } | { kind: "external"; url: string };
  /** A mail not sent this long after the restart is late. */
  mailDeadlineMs?: number;
  appliersPerRound?: number;
  linkItemsPerRound?: number;
  log?: (line: string) => void;
  /** Seeds the kill moments, so a failing run can be repeated. */
  seed?: number;
}

export interface CrashReport {
  rounds: number;
  kills: { server: number; group: number };
  acknowledgedWrites: number;
  acknowledgedByKind: Record<Ack["kind"], number>;
  writesLost: Ack[];
  mails: number;
  /** Not in the SMTP server's hands within the deadline after a restart. */
  mailsLate: string[];
  /** Marked sent, never received. */
  mailsNeverDelivered: string[];
  /** Message-IDs received more than once, with the outbox's interrupted_attempts for each. */
  mailsDoubled: Array<{ mailId: string; deliveries: number; interruptedAttempts: number }>;
  /** Attempts the outbox recorded as cut off between the send and its record. */
  interruptedAttempts: number;
  /**
   * From the SMTP server holding a mail's data to the outbox recording it sent:
   * the only window in which a kill sends a mail twice.
   */
  unrecordedWindowMs: { p50: number; p99: number; max: number };
  restartMs: { max: number; mean: number };
  /** From "ready" until the last mail pending at the kill was received. */
  mailRecoveryMs: { max: number; mean: number };
}

/** A burst that has not reached its kill point by then is killed anyway. */
const KILL_AT_LATEST_MS = 5_000;

/** Small and seedable, so that a run's kill moments can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function databaseUrl(settings: StartCliSettings): string {
  return (
    settings.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${settings.embeddedPgPort}/sos`
  );
}

async function withDb<T>(settings: StartCliSettings, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl(settings), { max: 2, applicationName: "sos-crash-loop" });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** The acknowledged writes that are no longer in the database. */
async function lostWrites(db: Db, acks: readonly Ack[]): Promise<Ack[]> {
  const requestIds = acks.flatMap((a) =>
    a.kind === "request.create" || a.kind === "request.apply" ? [a.requestId] : [],
  );
  const requests = new Map(
    requestIds.length === 0
      ? []
      : (
          await db
            .selectFrom("sosRequests")
            .select(["id", "status"])
            .where("id", "in", requestIds)
            .execute()
        ).map((r) => [r.id, r.status as string]),
  );
  const runIds = acks.flatMap((a) => (a.kind === "links.send" ? [a.runId] : []));
  const sentByRun = new Map(
    runIds.length === 0
      ? []
      : (
          await sql<{ runId: string; sent: number }>`
            select run_id, count(*) filter (where state = 'sent')::int as sent
            from purchase_link_run_items where run_id = any(${runIds}::uuid[])
            group by run_id`.execute(db)
        ).rows.map((r) => [r.runId, r.sent]),
  );
  const orderNumbers = acks.flatMap((a) => (a.kind === "order.place" ? [a.orderNumber] : []));
  const orders = new Set(
    orderNumbers.length === 0
      ? []
      : (
          await db
            .selectFrom("orders")
            .select("orderNumber")
            .where("orderNumber", "in", orderNumbers)
            .execute()
        ).map((o) => o.orderNumber),
  );
  return acks.filter((ack) => {
    switch (ack.kind) {
      case "request.create":
        return !requests.has(ack.requestId);
      case "request.apply":
        return requests.get(ack.requestId) !== ack.status;
      case "links.send":
        return (sentByRun.get(ack.runId) ?? -1) < ack.sent;
      case "order.place":
        return !orders.has(ack.orderNumber);
    }
    return true;
  });
}

/** Mails due now that the SMTP server does not hold yet (or that are not marked sent). */
async function undeliveredMails(db: Db, sink: SmtpSink): Promise<string[]> {
  const rows = await sql<{ id: string; status: string }>`
    select m.id, m.status from mail_outbox m
    where not exists (
      select 1 from graphile_worker.jobs j
      where j.key = 'mail:' || m.id and j.run_at > now() + interval '1 minute'
    )`.execute(db);
  return rows.rows
    .filter((m) => m.status !== "sent" || sink.deliveries(mailMessageId(m.id)) === 0)
    .map((m) => m.id);
}

async function waitForMails(
  settings: StartCliSettings,
  sink: SmtpSink,
  readyAt: number,
  deadlineMs: number,
): Promise<{ late: string[]; recoveredMs: number }> {
  return withDb(settings, async (db) => {
    for (;;) {
      const waiting = await undeliveredMails(db, sink);
      const elapsed = Date.now() - readyAt;
      if (waiting.length === 0) return { late: [], recoveredMs: elapsed };
      if (elapsed > deadlineMs) return { late: waiting, recoveredMs: elapsed };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

function stats(values: readonly number[]): { max: number; mean: number } {
  if (values.length === 0) return { max: 0, mean: 0 };
  return {
    max: Math.max(...values),
    mean: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const deadlineMs = options.mailDeadlineMs ?? 60_000;
  // More than a burst gets through before the latest kill: the kill falls mid-work.
  const appliersPerRound = options.appliersPerRound ?? 16;
  const linkItemsPerRound = options.linkItemsPerRound ?? 10;
  const next = random(options.seed ?? Date.now());
  const sink = await startSmtpSink();
  const dataDir = await tempDataDir("sos-crash-");
  const settings: StartCliSettings = {
    ...(await startCliSettings(dataDir)),
    smtpUrl: sink.url,
    ...(options.database.kind === "external" ? { databaseUrl: options.database.url } : {}),
  };
  const port = settings.port;
  settings.env = {
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    // Mail is the point here: several at once, as in production.
    WORKER_CONCURRENCY: "4",
    // Real mail (the sink) and the demo's officers, vendor and product: asked for explicitly.
    DEMO_DATA: "1",
  };
  const acks: Ack[] = [];
  const usedTokens = new Set<string>();
  const kills = { server: 0, group: 0 };
  const restartTimes: number[] = [];
  const recoveryTimes: number[] = [];
  const late = new Set<string>();
  let cli: StartedCli | undefined;
  try {
    cli = spawnStartCli(settings);
    await waitUntilReady(cli);
    const world = await withDb(settings, (db) =>
      buildCrashWorld(db, {
        appliers: appliersPerRound * options.rounds,
        linkItems: linkItemsPerRound * options.rounds,
      }),
    );
    const sizes = await withDb(settings, (db) =>
      db
        .selectFrom("productSizes as s")
        .innerJoin("products as p", "p.id", "s.productId")
        .select(["s.size", "s.stockSets"])
        .where("p.active", "=", true)
        .where("s.stockSets", ">=", 100)
        .execute(),
    );
    log(
      `crash loop: ${options.rounds} rounds, ${settings.databaseUrl ? "external database" : "embedded PostgreSQL"}, data in ${dataDir}`,
    );

    for (let round = 1; round <= options.rounds; round++) {
      const acksBefore = acks.length;
      let killed = false;
      const work = {
        appliers: world.appliers.splice(0, appliersPerRound),
        linkItems: world.linkItems.splice(0, linkItemsPerRound),
        batchId: world.batchId,
        vendorSession: world.vendorSession,
      };
      const running = burst(
        { baseUrl: cli.baseUrl, sink, usedTokens, acks, stopped: () => killed },
        work,
        sizes,
      );
      // The kill falls after a random number of the round's writes (plus a few ms, to
      // land at any phase of a request or a mail), so it is mid-burst on a fast machine
      // and a slow one alike.
      const burstStart = Date.now();
      const afterWrites = Math.floor(next() * (2 * appliersPerRound + linkItemsPerRound));
      const jitterMs = Math.floor(next() * 40);
      // The whole group takes the embedded PostgreSQL down with the server.
      const scope = options.database.kind === "embedded" && next() < 0.5 ? "group" : "server";
      while (
        acks.length - acksBefore < afterWrites &&
        Date.now() - burstStart < KILL_AT_LATEST_MS
      ) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await new Promise((resolve) => setTimeout(resolve, jitterMs));
      const killAfter = Date.now() - burstStart;
      await killHard(cli, scope);
      killed = true;
      kills[scope] += 1;
      await running;

      const restartedAt = Date.now();
      cli = spawnStartCli(settings);
      await waitUntilReady(cli);
      const readyAt = Date.now();
      restartTimes.push(readyAt - restartedAt);

      const lost = await withDb(settings, (db) => lostWrites(db, acks));
      if (lost.length > 0) {
        return await finish(lost);
      }
      const mails = await waitForMails(settings, sink, readyAt, deadlineMs);
      for (const id of mails.late) late.add(id);
      if (mails.late.length === 0) recoveryTimes.push(mails.recoveredMs);
      log(
        `round ${round}/${options.rounds}: kill -9 ${scope === "group" ? "of the process group" : "of the server"} ` +
          `${killAfter} ms into the burst, ${acks.length - acksBefore} writes acknowledged (target ${afterWrites}); ` +
          `ready again in ${readyAt - restartedAt} ms; 0 writes lost; ` +
          (mails.late.length === 0
            ? `every mail out ${mails.recoveredMs} ms after ready`
            : `${mails.late.length} mails late`),
      );
    }
    return await finish([]);
  } finally {
    if (cli) await stopGently(cli);
    await sink.close();
    await rm(dirname(dataDir), { recursive: true, force: true });
  }

  async function finish(writesLost: Ack[]): Promise<CrashReport> {
    const outbox = await withDb(settings, (db) =>
      db
        .selectFrom("mailOutbox")
        .select(["id", "status", "interruptedAttempts", "sentAt"])
        .execute(),
    );
    // The sink stamps with this process's Date, which a test run may shift; the database does not.
    const shift = Date.now() - realNow();
    const firstDelivery = new Map<string, number>();
    for (const mail of sink.received) {
      if (mail.messageId !== null && !firstDelivery.has(mail.messageId)) {
        firstDelivery.set(mail.messageId, mail.receivedAt - shift);
      }
    }
    // Over the sends that were not cut off: their record followed the SMTP server's answer.
    const windows = outbox
      .filter((m) => m.interruptedAttempts === 0)
      .flatMap((m) => {
        const delivered = firstDelivery.get(mailMessageId(m.id));
        return m.sentAt && delivered !== undefined ? [m.sentAt.getTime() - delivered] : [];
      })
      .sort((a, b) => a - b);
    const at = (q: number) =>
      windows[Math.min(windows.length - 1, Math.floor(q * windows.length))] ?? 0;
    const byKind = { "request.create": 0, "request.apply": 0, "links.send": 0, "order.place": 0 };
    for (const ack of acks) byKind[ack.kind] += 1;
    return {
      rounds: options.rounds,
      kills,
      acknowledgedWrites: acks.length,
      acknowledgedByKind: byKind,
      writesLost,
      mails: outbox.length,
      mailsLate: [...late],
      mailsNeverDelivered: outbox
        .filter((m) => m.status === "sent" && sink.deliveries(mailMessageId(m.id)) === 0)
        .map((m) => m.id),
      mailsDoubled: outbox
        .map((m) => ({
          mailId: m.id,
          deliveries: sink.deliveries(mailMessageId(m.id)),
          interruptedAttempts: m.interruptedAttempts,
        }))
        .filter((m) => m.deliveries > 1),
      interruptedAttempts: outbox.reduce((sum, m) => sum + m.interruptedAttempts, 0),
      unrecordedWindowMs: { p50: at(0.5), p99: at(0.99), max: windows.at(-1) ?? 0 },
      restartMs: stats(restartTimes),
      mailRecoveryMs: stats(recoveryTimes),
    };
  }
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@sos/db";
import pg from "pg";
import { scratchServer } from "../cli/drill-scratch";
import type { BenchContext } from "./context";
import { deadlineHour } from "./deadline-hour";
import type { BenchOptions, PairName } from "./options";
import { allocationPair } from "./pairs/allocation";
import { bundlesPair } from "./pairs/bundles";
import { purchaseLinksPair } from "./pairs/purchase-links";
import { registryImportPair } from "./pairs/registry-import";
import { reviewQueuePair } from "./pairs/review-queue";
import { serverProcessesPair } from "./pairs/server-processes";
import { signInPair } from "./pairs/sign-in";
import { surveyAnswerPair } from "./pairs/survey-answer";
import { targetListCsvPair } from "./pairs/target-list-csv";
import { buildApps, startProduct, stopAllChildren } from "./processes";
import { type Goal, num, Report } from "./report";
import { startSmtpCounter } from "./smtp-counter";
import { seedWorld } from "./world";

interface PairRunner {
  run: (context: BenchContext) => Promise<void>;
  /** What the failure line says when the pair cannot be measured. */
  label: string;
  goal: Goal;
}

/** The pairs that need the database and the running product (allocation is pure computation). */
const PAIR_RUNNERS: Record<Exclude<PairName, "allocation">, PairRunner> = {
  survey: {
    run: surveyAnswerPair,
    label: "survey.answer over HTTP (req/s)",
    goal: { op: ">=", value: 0.8 },
  },
  signin: {
    run: signInPair,
    label: "sign-in (argon2id 19 MiB, t=2)",
    goal: { op: ">=", value: 0.8 },
  },
  queue: { run: reviewQueuePair, label: "review queue, name sort", goal: { op: "<=", value: 2 } },
  csv: {
    run: targetListCsvPair,
    label: "target list CSV, Shift_JIS",
    goal: { op: ">=", value: 0.5 },
  },
  mail: {
    run: purchaseLinksPair,
    label: "purchase-link mails to an SMTP sink",
    goal: { op: ">=", value: 0.8 },
  },
  bundles: { run: bundlesPair, label: "first-load JS", goal: { op: "<=", value: 1 } },
  processes: {
    run: serverProcessesPair,
    label: "2 server processes vs 1 (survey.answer req/s)",
    goal: { op: ">=", value: 1 },
  },
  registry: {
    run: registryImportPair,
    label: "registry import (validate + compare + apply)",
    goal: { op: ">=", value: 0.01 },
  },
};

export class Interrupted extends Error {}

/**
 * Ctrl-C (or SIGTERM) rejects `signal`: a pair awaiting it fails at once and the
 * bench's own cleanup still stops the servers it started and drops the scratch
 * database.
 */
function interruption(): { signal: Promise<never>; dispose(): void } {
  let reject: (error: Error) => void = () => {};
  const signal = new Promise<never>((_, r) => {
    reject = r;
  });
  signal.catch(() => {});
  const on = () => {
    console.log("\ninterrupted: stopping the servers and dropping the scratch database…");
    reject(new Interrupted("interrupted"));
    void stopAllChildren();
  };
  process.once("SIGINT", on);
  process.once("SIGTERM", on);
  return {
    signal,
    dispose() {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
    },
  };
}

/**
 * `pnpm bench`: a scratch database with the issue's data set, the product
 * started as `pnpm start` runs it, and every pair of the issue's table measured
 * product and baseline back to back. A pair that fails prints why, counts as
 * missed, and the others go on.
 */
export async function runBench(options: BenchOptions): Promise<{ met: number; missed: number }> {
  const log = (line: string) => console.log(line);
  const report = new Report(log);
  const benchStarted = performance.now();
  const deadline = options.mode === "deadline-hour";
  log(
    deadline
      ? `SOS Supply bench, deadline hour: ${num(options.institutions)} institutions in ${options.minutes} min`
      : `SOS Supply bench${options.quick ? " --quick" : ""}: ${num(options.institutions)} institutions, ${num(options.requests)} requests, ${num(options.targetItems)} target items; ${options.reps} repetitions, product and baseline back to back`,
  );
  if (!deadline && options.only.has("allocation")) {
    // Pure computation: measured first, before the servers load the machine.
    allocationPair(report, log, options.targetItems, options.reps);
    if (options.only.size === 1) return report.summary();
  }
  const server = await scratchServer(process.env.DATABASE_URL ?? null);
  const dataDir = await mkdtemp(join(tmpdir(), "sos-bench-"));
  const sink = await startSmtpCounter();
  let admin: pg.Pool | undefined;
  let db: ReturnType<typeof createDb> | undefined;
  let product: Awaited<ReturnType<typeof startProduct>> | undefined;
  const interrupted = interruption();
  const measure = async (): Promise<{ met: number; missed: number }> => {
    const url = await server.createDatabase("sos_bench");
    const database = new URL(url).pathname.slice(1);
    log(`scratch database ${database} on ${server.label}`);
    db = createDb(url, { max: 8, applicationName: "sos-bench" });
    admin = new pg.Pool({ connectionString: url, max: 4, application_name: "sos-bench-bare" });
    let started = performance.now();
    await migrateToLatest(db, url);
    log(
      `${"migrate from zero".padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`,
    );
    const world = await seedWorld(
      db,
      deadline
        ? { institutions: options.institutions, requests: 0, targetItems: 0, mailItems: 0 }
        : {
            institutions: options.institutions,
            requests: options.requests,
            targetItems: options.targetItems,
            mailItems: options.mails * options.reps,
          },
      log,
    );
    started = performance.now();
    await buildApps(log);
    log(
      `${"build the apps (as pnpm start does)".padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`,
    );
    started = performance.now();
    const productSettings = { databaseUrl: url, smtpUrl: sink.url, dataDir: join(dataDir, "data") };
    product = await startProduct(productSettings);
    log(
      `${`start the product (${product.label})`.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`,
    );
    log(
      `product: ${product.baseUrl}, ${product.nodeProcesses()} node process(es), worker on, mail to ${sink.url}`,
    );
    const context: BenchContext = {
      options,
      report,
      log,
      db,
      admin,
      url,
      database,
      world,
      product,
      productSettings,
      sink,
    };
    if (deadline) {
      await deadlineHour(context);
      return { met: 0, missed: 0 };
    }
    const pairs = Object.entries(PAIR_RUNNERS) as [Exclude<PairName, "allocation">, PairRunner][];
    for (const [name, { run, label, goal }] of pairs) {
      if (!options.only.has(name)) continue;
      try {
        await run(context);
      } catch (error) {
        report.ratio({
          path: label,
          product: "could not be measured",
          baseline: "—",
          ratio: null,
          goal,
          note:
            error instanceof Error
              ? error.message.split("\n").slice(0, 4).join(" / ")
              : String(error),
        });
      }
    }
    log(`\nbench took ${num((performance.now() - benchStarted) / 1000, 0)} s`);
    return report.summary();
  };
  try {
    return await Promise.race([measure(), interrupted.signal]);
  } finally {
    interrupted.dispose();
    await stopAllChildren();
    await product?.stop();
    await db?.destroy();
    await admin?.end();
    await sink.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

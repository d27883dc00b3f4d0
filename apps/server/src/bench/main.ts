import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@sos/db";
import pg from "pg";
import { scratchServer } from "../cli/drill-scratch";
import type { BenchContext } from "./context";
import { deadlineHour } from "./deadline-hour";
import type { BenchOptions, PairName } from "./options";
import { bundlesPair } from "./pairs/bundles";
import { purchaseLinksPair } from "./pairs/purchase-links";
import { reviewQueuePair } from "./pairs/review-queue";
import { serverProcessesPair } from "./pairs/server-processes";
import { signInPair } from "./pairs/sign-in";
import { surveyAnswerPair } from "./pairs/survey-answer";
import { targetListCsvPair } from "./pairs/target-list-csv";
import { buildApps, startProduct } from "./processes";
import { num, Report } from "./report";
import { startSmtpCounter } from "./smtp-counter";
import { seedWorld } from "./world";

const PAIR_RUNNERS: Record<PairName, (context: BenchContext) => Promise<void>> = {
  survey: surveyAnswerPair,
  signin: signInPair,
  queue: reviewQueuePair,
  csv: targetListCsvPair,
  mail: purchaseLinksPair,
  bundles: bundlesPair,
  processes: serverProcessesPair,
};

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
  const server = await scratchServer(process.env.DATABASE_URL ?? null);
  const dataDir = await mkdtemp(join(tmpdir(), "sos-bench-"));
  const sink = await startSmtpCounter();
  let admin: pg.Pool | undefined;
  let db: ReturnType<typeof createDb> | undefined;
  let product: Awaited<ReturnType<typeof startProduct>> | undefined;
  try {
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
    for (const [name, run] of Object.entries(PAIR_RUNNERS) as [
      PairName,
      (c: BenchContext) => Promise<void>,
    ][]) {
      if (!options.only.has(name)) continue;
      try {
        await run(context);
      } catch (error) {
        report.ratio({
          path: name,
          product: "failed",
          baseline: "—",
          ratio: null,
          goal: { op: ">=", value: 1 },
          note:
            error instanceof Error
              ? error.message.split("\n").slice(0, 4).join(" / ")
              : String(error),
        });
      }
    }
    log(`\nbench took ${num((performance.now() - benchStarted) / 1000, 0)} s`);
    return report.summary();
  } finally {
    await product?.stop();
    await db?.destroy();
    await admin?.end();
    await sink.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

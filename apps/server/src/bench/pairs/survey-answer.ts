import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { sql } from "kysely";
import { type BenchContext, figures, mutation } from "../context";
import { measureCpu } from "../cpu";
import { closedLoop, LoadClient, type LoadResult } from "../load";
import { driverUpsert, PGBENCH_CLIENTS, pgbenchAvailable, pgbenchUpsert } from "../pgbench";
import { type Child, freePort, SERVER_DIR, spawnChild, waitUntilReady } from "../processes";
import { median, medianRep, num, quantile, withSpread } from "../report";
import { answerers, sessionsFor } from "../world";

export interface AnswerLoad {
  /** Builds the i-th answer request for a server at baseUrl. */
  call(baseUrl: string, i: number): ReturnType<typeof mutation>;
  count: number;
}

/** `count` institutions with a fresh session each and this week's survey to answer. */
export async function answerLoad(
  context: BenchContext,
  count: number,
  offset = 0,
): Promise<AnswerLoad> {
  const people = await answerers(context.db, context.world.weekStart, count, offset);
  const tokens = await sessionsFor(
    context.db,
    people.map((p) => p.userId),
  );
  return {
    count: people.length,
    call(baseUrl, i) {
      const k = i % people.length;
      const who = people[k];
      // As the institution app sends it: one idempotency key per submission.
      const input = { id: who?.surveyId, ...figures(i), idempotencyKey: randomUUID() };
      return mutation(baseUrl, "survey.answer", input, tokens[k]);
    },
  };
}

export interface ThroughputRun {
  load: LoadResult;
  p99: number;
  serverMsPerAnswer: number;
  postgresMsPerAnswer: number;
}

/** Saturates a server with answers for `seconds`; its rate, p99 and CPU per answer. */
export async function answerThroughput(
  context: BenchContext,
  target: Child,
  load: AnswerLoad,
  seconds: number,
): Promise<ThroughputRun> {
  const client = new LoadClient(target.baseUrl, context.options.connections);
  try {
    const measured = await measureCpu(
      { pgid: target.pid, admin: context.admin, database: context.database },
      () =>
        closedLoop(client, {
          connections: context.options.connections,
          durationMs: seconds * 1000,
          next: (i) => load.call(target.baseUrl, i),
        }),
    );
    const answers = Math.max(1, measured.result.ok);
    return {
      load: measured.result,
      p99: quantile(measured.result.latencies, 0.99),
      serverMsPerAnswer: measured.serverMs / answers,
      postgresMsPerAnswer: measured.postgresMs / answers,
    };
  } finally {
    await client.close();
  }
}

export function describeRun(label: string, run: ThroughputRun): string {
  const busy = run.load.busy > 0 ? `, ${run.load.busy} answered busy (Retry-After)` : "";
  const failures =
    run.load.failed > 0
      ? `, ${run.load.failed} failed (${run.load.status5xx} 5xx)${run.load.samples[0] ? `: ${run.load.samples[0]}` : ""}`
      : "";
  return `${label.padEnd(28)} ${num(run.load.rate).padStart(7)} req/s  p99 ${num(run.p99, 1).padStart(7)} ms  CPU/answer server ${run.serverMsPerAnswer.toFixed(2)} ms, Postgres ${run.postgresMsPerAnswer.toFixed(2)} ms${busy}${failures}`;
}

export async function startBareServer(context: BenchContext): Promise<Child> {
  const port = await freePort();
  const child = spawnChild(
    process.execPath,
    ["--import", "tsx", join("src", "bench", "bare-server.ts")],
    {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: context.url, PORT: String(port) },
      port,
    },
  );
  await waitUntilReady(child, "/readyz");
  return child;
}

/**
 * survey.answer over HTTP against the bare floor: the product (session,
 * validation, lock, update, audit, re-read) and the bare Fastify+tRPC server
 * doing the same write in one statement, back to back, then pgbench's upsert of
 * one survey row; each repetition in that order.
 */
export async function surveyAnswerPair(context: BenchContext): Promise<void> {
  const { options, report } = context;
  report.section(
    `survey.answer over HTTP: ${options.sessions.toLocaleString("en")} institutions' sessions, ${options.connections} connections, ${options.seconds} s per run`,
  );
  const load = await answerLoad(context, options.sessions);
  await sql`drop table if exists bench_answerers`.execute(context.db);
  await sql`create table bench_answerers as
    select row_number() over (order by i.code)::int as n, i.id as institution_id, s.week_start
    from institutions i join weekly_surveys s on s.institution_id = i.id and s.week_start = ${context.world.weekStart}::date
    order by i.code limit ${options.sessions}`.execute(context.db);
  await sql`alter table bench_answerers add primary key (n)`.execute(context.db);
  const pgbench = await pgbenchAvailable();
  report.info(
    pgbench
      ? `pgbench: ${pgbench}, ${PGBENCH_CLIENTS} clients, 2 threads, -M prepared`
      : `pgbench is not installed: the upsert runs from ${PGBENCH_CLIENTS} pg connections in a tight loop instead`,
  );

  const bare = await startBareServer(context);
  try {
    // Warm-up: JIT, pools and prepared statements on both sides, not counted.
    await answerThroughput(context, context.product, load, 2);
    await answerThroughput(context, bare, load, 2);
    const product: ThroughputRun[] = [];
    const floor: ThroughputRun[] = [];
    const bench: number[] = [];
    const driver: number[] = [];
    for (let rep = 1; rep <= options.reps; rep++) {
      const p = await answerThroughput(context, context.product, load, options.seconds);
      const b = await answerThroughput(context, bare, load, options.seconds);
      const tps = pgbench
        ? await pgbenchUpsert(context.url, load.count, options.seconds)
        : await driverUpsert(context.url, load.count, options.seconds);
      const viaDriver = await driverUpsert(
        context.url,
        load.count,
        Math.max(1, Math.round(options.seconds / 2)),
      );
      product.push(p);
      floor.push(b);
      bench.push(tps);
      driver.push(viaDriver);
      report.info(`rep ${rep}: ${describeRun("product", p)}`);
      report.info(`rep ${rep}: ${describeRun("bare, 1 statement", b)}`);
      report.info(
        `rep ${rep}: ${(pgbench ? "pgbench upsert" : "upsert, pg loop").padEnd(28)} ${num(tps).padStart(7)} tps; the same SQL through pg from node: ${num(viaDriver)} /s`,
      );
    }
    const ratios = product.map((p, i) => p.load.rate / (floor[i]?.load.rate ?? Number.NaN));
    report.info(`product / bare per repetition: ${withSpread(ratios, 3)}`);
    // Each line prints the repetition whose ratio is the median, so its figures agree with it.
    const m = medianRep(ratios);
    const mp = product[m];
    const mb = floor[m];
    report.ratio({
      path: "survey.answer over HTTP (req/s)",
      product: `${num(mp?.load.rate ?? Number.NaN)} req/s, p99 ${num(mp?.p99 ?? Number.NaN, 1)} ms`,
      baseline: `bare Fastify+tRPC, 1 statement ${num(mb?.load.rate ?? Number.NaN)} req/s, p99 ${num(mb?.p99 ?? Number.NaN, 1)} ms`,
      ratio: ratios[m] ?? null,
      goal: { op: ">=", value: 0.8 },
    });
    const ofPgbench = product.map((p, i) => p.load.rate / (bench[i] ?? Number.NaN));
    const g = medianRep(ofPgbench);
    report.ratio({
      path: "survey.answer over HTTP vs pgbench (req/s / tps)",
      product: `${num(product[g]?.load.rate ?? Number.NaN)} req/s`,
      baseline: `${pgbench ? "pgbench" : "pg loop"} upsert of one survey row ${num(bench[g] ?? Number.NaN)} tps (through pg from node ${num(median(driver))} /s)`,
      ratio: ofPgbench[g] ?? null,
      goal: { op: ">=", value: 0.35 },
    });
    const cpuPairs = [
      {
        path: "CPU per answer, server process",
        pick: (r: ThroughputRun) => r.serverMsPerAnswer,
        goal: 1.5,
      },
      {
        path: "CPU per answer, PostgreSQL",
        pick: (r: ThroughputRun) => r.postgresMsPerAnswer,
        goal: 1.2,
      },
    ];
    for (const { path, pick, goal } of cpuPairs) {
      const cpuRatios = product.map((p, i) => pick(p) / (floor[i] ? pick(floor[i]) : Number.NaN));
      const c = medianRep(cpuRatios);
      const cp = product[c];
      const cb = floor[c];
      report.ratio({
        path,
        product: `${cp ? pick(cp).toFixed(2) : "n/a"} ms`,
        baseline: `bare ${cb ? pick(cb).toFixed(2) : "n/a"} ms`,
        ratio: cpuRatios[c] ?? null,
        goal: { op: "<=", value: goal },
      });
    }
  } finally {
    await bare.stop();
  }
}

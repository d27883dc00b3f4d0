import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWeeklySurveys } from "@sos/api";
import { callerFor, createTestUser } from "@sos/api/testing";
import { createDb, type Db, ensureDatabase, migrateToLatest, startEmbeddedPostgres } from "@sos/db";
import { surveyWeekOf } from "@sos/rules";
import { sql } from "kysely";
import { seedNational } from "../seed/national";

/**
 * `pnpm bench [--institutions N]`: builds a national-scale data set in a scratch
 * database (on DATABASE_URL's server, or an embedded PostgreSQL) and prints how
 * long the heavy paths take. Figures, never assertions: these machines are shared.
 */
const DEFAULT_INSTITUTIONS = 180_000;
const RUNS = 20;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(8)} ms`);
  return result;
}

async function percentiles(label: string, fn: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  console.log(
    `${label.padEnd(58)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`,
  );
}

/** Files a reviewing request for every institution whose current survey is eligible. */
async function fileEligibleRequests(db: Db, weekStart: string, createdBy: string): Promise<number> {
  const result = await sql`
    insert into sos_requests (institution_id, prefecture_code, week_start, status, review_stage,
      conditions_confirmed, contact_name, survey_id, applied_at, created_by,
      checked_stock, checked_consumption, checked_purchases, checked_limit_sets)
    select i.id, i.prefecture_code, s.week_start, 'reviewing', 'prefecture', true, '担当者',
      s.id, s.answered_at, ${createdBy}, s.stock, s.consumption, s.purchases,
      ceil(s.consumption * 2 / 1000.0)::int
    from weekly_surveys s join institutions i on i.id = s.institution_id
    where s.week_start = ${weekStart} and s.answered_at is not null
      and s.stock < (s.consumption - s.purchases) * 4`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function main(): Promise<void> {
  const institutions = Number(argValue("--institutions") ?? DEFAULT_INSTITUTIONS);
  const name = `sos_bench_${randomBytes(4).toString("hex")}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    await ensureDatabase(admin, name);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const adminDb = createDb(admin, { max: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(adminDb);
      await adminDb.destroy();
    };
  } else {
    const parent = await mkdtemp(join(tmpdir(), "sos-bench-"));
    const server = await startEmbeddedPostgres({
      dataDir: join(parent, "data"),
      port: 54391,
      database: name,
    });
    url = server.url;
    cleanup = async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    };
  }
  const db = createDb(url, { max: 4, applicationName: "sos-bench" });
  try {
    console.log(
      `SOS Supply bench: ${institutions.toLocaleString("en")} institutions, scratch database ${name}\n`,
    );
    await timed("migrate from zero", () => migrateToLatest(db, url));
    await timed(`seed national data (${institutions} institutions, 2 weeks)`, () =>
      seedNational(db, { institutions, weeks: 2, log: () => {} }),
    );
    const now = new Date();
    const next = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    const created = await timed("weekly survey job: a new week for every institution", () =>
      createWeeklySurveys(db, { now: next }),
    );
    console.log(`${"  records created".padEnd(58)} ${String(created.created).padStart(8)}`);
    await timed("weekly survey job: rerun of a complete week (idempotent)", () =>
      createWeeklySurveys(db, { now: next }),
    );

    const ministry = await createTestUser(db, "ministry");
    const tokyo = await createTestUser(db, "prefecture", { prefectureCode: 13 });
    const filed = await timed("file reviewing requests for eligible institutions (SQL)", () =>
      fileEligibleRequests(db, surveyWeekOf(now).weekStart, ministry.user.id),
    );
    console.log(`${"  requests in review".padEnd(58)} ${String(filed).padStart(8)}`);
    await sql`analyze`.execute(db);

    const { caller: nation } = await callerFor(db, ministry.user);
    const { caller: prefecture } = await callerFor(db, tokyo.user);
    const base = {
      status: "reviewing",
      sort: "appliedAt",
      dir: "asc",
      page: 1,
      pageSize: 50,
    } as const;
    await percentiles("review.queue, Tokyo officer, page 1", () => prefecture.review.queue(base));
    await percentiles("review.queue, ministry nationwide, page 1", () => nation.review.queue(base));
    await percentiles("review.queue, ministry nationwide, page 100", () =>
      nation.review.queue({ ...base, page: 100 }),
    );
    await percentiles("review.queue, ministry nationwide, by institution name", () =>
      nation.review.queue({ ...base, sort: "institutionName" }),
    );
    await percentiles("review.ministryProgress (47 prefectures)", () =>
      nation.review.ministryProgress({}),
    );
    await percentiles("review.deadlines", () => prefecture.review.deadlines());
  } finally {
    await db.destroy();
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exitCode = 1;
});

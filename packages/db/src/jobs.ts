import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";

export interface AddJobOptions {
  /** Deduplicates: a second job with the same key replaces the pending one. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Enqueues a graphile-worker job with plain SQL, so it joins whatever
 * transaction `db` is: a rolled-back transaction leaves no job behind.
 */
export async function addJob(
  db: Kysely<Database>,
  task: string,
  payload: Record<string, unknown>,
  options: AddJobOptions = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${task},
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key => ${options.jobKey ?? null}::text
  )`.execute(db);
}

export interface JobSpec extends AddJobOptions {
  task: string;
  /** An object, or an array for a batch job (graphile-worker retries only its failed entries). */
  payload: Record<string, unknown> | readonly Record<string, unknown>[];
}

/**
 * Enqueues many jobs in one statement (graphile_worker.add_jobs), in whatever
 * transaction `db` is, as addJob does for one.
 */
export async function addJobs(db: Kysely<Database>, specs: readonly JobSpec[]): Promise<void> {
  if (specs.length === 0) return;
  await sql`select count(*) from graphile_worker.add_jobs(array(
    select (u.task, u.payload::json, null, u.run_at, u.max_attempts::smallint, u.job_key, null,
      null)::graphile_worker.job_spec
    from unnest(${specs.map((s) => s.task)}::text[], ${specs.map((s) => JSON.stringify(s.payload))}::text[],
      ${specs.map((s) => s.runAt ?? null)}::timestamptz[], ${specs.map((s) => s.maxAttempts ?? 10)}::int[],
      ${specs.map((s) => s.jobKey ?? null)}::text[])
      as u(task, payload, run_at, max_attempts, job_key)
  ))`.execute(db);
}

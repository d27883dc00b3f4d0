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

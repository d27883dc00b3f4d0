import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * The database floor for one answer: an upsert of one survey row, nothing else.
 * pgbench when it is installed (Debian: apt-get install postgresql-contrib);
 * otherwise the same statement from as many pg connections in a tight loop.
 * Both read the institution to answer for from bench_answerers (n → institution,
 * week), which the survey pair fills with the institutions it answers for.
 */
export const UPSERT_SQL = `insert into weekly_surveys
  (institution_id, week_start, stock, consumption, purchases, answered_at, updated_at)
select institution_id, week_start, 1000 + $1 % 5000, 900, 300, now(), now()
from bench_answerers where n = $1
on conflict (institution_id, week_start) do update
  set stock = excluded.stock, consumption = excluded.consumption, purchases = excluded.purchases,
      answered_at = excluded.answered_at, updated_at = excluded.updated_at`;

export const PGBENCH_CLIENTS = 8;

export async function pgbenchAvailable(): Promise<string | null> {
  try {
    const { stdout } = await run("pgbench", ["--version"]);
    return stdout.trim();
  } catch {
    return null;
  }
}

/** Transactions per second of pgbench running the upsert for `seconds`. */
export async function pgbenchUpsert(url: string, count: number, seconds: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "sos-pgbench-"));
  try {
    const script = join(dir, "upsert.sql");
    // pgbench's own variables: :n becomes $1 of the prepared statement.
    await writeFile(
      script,
      `\\set n random(1, ${count})\n${UPSERT_SQL.replaceAll("$1", ":n").replaceAll("\n", " ")};\n`,
    );
    const { stdout } = await run(
      "pgbench",
      [
        "-n",
        "-M",
        "prepared",
        "-c",
        String(PGBENCH_CLIENTS),
        "-j",
        "2",
        "-T",
        String(seconds),
        "-f",
        script,
        url,
      ],
      { maxBuffer: 10 * 1024 * 1024 },
    );
    const tps = /tps = ([0-9.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (tps === undefined) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(tps);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same upsert through node's pg driver: `clients` connections, each in a tight loop. */
export async function driverUpsert(
  url: string,
  count: number,
  seconds: number,
  clients = PGBENCH_CLIENTS,
): Promise<number> {
  const pool = new pg.Pool({
    connectionString: url,
    max: clients,
    application_name: "sos-bench-pg",
  });
  try {
    let done = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const lane = async () => {
      while (performance.now() < deadline) {
        const n = 1 + Math.floor(Math.random() * count);
        await pool.query({ name: "bench-upsert", text: UPSERT_SQL, values: [n] });
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: clients }, lane));
    return (done * 1000) / (performance.now() - started);
  } finally {
    await pool.end();
  }
}

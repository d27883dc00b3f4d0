import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/**
 * CPU time from /proc, in milliseconds: what a process (or a group of them)
 * has used, read before and after a measurement. On this 2-core box the load
 * generator, the server and PostgreSQL share the cores, so CPU per answer is the
 * figure that predicts how far a bigger machine scales; wall-clock rates do not.
 */

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  comm: string;
  pgrp: number;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name is in parentheses and may itself hold spaces or parentheses.
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  // After the name: state(3) ppid(4) pgrp(5) ... utime(14) stime(15), counted from 1.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return {
    pid,
    comm: text.slice(open + 1, close),
    pgrp: Number(fields[2]),
    cpuMs: ((utime + stime) * 1000) / clockTicks(),
  };
}

/** Every process of a process group (a child spawned with `detached: true` leads its own). */
export function processGroup(pgid: number): ProcStat[] {
  const found: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat !== null && stat.pgrp === pgid) found.push(stat);
  }
  return found;
}

export type CpuSnapshot = ReadonlyMap<number, number>;

export function snapshotPids(pids: readonly number[]): CpuSnapshot {
  const map = new Map<number, number>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat !== null) map.set(pid, stat.cpuMs);
  }
  return map;
}

/** CPU used between two snapshots; a process that appeared in between started from zero. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** A process group's CPU (the server and anything it forked), excluding PostgreSQL it may have started. */
export function groupSnapshot(pgid: number): CpuSnapshot {
  return snapshotPids(
    processGroup(pgid)
      .filter((p) => !p.comm.startsWith("postgres"))
      .map((p) => p.pid),
  );
}

/**
 * PostgreSQL's backends serving one database (what the server or the baseline
 * made it do), by pid from pg_stat_activity. Background processes (WAL writer,
 * checkpointer) serve every database of the cluster and are left out for
 * product and baseline alike.
 */
export async function backendSnapshot(admin: pg.Pool, database: string): Promise<CpuSnapshot> {
  const { rows } = await admin.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
    [database],
  );
  return snapshotPids(rows.map((r) => r.pid));
}

/** CPU of a process group and of a database's backends over `work`. */
export async function measureCpu<T>(
  target: { pgid: number | null; admin: pg.Pool; database: string },
  work: () => Promise<T>,
): Promise<{ result: T; serverMs: number; postgresMs: number }> {
  const serverBefore = target.pgid === null ? new Map() : groupSnapshot(target.pgid);
  const pgBefore = await backendSnapshot(target.admin, target.database);
  const result = await work();
  const pgAfter = await backendSnapshot(target.admin, target.database);
  const serverAfter = target.pgid === null ? new Map() : groupSnapshot(target.pgid);
  return {
    result,
    serverMs: cpuBetween(serverBefore, serverAfter),
    postgresMs: cpuBetween(pgBefore, pgAfter),
  };
}

/** The whole machine's CPU (every process, other users' too) from /proc/stat, in ms: busy and total. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const toMs = (t: number) => (t * 1000) / clockTicks();
  return { busyMs: toMs(total - idle), totalMs: toMs(total) };
}

import { availableParallelism } from "node:os";
import type { ServerConfig } from "../config";

export interface ProcessCount {
  count: number;
  /** Why this many, for the start banner. */
  reason: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1", ""]);

/** The embedded PostgreSQL, or a DATABASE_URL on this machine (loopback or a Unix socket). */
export function databaseOnThisMachine(databaseUrl: string | null): boolean {
  if (databaseUrl === null) return true;
  // ?host=/var/run/postgresql: a Unix socket, so this machine (new URL refuses "user@/db").
  if (/[?&]host=(\/|%2F)/i.test(databaseUrl)) return true;
  try {
    return LOOPBACK.has(new URL(databaseUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * SERVER_PROCESSES when set. Otherwise one process per core when PostgreSQL runs
 * elsewhere; when it shares the machine, half the cores (at least one): each
 * answer costs PostgreSQL about as much CPU as the server (the bench prints both),
 * so a server process per core would leave the database starved and add nothing.
 */
export function serverProcessCount(
  config: Pick<ServerConfig, "serverProcesses" | "databaseUrl">,
  cores: number = availableParallelism(),
): ProcessCount {
  if (config.serverProcesses !== null) {
    return { count: config.serverProcesses, reason: "SERVER_PROCESSES" };
  }
  if (!databaseOnThisMachine(config.databaseUrl)) {
    return { count: cores, reason: `${cores} cores, PostgreSQL on another machine` };
  }
  const count = Math.max(1, Math.floor(cores / 2));
  return { count, reason: `${cores} cores shared with PostgreSQL` };
}

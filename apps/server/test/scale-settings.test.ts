import { describe, expect, it } from "vitest";
import { databaseOnThisMachine, serverProcessCount } from "../src/cluster/process-count";
import { ConfigError, loadConfig } from "../src/config";

describe("scale-out settings", () => {
  it("reads SERVER_PROCESSES, DATABASE_WORKER_URL and DATABASE_READ_URL", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://app@pgbouncer:6432/sos",
      DATABASE_WORKER_URL: "postgres://app@db:5432/sos",
      DATABASE_READ_URL: "postgres://app@replica:5432/sos",
      SERVER_PROCESSES: "3",
    });
    expect(config).toMatchObject({
      databaseWorkerUrl: "postgres://app@db:5432/sos",
      databaseReadUrl: "postgres://app@replica:5432/sos",
      serverProcesses: 3,
    });
    expect(loadConfig({}).serverProcesses).toBeNull();
    expect(loadConfig({ SERVER_PROCESSES: "auto" }).serverProcesses).toBeNull();
  });

  it("refuses a process count out of range and extra URLs without DATABASE_URL, in Japanese", () => {
    for (const value of ["0", "65", "two", "1.5"]) {
      expect(() => loadConfig({ SERVER_PROCESSES: value })).toThrow(/1〜64 の整数/);
    }
    const refused = (() => {
      try {
        loadConfig({ DATABASE_READ_URL: "postgres://replica/sos" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      "  DATABASE_READ_URL: DATABASE_URL（外部の PostgreSQL）と一緒に指定してください",
    ]);
    expect(() => loadConfig({ DATABASE_READ_URL: "mysql://replica/sos" })).toThrow(/postgres:\/\//);
  });

  it("defaults to half the cores beside PostgreSQL, every core when it runs elsewhere", () => {
    const local = { serverProcesses: null, databaseUrl: null };
    expect(serverProcessCount(local, 2).count).toBe(1);
    expect(serverProcessCount(local, 8).count).toBe(4);
    expect(serverProcessCount(local, 1).count).toBe(1);
    const loopback = { serverProcesses: null, databaseUrl: "postgres://postgres@127.0.0.1:5432/x" };
    expect(serverProcessCount(loopback, 8).count).toBe(4);
    const remote = { serverProcesses: null, databaseUrl: "postgres://app@db.internal:5432/sos" };
    expect(serverProcessCount(remote, 8).count).toBe(8);
    expect(serverProcessCount({ ...remote, serverProcesses: 2 }, 8)).toEqual({
      count: 2,
      reason: "SERVER_PROCESSES",
    });
    expect(databaseOnThisMachine("postgres://app@/sos?host=/var/run/postgresql")).toBe(true);
    expect(databaseOnThisMachine("postgres://app@localhost/sos")).toBe(true);
  });
});

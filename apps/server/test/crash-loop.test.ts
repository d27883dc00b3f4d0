import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrashLoop } from "./crash/crash-loop";
import { crashVerdict } from "./crash/verdict";

// The reduced form of `pnpm test:crash` (50 rounds on the embedded PostgreSQL):
// a few rounds on the suite's PostgreSQL, so that a change that loses a write or
// strands a mail after kill -9 fails the ordinary test run.

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb.destroy();
});

describe("kill -9 in the middle of purchases, applies and purchase-link sends", () => {
  it("loses no acknowledged write, sends every mail within 60 s of the restart, none twice unexplained", async () => {
    const report = await runCrashLoop({
      rounds: 2,
      seed: 20261207,
      database: { kind: "external", url: tdb.url },
      appliersPerRound: 8,
      linkItemsPerRound: 6,
    });
    const verdict = crashVerdict(report);
    console.log(verdict.summary);
    expect(report.acknowledgedWrites).toBeGreaterThan(0);
    expect(report.writesLost).toEqual([]);
    expect(report.mailsLate).toEqual([]);
    expect(report.mailsNeverDelivered).toEqual([]);
    expect(verdict.passed, verdict.summary).toBe(true);
  }, 240_000);
});

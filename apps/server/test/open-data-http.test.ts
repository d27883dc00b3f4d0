import { createHash } from "node:crypto";
import { createTestUser, type TestUser } from "@sos/api/testing";
import type { Db } from "@sos/db";
import {
  type AllocationInput,
  allocate,
  canonicalJson,
  DEFAULT_ALLOCATION_PARAMETERS,
  seedCommitment,
} from "@sos/rules";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISH_WEEKLY_FIGURES_TASK, scheduledTasks } from "../src/worker/scheduled";
import { listAccepted } from "./support/target-list";
import { startTestServer, type TestServer } from "./support/test-server";

/** Request week 2026-11-25: cutoff Wed 2026-12-02 17:00 Tokyo; its figures are due Wed 2026-12-09 17:00. */
const WEEK = "2026-11-25";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let server: TestServer;
let db: Db;
let ministry: TestUser;
let institution: TestUser;

/** A committed run as the allocation service records it: canonical input and result, seed revealed. */
async function commitRun(weekStart: string): Promise<void> {
  const seed = "a3f1c0ffee".repeat(6);
  const input: AllocationInput = {
    supply: [{ size: "M", sets: 5 }],
    requests: ["0f1e2d3c4b5a6978", "8796a5b4c3d2e1f0", "1234567890abcdef", "fedcba0987654321"].map(
      (code, i) => ({
        code,
        supplyAgreement: i === 0,
        stock: 1000 * i,
        consumption: 1000,
        purchases: 200,
        limitSets: 3,
        requested: { M: 3 },
      }),
    ),
    parameters: DEFAULT_ALLOCATION_PARAMETERS,
    seed,
  };
  const inputJson = canonicalJson(input);
  const resultJson = canonicalJson(allocate(input));
  const at = new Date("2026-12-03T03:00:00Z");
  await db
    .insertInto("allocationSeeds")
    .values({
      weekStart,
      seed,
      seedSha256: seedCommitment(seed),
      committedBy: ministry.user.id,
      committedAt: new Date("2026-11-30T00:00:00Z"),
      revealedAt: at,
    })
    .execute();
  await db
    .insertInto("allocationRuns")
    .values({
      weekStart,
      rule: "sos-allocation/1",
      inputJson,
      resultJson,
      inputSha256: sha256(inputJson),
      resultSha256: sha256(resultJson),
      parametersReason: null,
      committedBy: ministry.user.id,
      committedAt: at,
    })
    .execute();
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: "manual" });

/** The worker's task, run as graphile-worker runs it, on a fixed clock. */
async function runPublishTask(local: string): Promise<string[]> {
  const logged: string[] = [];
  const helpers = { logger: { info: (m: string) => logged.push(m) } } as unknown as JobHelpers;
  const task = scheduledTasks(db, () => new Date(`${local.replace(" ", "T")}+09:00`))[
    PUBLISH_WEEKLY_FIGURES_TASK
  ];
  await task?.({}, helpers);
  return logged;
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date("2026-12-10T00:00:00Z") });
  db = server.tdb.db;
  ministry = await createTestUser(db, "ministry");
  institution = await createTestUser(db, "institution");
  await listAccepted(db, {
    filedBy: institution.user,
    issuedBy: ministry.user.id,
    number: 1,
    weekStart: WEEK,
    issuedAt: new Date("2026-12-03T06:00:00Z"),
    limitSets: 2,
  });
  await commitRun(WEEK);
});

afterAll(async () => {
  await server.close();
});

describe("GET /open-data/allocation/<week>/{input,result}.json (no sign-in)", () => {
  it("anyone recomputes the week from the downloaded input and gets the downloaded result byte for byte", async () => {
    const input = await get(`/open-data/allocation/${WEEK}/input.json`);
    const result = await get(`/open-data/allocation/${WEEK}/result.json`);
    expect([input.status, result.status]).toEqual([200, 200]);
    const inputText = await input.text();
    const resultText = await result.text();
    expect(canonicalJson(allocate(JSON.parse(inputText) as AllocationInput))).toBe(resultText);
    // The seed in the file is the one committed before the cutoff.
    const seed = (JSON.parse(inputText) as AllocationInput).seed;
    const row = await db.selectFrom("allocationSeeds").selectAll().executeTakeFirstOrThrow();
    expect(seedCommitment(seed)).toBe(row.seedSha256);
  });

  it("says what it is: JSON, a file name, its SHA-256 as ETag and Repr-Digest, readable from any site", async () => {
    const response = await get(`/open-data/allocation/${WEEK}/result.json`);
    const body = await response.text();
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      `filename="sos-allocation-${WEEK}-result.json"`,
    );
    expect(response.headers.get("etag")).toBe(`"${sha256(body)}"`);
    expect(response.headers.get("repr-digest")).toBe(
      `sha-256=:${createHash("sha256").update(body).digest("base64")}:`,
    );
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers 404 in Japanese for a week without a run, a wrong name or an impossible date", async () => {
    for (const path of [
      "/open-data/allocation/2026-12-02/input.json",
      `/open-data/allocation/${WEEK}/seed.json`,
      "/open-data/allocation/2026-02-30/input.json",
      "/open-data/allocation/..%2F..%2Fetc/input.json",
    ]) {
      const response = await get(path, { accept: "application/json" });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("見つかりません");
    }
  });

  it("/open-data leads to the public page", async () => {
    const response = await get("/open-data");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/review/open-data");
  });
});

describe("the weekly figures: published by the worker's job after the cutoff, then served", () => {
  it("the job publishes nothing before the week's figures are due, and they are not served", async () => {
    expect(await runPublishTask("2026-12-09 16:59:59")).toEqual([]);
    expect((await get(`/open-data/figures/${WEEK}.csv`)).status).toBe(404);
  });

  it("after the cutoff the job publishes them once, and anyone downloads the CSV and the JSON", async () => {
    expect(await runPublishTask("2026-12-09 17:05:00")).toEqual([
      `週次集計を公開しました: ${WEEK}`,
    ]);
    expect(await runPublishTask("2026-12-09 17:10:00")).toEqual([]);
    const csv = await get(`/open-data/figures/${WEEK}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^week_start,cutoff_at,as_of,prefecture_code,/);
    // One request of a Tokyo hospital: a small cell, withheld (its approval is not recorded).
    const tokyo = text.split("\r\n").find((line) => line.includes(",13,東京都,hospital,病院,M,"));
    expect(tokyo).toBe(
      `${WEEK},2026-12-02T17:00:00+09:00,2026-12-09T17:00:00+09:00,13,東京都,hospital,病院,M,x,0,0,0`,
    );
    expect(text).not.toContain(institution.user.institutionId ?? "none");
    const json = await get(`/open-data/figures/${WEEK}.json`);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.parse(await json.text())).toMatchObject({
      weekStart: WEEK,
      asOf: "2026-12-09T17:00:00+09:00",
    });
    expect((await get(`/open-data/figures/${WEEK}.xlsx`)).status).toBe(404);
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { GLOVE_SIZES, INSTITUTION_TYPES, PREFECTURES } from "@sos/domain";
import { allocate, canonicalJson, linesOf } from "@sos/rules";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AllocationActor,
  commitAllocation,
  commitSeed,
  stateWeekSupply,
} from "../src/services/allocation/allocation";
import {
  buildWeeklyFigures,
  figuresAsOf,
  publishDueFigures,
} from "../src/services/open-data/figures";
import { openFiguresFile, openRunFile } from "../src/services/open-data/files";
import { createTestContext } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { createInstitutionWorld, type InstitutionWorld, jst } from "./fixtures/institution-world";
import {
  AS_OF,
  buildOpenDataWeek,
  CUTOFF,
  type OpenDataWeek,
  placeOrders,
  WEEK,
} from "./fixtures/open-data-world";
import { putProduct } from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let week: OpenDataWeek;
let ministry: AllocationActor;

const NEXT_WEEK = "2026-12-02";

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  ministry = { userId: world.ministry.user.id, role: "ministry" };
  const { sizeIds } = await putProduct(db, { M: 100, L: 100 });
  week = await buildOpenDataWeek(db, ministry.userId);
  await commitSeed(db, { weekStart: WEEK, actor: ministry, now: jst("2026-11-30 09:00:00") });
  // Demand in M: 7 × 2 + 2 × 1 = 16 against 10 sets: rationed. L: 6 against 10: fits.
  for (const [size, sets] of [
    ["M", 10],
    ["L", 10],
  ] as const) {
    await stateWeekSupply(db, {
      weekStart: WEEK,
      size,
      sets,
      actor: ministry,
      now: jst("2026-11-30 09:00:00"),
    });
  }
  await commitAllocation(db, {
    weekStart: WEEK,
    reason: null,
    actor: ministry,
    now: jst("2026-12-03 18:00:00"),
  });
  await placeOrders(db, week, sizeIds);
  // The next week has its seed fixed, and its cutoff is still ahead at the page's clock below.
  await commitSeed(db, { weekStart: NEXT_WEEK, actor: ministry, now: jst("2026-12-04 09:00:00") });
});

afterAll(async () => {
  await tdb.destroy();
});

const anonymous = (local: string) =>
  createTestCaller(createTestContext(db, { now: () => jst(local) }));

/** Everything that could name an institution of the week. */
const identities = () => [
  ...week.institutionIds,
  ...week.institutionCodes,
  ...week.institutionNames,
  ...week.requestIds,
];

const published = () =>
  db.selectFrom("openWeeklyFigures").selectAll().orderBy("weekStart").execute();

describe("the weekly figures job: after the cutoff, not before, once", () => {
  it("WEEK's figures are as of the next week's Wednesday 17:00 cutoff", () => {
    expect(figuresAsOf(WEEK)).toEqual(jst(AS_OF));
  });

  it("publishes nothing a second before", async () => {
    expect(await publishDueFigures(db, jst("2026-12-09 16:59:59"))).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it("publishes the week within the hour after (the job runs every five minutes), then never again", async () => {
    const at = jst("2026-12-09 17:05:00");
    expect(await publishDueFigures(db, at)).toEqual([WEEK]);
    const [row] = await published();
    expect(row).toMatchObject({
      weekStart: WEEK,
      asOf: jst(AS_OF),
      publishedAt: at,
      rowCount: 47 * 5 * 5,
    });
    expect(await publishDueFigures(db, jst("2026-12-09 17:10:00"))).toEqual([]);
    expect(await published()).toEqual([row]);
  });

  it("catches up the weeks missed while no job ran, each as of its own cutoff", async () => {
    const before = (await published())[0];
    const done = await publishDueFigures(db, jst("2026-12-30 17:05:00"));
    expect(done).toEqual(["2026-12-02", "2026-12-09", "2026-12-16"]);
    const rows = await published();
    expect(rows.map((r) => [r.weekStart, r.asOf])).toEqual([
      [WEEK, jst(AS_OF)],
      ["2026-12-02", jst("2026-12-16 17:00:00")],
      ["2026-12-09", jst("2026-12-23 17:00:00")],
      ["2026-12-16", jst("2026-12-30 17:00:00")],
    ]);
    expect(rows[0]).toEqual(before);
    // A late run says what the on-time run said: the order of Dec 10 is after the as-of instant.
    const again = await buildWeeklyFigures(db, WEEK);
    expect(again.csvSha256).toBe(before?.csvSha256);
    expect(again.jsonSha256).toBe(before?.jsonSha256);
  });

  it("the database keeps published figures as published", async () => {
    await expect(
      sql`update open_weekly_figures set csv = 'x' where week_start = ${WEEK}`.execute(db),
    ).rejects.toThrow(/変更・削除できません/);
    await expect(
      sql`delete from open_weekly_figures where week_start = ${WEEK}`.execute(db),
    ).rejects.toThrow(/変更・削除できません/);
    await expect(
      db
        .insertInto("openWeeklyFigures")
        .values({
          weekStart: "2027-01-06",
          asOf: jst("2027-01-20 17:00:00"),
          publishedAt: jst("2027-01-20 17:05:00"),
          rowCount: 0,
          suppressedCells: 0,
          csv: "a",
          json: "{}",
          csvSha256: "0".repeat(64),
          jsonSha256: "0".repeat(64),
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

type JsonRow = {
  prefectureCode: number;
  prefecture: string;
  institutionType: string;
  size: string;
  requests: number | null;
  approvals: number | null;
  allocatedSets: number | null;
  boughtSets: number | null;
  suppressed: string[];
};

async function files() {
  const csv = (await openFiguresFile(db, WEEK, "csv"))?.body ?? "";
  const json = JSON.parse((await openFiguresFile(db, WEEK, "json"))?.body ?? "{}") as {
    dataset: string;
    weekStart: string;
    cutoffAt: string;
    asOf: string;
    allocationCommitted: boolean;
    rows: JsonRow[];
  };
  return { csv, json };
}

const rowOf = (rows: JsonRow[], p: number, type: string, size: string) =>
  rows.find((r) => r.prefectureCode === p && r.institutionType === type && r.size === size);

describe("the published files", () => {
  it("the JSON: ISO 8601 dates, every prefecture × type × size, the figures as of the cutoff", async () => {
    const { json } = await files();
    expect(json).toMatchObject({
      dataset: "sos-weekly-figures/1",
      weekStart: "2026-11-25",
      cutoffAt: "2026-12-02T17:00:00+09:00",
      asOf: "2026-12-09T17:00:00+09:00",
      allocationCommitted: true,
    });
    expect(json.rows).toHaveLength(
      PREFECTURES.length * INSTITUTION_TYPES.length * GLOVE_SIZES.length,
    );
    const allocation = JSON.parse((await openRunFile(db, WEEK, "result"))?.body ?? "{}");
    const allocatedM = allocation.sizes.find((s: { size: string }) => s.size === "M").allocatedSets;
    // The hospitals: 5 purchases of 2 sets (the 6th came after the as-of instant). Their
    // approvals and allocated sets are withheld beside the 2 clinics' (secondary suppression:
    // Tokyo's M total over the types would give the clinics' back); and their approvals' row
    // partner is a size nobody asked for, whose published 0 requests would tell it is 0, so
    // that 0 is withheld too, and then the 7 requests beside it.
    const hospitals = rowOf(json.rows, 13, "hospital", "M");
    expect(hospitals).toMatchObject({
      prefecture: "東京都",
      requests: null,
      approvals: null,
      allocatedSets: null,
      boughtSets: 10,
      suppressed: ["requests", "approvals", "allocatedSets"],
    });
    // M was rationed (16 asked, 10 supplied), so the run exists and the column is filled.
    expect(allocatedM).toBe(10);
    // Osaka's clinics: the one purchase withheld, and (the same way) the counts that bound it.
    expect(rowOf(json.rows, 27, "clinic", "L")).toMatchObject({
      requests: null,
      approvals: null,
      allocatedSets: 6,
      boughtSets: null,
      suppressed: ["requests", "approvals", "boughtSets"],
    });
    // A withheld zero is never given away by a published zero that bounds it.
    for (const row of json.rows) {
      if (row.requests === 0) expect(row.suppressed, JSON.stringify(row)).toEqual([]);
    }
    // Tokyo's 2 clinics and 1 pharmacy: every figure that rests on them withheld.
    expect(rowOf(json.rows, 13, "clinic", "M")).toMatchObject({
      requests: null,
      approvals: null,
      allocatedSets: null,
      suppressed: expect.arrayContaining(["requests", "approvals", "allocatedSets"]),
    });
    expect(rowOf(json.rows, 13, "pharmacy", "M")).toMatchObject({ requests: null, approvals: 0 });
  });

  it("the CSV says the same as the JSON, with x where a cell is withheld", async () => {
    const { csv, json } = await files();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "week_start,cutoff_at,as_of,prefecture_code,prefecture,institution_type,institution_type_ja,size,requests,approvals,allocated_sets,bought_sets",
    );
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(json.rows.length + 2);
    expect(lines).toContain(
      "2026-11-25,2026-12-02T17:00:00+09:00,2026-12-09T17:00:00+09:00,13,東京都,hospital,病院,M,x,x,x,10",
    );
    expect(lines).toContain(
      "2026-11-25,2026-12-02T17:00:00+09:00,2026-12-09T17:00:00+09:00,27,大阪府,clinic,診療所（歯科を含む）,L,x,x,6,x",
    );
    const text = (v: number | null, hidden: boolean) =>
      hidden ? "x" : v === null ? "" : String(v);
    json.rows.forEach((row, i) => {
      const cells = lines[i + 1]?.split(",") ?? [];
      expect([cells[3], cells[5], cells[7]]).toEqual([
        String(row.prefectureCode),
        row.institutionType,
        row.size,
      ]);
      expect(cells.slice(8)).toEqual([
        text(row.requests, row.suppressed.includes("requests")),
        text(row.approvals, row.suppressed.includes("approvals")),
        text(row.allocatedSets, row.suppressed.includes("allocatedSets")),
        text(row.boughtSets, row.suppressed.includes("boughtSets")),
      ]);
    });
  });

  it("no withheld cell comes back from a row, column or national per-size total", async () => {
    const { json } = await files();
    const cells = json.rows.map((r) => ({
      key: [r.prefectureCode, r.institutionType, r.size],
      value: 0,
      contributors: 0,
    }));
    for (const measure of ["requests", "approvals", "allocatedSets", "boughtSets"]) {
      const hidden = json.rows.map((r) => r.suppressed.includes(measure));
      expect(hidden.some(Boolean), `${measure} has withheld cells`).toBe(true);
      for (const line of linesOf(cells, 2)) {
        const n = line.filter((i) => hidden[i]).length;
        expect(n === 0 || n >= 2, `${measure}: a line with ${n} withheld`).toBe(true);
      }
    }
  });

  it("names no institution and no request", async () => {
    const { csv } = await files();
    const json = (await openFiguresFile(db, WEEK, "json"))?.body ?? "";
    for (const secret of identities()) {
      expect(csv).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
  });
});

describe("the public allocation files: anyone can recompute the week", () => {
  it("the rule applied to the recorded input gives the published result byte for byte", async () => {
    const input = await openRunFile(db, WEEK, "input");
    const result = await openRunFile(db, WEEK, "result");
    expect(input && result).toBeTruthy();
    expect(canonicalJson(allocate(JSON.parse(input?.body ?? "")))).toBe(result?.body);
  });

  it("the input names requests only by their pseudonymous codes, one per request", async () => {
    const input = JSON.parse((await openRunFile(db, WEEK, "input"))?.body ?? "{}");
    const body = (await openRunFile(db, WEEK, "input"))?.body ?? "";
    for (const secret of identities()) expect(body).not.toContain(secret);
    const codes = input.requests.map((r: { code: string }) => r.code);
    expect(codes).toHaveLength(15);
    expect(new Set(codes).size).toBe(15);
    expect(codes.every((c: string) => /^[0-9a-f]{16}$/.test(c))).toBe(true);
  });

  it("a week not committed has no files", async () => {
    expect(await openRunFile(db, NEXT_WEEK, "input")).toBeUndefined();
    expect(await openFiguresFile(db, "2027-06-02", "csv")).toBeUndefined();
  });
});

describe("the public page's reads, signed out", () => {
  it("before the cutoff: the rule and the seed's SHA-256, never the seed", async () => {
    const page = await anonymous("2026-12-05 12:00:00").openData.allocation();
    expect(page.rule.version).toBe("sos-allocation/1");
    expect(page.rule.textJa).toContain("抽選");
    const next = page.weeks.find((w) => w.weekStart === NEXT_WEEK);
    expect(next).toMatchObject({ state: "before_cutoff", seed: null, run: null });
    expect(next?.seedSha256).toMatch(/^[0-9a-f]{64}$/);
    const seed = await db
      .selectFrom("allocationSeeds")
      .select("seed")
      .where("weekStart", "=", NEXT_WEEK)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(page)).not.toContain(seed.seed);
    // After its cutoff, until the ministry commits: still no seed.
    const later = await anonymous("2026-12-09 17:00:00").openData.allocation();
    expect(later.weeks.find((w) => w.weekStart === NEXT_WEEK)).toMatchObject({
      state: "awaiting_commit",
      seed: null,
    });
  });

  it("after the commit: the seed revealed (it hashes to the commitment) and the run's files", async () => {
    const page = await anonymous("2026-12-05 12:00:00").openData.allocation();
    const committed = page.weeks.find((w) => w.weekStart === WEEK);
    expect(committed).toMatchObject({
      state: "committed",
      cutoffAt: jst(CUTOFF).toISOString(),
      run: {
        rule: "sos-allocation/1",
        inputUrl: `/open-data/allocation/${WEEK}/input.json`,
        resultUrl: `/open-data/allocation/${WEEK}/result.json`,
      },
    });
    const { createHash } = await import("node:crypto");
    expect(
      createHash("sha256")
        .update(committed?.seed ?? "")
        .digest("hex"),
    ).toBe(committed?.seedSha256);
    expect(committed?.run?.resultSha256).toBe((await openRunFile(db, WEEK, "result"))?.sha256);
  });

  it("the figures: every published week, newest first, with its files and the next one due", async () => {
    const list = await anonymous("2026-12-31 09:00:00").openData.figures({ limit: 2 });
    expect(list.threshold).toBe(5);
    expect(list.weeks.map((w) => w.weekStart)).toEqual(["2026-12-16", "2026-12-09"]);
    expect(list.weeks[0]).toMatchObject({
      csvUrl: "/open-data/figures/2026-12-16.csv",
      jsonUrl: "/open-data/figures/2026-12-16.json",
      asOf: jst("2026-12-30 17:00:00").toISOString(),
    });
    expect(list.next).toEqual({
      weekStart: "2026-12-23",
      asOf: jst("2027-01-06 17:00:00").toISOString(),
    });
  });

  it("answer anyone, record no denial, and name no institution", async () => {
    const before = await db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const caller = anonymous("2026-12-31 09:00:00");
    const text = JSON.stringify([
      await caller.openData.allocation(),
      await caller.openData.figures(),
    ]);
    for (const secret of identities()) expect(text).not.toContain(secret);
    const after = await db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

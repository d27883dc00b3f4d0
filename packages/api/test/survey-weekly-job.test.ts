import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWeeklySurveys } from "../src/services/survey";
import { insertTestPrefectures } from "../src/testing";
import { jst } from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let activeIds: string[];
let inactiveId: string;

async function insertInstitutions(count: number, active: boolean): Promise<string[]> {
  const start = (await db.selectFrom("institutions").select("id").execute()).length;
  const rows = await db
    .insertInto("institutions")
    .values(
      Array.from({ length: count }, (_, i) => ({
        code: String(2_700_000_000 + start + i),
        name: `ジョブ診療所${start + i}`,
        type: "clinic" as const,
        prefectureCode: 27,
        postcode: "5300001",
        address: "大阪府大阪市北区梅田1-1",
        phone: "0612345678",
        email: `clinic${start + i}@example.jp`,
        active,
      })),
    )
    .returning("id")
    .execute();
  return rows.map((row) => row.id);
}

async function surveysOf(weekStart: string) {
  return db
    .selectFrom("weeklySurveys")
    .select(["institutionId", "weekStart", "createdAt", "answeredAt"])
    .where("weekStart", "=", weekStart)
    .execute();
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertTestPrefectures(db);
  activeIds = await insertInstitutions(7, true);
  [inactiveId = ""] = await insertInstitutions(1, false);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
});

describe("createWeeklySurveys", () => {
  it("creates one unanswered record per active institution, in batches, skipping inactive ones", async () => {
    const result = await createWeeklySurveys(db, { now: jst("2026-12-02 18:35:00"), batchSize: 3 });
    expect(result).toEqual({ weekStart: "2026-12-02", created: 7 });
    const rows = await surveysOf("2026-12-02");
    expect(rows.map((r) => r.institutionId).sort()).toEqual([...activeIds].sort());
    expect(rows.some((r) => r.institutionId === inactiveId)).toBe(false);
    expect(rows.every((r) => r.answeredAt === null)).toBe(true);
    expect(rows.every((r) => r.createdAt.getTime() === jst("2026-12-02 18:35:00").getTime())).toBe(
      true,
    );
  });

  it("is idempotent: a rerun creates nothing and leaves answers alone", async () => {
    const now = jst("2026-12-02 19:00:00");
    await createWeeklySurveys(db, { now });
    await db
      .updateTable("weeklySurveys")
      .set({ stock: 1, consumption: 2, purchases: 3, answeredAt: now })
      .where("institutionId", "=", activeIds[0] ?? "")
      .execute();
    const again = await createWeeklySurveys(db, { now: jst("2026-12-03 09:00:00") });
    expect(again).toEqual({ weekStart: "2026-12-02", created: 0 });
    const rows = await surveysOf("2026-12-02");
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.answeredAt !== null)).toHaveLength(1);
  });

  it("two servers running it at the same time still give one record per institution and week", async () => {
    const now = jst("2026-12-02 18:35:00");
    const runs = await Promise.all([
      createWeeklySurveys(db, { now, batchSize: 2 }),
      createWeeklySurveys(db, { now, batchSize: 3 }),
      createWeeklySurveys(db, { now, batchSize: 5000 }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.created, 0)).toBe(7);
    const rows = await surveysOf("2026-12-02");
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.institutionId)).size).toBe(7);
  });

  it("fills in the institutions a partial run did not reach", async () => {
    await db
      .insertInto("weeklySurveys")
      .values(
        activeIds.slice(0, 4).map((institutionId) => ({ institutionId, weekStart: "2026-12-02" })),
      )
      .execute();
    const result = await createWeeklySurveys(db, { now: jst("2026-12-04 10:00:00"), batchSize: 2 });
    expect(result).toEqual({ weekStart: "2026-12-02", created: 3 });
    expect(await surveysOf("2026-12-02")).toHaveLength(7);
  });

  it("before Wednesday 18:35 fills the previous week; from 18:35:00 the new one", async () => {
    expect(await createWeeklySurveys(db, { now: jst("2026-12-02 18:34:59.999") })).toEqual({
      weekStart: "2026-11-25",
      created: 7,
    });
    expect(await surveysOf("2026-12-02")).toHaveLength(0);
    expect(await createWeeklySurveys(db, { now: jst("2026-12-02 18:35:00") })).toEqual({
      weekStart: "2026-12-02",
      created: 7,
    });
    expect(await surveysOf("2026-11-25")).toHaveLength(7);
  });

  it("catches up after missed runs by filling the week open now", async () => {
    // The job did not run for two weeks; the next run fills the current week only.
    const result = await createWeeklySurveys(db, { now: jst("2026-12-17 08:00:00") });
    expect(result).toEqual({ weekStart: "2026-12-16", created: 7 });
    expect(await surveysOf("2026-12-09")).toHaveLength(0);
  });

  it("refuses a batch size that cannot make progress", async () => {
    await expect(
      createWeeklySurveys(db, { now: jst("2026-12-02 19:00:00"), batchSize: 0 }),
    ).rejects.toThrow(RangeError);
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allocationCode } from "../src/services/allocation/week-input";
import { AFTER_CUTOFF, intoWeek, WEEK } from "./fixtures/allocation-world";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  type InstitutionWorld,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import { type HandedOver, handOver, putProduct } from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let batch: HandedOver;
let ministry: Caller;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

const as = (user: InstitutionWorld["a"] | InstitutionWorld["ministry"]) =>
  callerAs(db, user.user, clock);

async function count(table: string): Promise<number> {
  const rows = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    db,
  );
  return rows.rows[0]?.n ?? 0;
}

/** A (Tokyo) asks 3 M, B (Tokyo) 2 M, Osaka 2 M: 7 asked of 3 supplied. */
beforeEach(async () => {
  await emptyTables(db);
  clock = testClock("2026-12-01 10:00:00");
  await putProduct(db, { S: 10, M: 10, L: 10 });
  batch = await handOver(db, world.ministry.user.id, [
    { institutionId: world.a.institutionId, limitSets: 3 },
    { institutionId: world.b.institutionId, limitSets: 2 },
    { institutionId: world.osaka.institutionId, limitSets: 2 },
  ]);
  const asks = [3, 2, 2];
  for (const [i, item] of batch.items.entries()) {
    const sets = asks[i] ?? 0;
    await intoWeek(db, world.ministry.user.id, item.requestId, WEEK, sets, { M: sets });
  }
  ministry = await as(world.ministry);
  await ministry.allocation.fixSeed({ weekStart: WEEK });
  await ministry.allocation.stateSupply({ weekStart: WEEK, size: "M", sets: 3 });
});

describe("the ministry: supply → preview → commit → replay", () => {
  it("the week shows the stated supply and the seed's hash, never the seed before the commit", async () => {
    const week = await ministry.allocation.week({ weekStart: WEEK });
    expect(week.sizes.find((s) => s.size === "M")).toMatchObject({ statedSets: 3, freeSets: 10 });
    expect(week.sizes.find((s) => s.size === "S")?.statedSets).toBeNull();
    expect(week.seed).toMatchObject({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      seed: null,
    });
    expect(week.cutoffAt).toBe("2026-12-02T08:00:00.000Z");
    expect(week.run).toBeNull();
  });

  it("preview: totals per size and tier, fill rates per prefecture and their spread; nothing written", async () => {
    const preview = await ministry.allocation.preview({ weekStart: WEEK });
    expect(preview.changed).toBe(false);
    expect(preview.summary.sizes.find((s) => s.size === "M")).toEqual({
      size: "M",
      supplySets: 3,
      demandSets: 7,
      allocatedSets: 3,
      rationed: true,
    });
    const tiers = preview.summary.tiers;
    expect(tiers.reduce((n, t) => n + t.requests, 0)).toBe(3);
    expect(tiers.every((t) => t.label.startsWith("協定なし・"))).toBe(true);
    const byPrefecture = Object.fromEntries(
      preview.summary.prefectures.map((p) => [p.prefectureCode, p]),
    );
    expect(byPrefecture[13]?.demandSets).toBe(5);
    expect(byPrefecture[27]?.demandSets).toBe(2);
    const rates = preview.summary.prefectures.map((p) => p.fillRate ?? 0);
    expect(preview.summary.spread.maxFillRate).toBe(Math.max(...rates));
    expect(preview.summary.spread.minFillRate).toBe(Math.min(...rates));
    expect(await count("allocation_runs")).toBe(0);
  });

  it("changed parameters: a reason is required; a stale preview is refused; nothing written", async () => {
    clock.set(AFTER_CUTOFF);
    const parameters = { thresholdWeeks: 6, tierOrder: [], coverBandsWeeks: [1] };
    const preview = await ministry.allocation.preview({ weekStart: WEEK, parameters });
    expect(preview.changed).toBe(true);
    const noReason = await refusal(
      ministry.allocation.commit({ weekStart: WEEK, parameters, inputSha256: preview.inputSha256 }),
    );
    expect(noReason.message).toBe("パラメータを既定値から変更する場合は、理由を入力してください。");
    const stale = await refusal(
      ministry.allocation.commit({
        weekStart: WEEK,
        inputSha256: preview.inputSha256,
        reason: "",
      }),
    );
    expect(stale.data.domainCode).toBe("STALE_VERSION");
    expect(stale.message).toContain("もう一度プレビュー");
    const badBands = await refusal(
      ministry.allocation.preview({
        weekStart: WEEK,
        parameters: { ...parameters, coverBandsWeeks: [2, 1] },
      }),
    );
    expect(badBands.data.fieldErrors?.["parameters.coverBandsWeeks"]?.[0]).toContain(
      "在庫週数の帯は小さい順に",
    );
    expect(await count("allocation_runs")).toBe(0);
  });

  it("two commits at once make one run and both answer it; replay is byte-identical", async () => {
    clock.set(AFTER_CUTOFF);
    const preview = await ministry.allocation.preview({ weekStart: WEEK });
    const other = await as(world.ministry);
    const commit = (c: Caller) =>
      c.allocation.commit({ weekStart: WEEK, inputSha256: preview.inputSha256 });
    const [one, two] = await Promise.all([commit(ministry), commit(other)]);
    expect(one.runId).toBe(two.runId);
    expect([one.alreadyCommitted, two.alreadyCommitted].sort()).toEqual([false, true]);
    expect(await count("allocation_runs")).toBe(1);
    const again = await commit(ministry);
    expect(again).toEqual({ runId: one.runId, alreadyCommitted: true });

    const runs = await ministry.allocation.runs();
    expect(runs).toEqual([
      expect.objectContaining({ id: one.runId, weekStart: WEEK, rule: "sos-allocation/1" }),
    ]);
    const replay = await ministry.allocation.replay({ runId: one.runId });
    expect(replay).toMatchObject({ identical: true, storedSha256: runs[0]?.resultSha256 });
    expect(replay.replayedSha256).toBe(replay.storedSha256);
    expect(replay.summary.sizes.find((s) => s.size === "M")?.allocatedSets).toBe(3);
    expect(replay.summary.prefectures.map((p) => p.prefectureCode)).toEqual([13, 27]);

    const week = await ministry.allocation.week({ weekStart: WEEK });
    expect(week.seed?.seed).toMatch(/^[0-9a-f]{64}$/);
    const late = await refusal(
      ministry.allocation.stateSupply({ weekStart: WEEK, size: "M", sets: 4 }),
    );
    expect(late.message).toBe("この週の割当は確定済みです。確定した割当は変更できません。");
  });

  it("a tampered run is shown as not identical", async () => {
    clock.set(AFTER_CUTOFF);
    const preview = await ministry.allocation.preview({ weekStart: WEEK });
    const { runId } = await ministry.allocation.commit({
      weekStart: WEEK,
      inputSha256: preview.inputSha256,
    });
    // The stored hashes are checked by the database, so the tamper rewrites both.
    await sql`update allocation_runs set result_json = replace(result_json, '"allocatedSets":3', '"allocatedSets":2'),
      result_sha256 = encode(sha256(convert_to(replace(result_json, '"allocatedSets":3', '"allocatedSets":2'), 'UTF8')), 'hex')
      where id = ${runId}`.execute(db);
    const replay = await ministry.allocation.replay({ runId });
    expect(replay.identical).toBe(false);
    expect(replay.replayedSha256).not.toBe(replay.storedSha256);
  });

  it("others may not touch it: an institution's commit is refused, audited, and writes nothing", async () => {
    clock.set(AFTER_CUTOFF);
    const preview = await ministry.allocation.preview({ weekStart: WEEK });
    const a = await as(world.a);
    const refused = await refusal(
      a.allocation.commit({ weekStart: WEEK, inputSha256: preview.inputSha256 }),
    );
    expect(refused.data.code).toBe("FORBIDDEN");
    const officer = await callerAs(db, world.osakaOfficer.user, clock);
    expect((await refusal(officer.allocation.preview({ weekStart: WEEK }))).data.code).toBe(
      "FORBIDDEN",
    );
    expect(await count("allocation_runs")).toBe(0);
    const denials = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "targetId"])
      .where("action", "=", "access.denied")
      .execute();
    expect(denials).toEqual(
      expect.arrayContaining([
        { actorUserId: world.a.user.id, targetId: "allocation.commit" },
        { actorUserId: world.osakaOfficer.user.id, targetId: "allocation.preview" },
      ]),
    );
  });
});

describe("an institution's own allocation", () => {
  beforeEach(async () => {
    clock.set(AFTER_CUTOFF);
    const preview = await ministry.allocation.preview({ weekStart: WEEK });
    await ministry.allocation.commit({ weekStart: WEEK, inputSha256: preview.inputSha256 });
  });

  it("shows its sets per size, the rule and its own numbers, and nothing of another", async () => {
    const mine = await (await as(world.a)).allocation.mine({ weekStart: WEEK });
    const requestId = batch.items[0]?.requestId as string;
    expect(mine.weekStart).toBe(WEEK);
    expect(mine.run?.rule).toBe("sos-allocation/1");
    expect(mine.run?.tierCount).toBe(6);
    const own = mine.run?.requests ?? [];
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ requestId, code: allocationCode(requestId), limitSets: 3 });
    const m = own[0]?.sizes.find((s) => s.size === "M");
    expect(m).toMatchObject({ requestedSets: 3, rationed: true });
    expect(m?.lotterySets).toBeLessThanOrEqual(m?.allocatedSets ?? 0);
    expect(own[0]?.needPieces).toBeGreaterThanOrEqual(0);

    const text = JSON.stringify(mine);
    for (const item of batch.items.slice(1)) {
      expect(text).not.toContain(item.requestId);
      expect(text).not.toContain(allocationCode(item.requestId));
    }
    // The three allocations add up to the supply: each institution sees only its part.
    let total = 0;
    for (const user of [world.a, world.b, world.osaka]) {
      const seen = await (await as(user)).allocation.mine();
      expect(seen.run?.requests).toHaveLength(1);
      total += seen.run?.requests[0]?.totalSets ?? 0;
    }
    expect(total).toBe(3);
  });

  it("a week without a run shows nothing", async () => {
    const mine = await (await as(world.a)).allocation.mine({ weekStart: "2026-12-02" });
    expect(mine).toEqual({ weekStart: "2026-12-02", run: null });
  });
});

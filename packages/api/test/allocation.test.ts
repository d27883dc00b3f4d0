import { createHash } from "node:crypto";
import { createDb, type Db } from "@sos/db";
import { committedRuns } from "@sos/db/repositories/allocation";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { allocate, canonicalJson, DEFAULT_ALLOCATION_PARAMETERS } from "@sos/rules";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  type AllocationActor,
  commitAllocation,
  commitSeed,
  previewAllocation,
  stateWeekSupply,
} from "../src/services/allocation/allocation";
import { allocationCode } from "../src/services/allocation/week-input";
import { createTestContext, signedInContext } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { intoWeek as moveIntoWeek } from "./fixtures/allocation-world";
import {
  createInstitutionWorld,
  type InstitutionWorld,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import {
  type HandedOver,
  handOver,
  latestLinkTo,
  putProduct,
  registerAsListed,
} from "./fixtures/vendor-world";

/** A survey week (Wednesday); its cutoff is Wednesday 2026-12-02 17:00 Tokyo. */
const WEEK = "2026-11-25";
const BEFORE_CUTOFF = "2026-12-02 16:59:59";
const AFTER_CUTOFF = "2026-12-03 10:00:00";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let sizes: Record<string, string>;
let batch: HandedOver;
let ministry: AllocationActor;
let emailA: string;
let emailB: string;

const DELIVERY = {
  name: "テスト病院　用度課",
  postcode: "100-0001",
  address: "東京都千代田区千代田1-1",
  phone: "03-1234-5678",
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  ministry = { userId: world.ministry.user.id, role: "ministry" };
});

afterAll(async () => {
  await tdb.destroy();
});

const intoWeek = (requestId: string, week: string, sets: number, asks: Record<string, number>) =>
  moveIntoWeek(db, ministry.userId, requestId, week, sets, asks);

const requestA = () => batch.items[0]?.requestId as string;
const requestB = () => batch.items[1]?.requestId as string;

beforeEach(async () => {
  await emptyTables(db);
  clock = testClock("2026-12-01 10:00:00");
  sizes = (await putProduct(db, { S: 10, M: 3, L: 10 })).sizeIds;
  batch = await handOver(db, ministry.userId, [
    { institutionId: world.a.institutionId, limitSets: 3 },
    { institutionId: world.b.institutionId, limitSets: 2 },
  ]);
  emailA = (await registerAsListed(db, world.a.institutionId)).email;
  emailB = (await registerAsListed(db, world.b.institutionId)).email;
  const vendor = createTestCaller(
    await signedInContext(db, world.vendor.user, { now: () => clock.now }),
  );
  await vendor.vendorPortal.sendPurchaseLinks({ batchId: batch.batchId, allowMismatched: true });
});

async function footprint() {
  const n = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db))
      .rows[0]?.n;
  const reserved = await sql<{
    n: number;
  }>`select coalesce(sum(reserved_sets), 0)::int as n from product_sizes`.execute(db);
  return {
    runs: await n("allocation_runs"),
    lines: await n("allocation_lines"),
    audit: await n("audit_log"),
    reserved: reserved.rows[0]?.n,
    revealed: (await db.selectFrom("allocationSeeds").select("revealedAt").execute()).map(
      (r) => r.revealedAt,
    ),
  };
}

describe("the seed: committed before the cutoff, revealed after", () => {
  it("before the cutoff: the SHA-256 is fixed once, the seed itself stays unrevealed", async () => {
    const first = await commitSeed(db, { weekStart: WEEK, actor: ministry, now: clock.now });
    clock.set(BEFORE_CUTOFF);
    const again = await commitSeed(db, { weekStart: WEEK, actor: ministry, now: clock.now });
    expect(again.seedSha256).toBe(first.seedSha256);
    const row = await db.selectFrom("allocationSeeds").selectAll().executeTakeFirstOrThrow();
    expect(createHash("sha256").update(row.seed).digest("hex")).toBe(first.seedSha256);
    expect(row.revealedAt).toBeNull();
    const audits = await db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "allocation.seed_commit")
      .execute();
    expect(audits).toHaveLength(1);
  });

  it("at or after the cutoff no seed can be fixed", async () => {
    clock.set("2026-12-02 17:00:00");
    const refused = await commitSeed(db, {
      weekStart: WEEK,
      actor: ministry,
      now: clock.now,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("DEADLINE_PASSED");
    expect(await db.selectFrom("allocationSeeds").selectAll().execute()).toEqual([]);
  });

  it("the database refuses a seed whose hash does not match", async () => {
    await expect(
      db
        .insertInto("allocationSeeds")
        .values({
          weekStart: WEEK,
          seed: "x",
          seedSha256: "0".repeat(64),
          committedBy: ministry.userId,
          committedAt: clock.now,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("preview → commit", () => {
  beforeEach(async () => {
    await intoWeek(requestA(), WEEK, 2, { M: 2 });
    await commitSeed(db, { weekStart: WEEK, actor: ministry, now: clock.now });
    await stateWeekSupply(db, {
      weekStart: WEEK,
      size: "M",
      sets: 2,
      actor: ministry,
      now: clock.now,
    });
  });

  it("preview writes nothing and shows the allocation", async () => {
    const before = await footprint();
    const result = await previewAllocation(db, { weekStart: WEEK });
    expect(result.requests).toEqual([
      expect.objectContaining({
        code: allocationCode(requestA()),
        allocated: { S: 0, M: 2, L: 0 },
        totalSets: 2,
      }),
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("commit before the cutoff is refused; after it, run, lines, reservation, revealed seed and audit", async () => {
    clock.set(BEFORE_CUTOFF);
    const early = await commitAllocation(db, {
      weekStart: WEEK,
      reason: null,
      actor: ministry,
      now: clock.now,
    }).catch((e: unknown) => e);
    expect((early as DomainError).code).toBe("INVALID_STATE");
    clock.set(AFTER_CUTOFF);
    const { runId } = await commitAllocation(db, {
      weekStart: WEEK,
      reason: null,
      actor: ministry,
      now: clock.now,
    });
    const lines = await db.selectFrom("allocationLines").selectAll().execute();
    expect(lines).toEqual([
      expect.objectContaining({
        runId,
        requestId: requestA(),
        size: "M",
        sets: 2,
        takenSets: 0,
        productSizeId: sizes.M,
      }),
    ]);
    const m = await db
      .selectFrom("productSizes")
      .select(["stockSets", "reservedSets"])
      .where("id", "=", sizes.M as string)
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ stockSets: 3, reservedSets: 2 });
    const seed = await db.selectFrom("allocationSeeds").selectAll().executeTakeFirstOrThrow();
    expect(seed.revealedAt).toEqual(clock.now);
    const audit = await db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "allocation.commit")
      .executeTakeFirstOrThrow();
    expect(audit.targetId).toBe(runId);
    expect(audit.details).toMatchObject({
      weekStart: WEEK,
      parameters: DEFAULT_ALLOCATION_PARAMETERS,
      reason: null,
    });
    const again = await commitAllocation(db, {
      weekStart: WEEK,
      reason: null,
      actor: ministry,
      now: clock.now,
    }).catch((e: unknown) => e);
    expect((again as DomainError).code).toBe("INVALID_STATE");
  });

  it("changed parameters need a reason, which is stored with the run", async () => {
    clock.set(AFTER_CUTOFF);
    const parameters = { ...DEFAULT_ALLOCATION_PARAMETERS, thresholdWeeks: 6 };
    const refused = await commitAllocation(db, {
      weekStart: WEEK,
      parameters,
      reason: "　",
      actor: ministry,
      now: clock.now,
    }).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("INVALID_INPUT");
    expect((await footprint()).runs).toBe(0);
    await commitAllocation(db, {
      weekStart: WEEK,
      parameters,
      reason: "供給見通しの悪化",
      actor: ministry,
      now: clock.now,
    });
    const run = await db.selectFrom("allocationRuns").selectAll().executeTakeFirstOrThrow();
    expect(run.parametersReason).toBe("供給見通しの悪化");
    expect(JSON.parse(run.inputJson).parameters.thresholdWeeks).toBe(6);
  });

  it("two simultaneous commits make one run and reserve once", async () => {
    clock.set(AFTER_CUTOFF);
    const wide = createDb(tdb.url, { max: 4 });
    try {
      const outcomes = await Promise.allSettled(
        [0, 1, 2].map(() =>
          commitAllocation(wide, {
            weekStart: WEEK,
            reason: null,
            actor: ministry,
            now: clock.now,
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    } finally {
      await wide.destroy();
    }
    const f = await footprint();
    expect([f.runs, f.lines, f.reserved]).toEqual([1, 1, 2]);
  });

  it("a supply above the free stock refuses the whole commit", async () => {
    await db
      .updateTable("productSizes")
      .set({ stockSets: 1 })
      .where("id", "=", sizes.M as string)
      .execute();
    clock.set(AFTER_CUTOFF);
    const before = await footprint();
    const refused = await commitAllocation(db, {
      weekStart: WEEK,
      reason: null,
      actor: ministry,
      now: clock.now,
    }).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("OUT_OF_STOCK");
    expect(await footprint()).toEqual(before);
  });
});

describe("replay", () => {
  it("every stored allocation recomputes byte for byte from its recorded input", async () => {
    // Three weeks: one rationed among two requests (a lottery tie), one that fits, one with other parameters.
    const weeks = ["2026-11-04", "2026-11-11", "2026-11-18"];
    clock.set("2026-11-04 10:00:00");
    for (const week of weeks)
      await commitSeed(db, { weekStart: week, actor: ministry, now: clock.now });
    await intoWeek(requestA(), weeks[0] as string, 3, { M: 2, L: 1 });
    await intoWeek(requestB(), weeks[0] as string, 2, { M: 2 });
    await stateWeekSupply(db, {
      weekStart: weeks[0] as string,
      size: "M",
      sets: 3,
      actor: ministry,
      now: clock.now,
    });
    await stateWeekSupply(db, {
      weekStart: weeks[0] as string,
      size: "L",
      sets: 1,
      actor: ministry,
      now: clock.now,
    });
    clock.set("2026-12-01 10:00:00");
    const first = await commitAllocation(db, {
      weekStart: weeks[0] as string,
      reason: null,
      actor: ministry,
      now: clock.now,
    });
    expect(first.result.sizes.find((s) => s.size === "M")).toMatchObject({
      rationed: true,
      allocatedSets: 3,
    });
    await stateWeekSupply(db, {
      weekStart: weeks[1] as string,
      size: "S",
      sets: 5,
      actor: ministry,
      now: clock.now,
    });
    await commitAllocation(db, {
      weekStart: weeks[1] as string,
      reason: null,
      actor: ministry,
      now: clock.now,
    });
    await commitAllocation(db, {
      weekStart: weeks[2] as string,
      parameters: { thresholdWeeks: 3, tierOrder: ["weeks_of_cover"], coverBandsWeeks: [1] },
      reason: "テスト",
      actor: ministry,
      now: clock.now,
    });
    const runs = await committedRuns(db);
    expect(runs).toHaveLength(3);
    for (const run of runs) {
      const replayed = canonicalJson(allocate(JSON.parse(run.inputJson)));
      expect(replayed, `run of ${run.weekStart}`).toBe(run.resultJson);
      expect(createHash("sha256").update(replayed).digest("hex")).toBe(run.resultSha256);
      expect(canonicalJson(JSON.parse(run.inputJson))).toBe(run.inputJson);
    }
  });
});

describe("reserved stock and the purchase link", () => {
  beforeEach(async () => {
    await intoWeek(requestA(), WEEK, 2, { M: 2 });
    await commitSeed(db, { weekStart: WEEK, actor: ministry, now: clock.now });
    await stateWeekSupply(db, {
      weekStart: WEEK,
      size: "M",
      sets: 2,
      actor: ministry,
      now: clock.now,
    });
    clock.set(AFTER_CUTOFF);
    await commitAllocation(db, { weekStart: WEEK, reason: null, actor: ministry, now: clock.now });
  });

  const visitor = (database: Db = db) =>
    createTestCaller(createTestContext(database, { now: () => clock.now }));

  it("the link carries the allocated sets; others see only the free stock", async () => {
    const pageA = await visitor().storefront.purchasePage({
      token: (await latestLinkTo(db, emailA)).token,
    });
    expect(pageA).toMatchObject({ kind: "form", limitSets: 2, limitPieces: 2000 });
    if (pageA.kind !== "form") throw new Error("form expected");
    expect(pageA.product?.sizes.map((s) => [s.size, s.stockSets])).toEqual([
      ["S", 0],
      ["M", 2],
      ["L", 0],
    ]);
    const pageB = await visitor().storefront.purchasePage({
      token: (await latestLinkTo(db, emailB)).token,
    });
    if (pageB.kind !== "form") throw new Error("form expected");
    expect(pageB.limitSets).toBe(2);
    expect(pageB.product?.sizes.map((s) => [s.size, s.stockSets])).toEqual([
      ["S", 10],
      ["M", 1],
      ["L", 10],
    ]);
  });

  it("the link mailed after the commit tells the allocated sets per size; the other's, its limit", async () => {
    const vendor = createTestCaller(
      await signedInContext(db, world.vendor.user, { now: () => clock.now }),
    );
    await vendor.vendorPortal.sendPurchaseLinks({
      batchId: batch.batchId,
      resend: true,
      allowMismatched: true,
    });
    const a = await latestLinkTo(db, emailA);
    expect(a.mail.textBody).toContain(
      "■割当（購入可能数）\n  Mサイズ 2セット（2,000枚）\n  合計 2セット（2,000枚）\n",
    );
    expect(a.mail.textBody).not.toContain("■購入可能数");
    const b = await latestLinkTo(db, emailB);
    expect(b.mail.textBody).toContain("■購入可能数\n  2セット（2,000枚）まで\n");
    expect(b.mail.textBody).not.toContain("割当");
    // The mail and the page it links to tell the same amount.
    expect(await visitor().storefront.purchasePage({ token: a.token })).toMatchObject({
      kind: "form",
      limitSets: 2,
    });
  });

  it("an allocated institution cannot buy beyond its allocation, nor another size", async () => {
    const token = (await latestLinkTo(db, emailA)).token;
    for (const lines of [[{ size: "M" as const, sets: 3 }], [{ size: "S" as const, sets: 1 }]]) {
      const refused = await refusal(
        visitor().storefront.purchase({
          token,
          lines,
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(refused.data.domainCode).toBe("INVALID_INPUT");
    }
    expect(await db.selectFrom("orders").selectAll().execute()).toEqual([]);
  });

  it("the last sets of a size: the allocated institution always gets its sets, the other is refused", async () => {
    const wide = createDb(tdb.url, { max: 6 });
    const [tokenA, tokenB] = [
      (await latestLinkTo(db, emailA)).token,
      (await latestLinkTo(db, emailB)).token,
    ];
    try {
      for (let round = 0; round < 6; round += 1) {
        await sql`truncate order_lines, orders cascade`.execute(db);
        await sql`update allocation_lines set taken_sets = 0`.execute(db);
        await db
          .updateTable("productSizes")
          .set({ stockSets: 3, reservedSets: 2 })
          .where("id", "=", sizes.M as string)
          .execute();
        const buy = (token: string, sets: number) =>
          visitor(wide)
            .storefront.purchase({
              token,
              lines: [{ size: "M", sets }],
              delivery: DELIVERY,
              paymentMethod: "invoice",
            })
            .then(
              () => null,
              (error: unknown) => error,
            );
        // B wants 2 of the 1 free set (refused) on even rounds, the 1 free set on odd ones.
        const bSets = round % 2 === 0 ? 2 : 1;
        const [a, b] =
          round % 3 === 0
            ? await Promise.all([buy(tokenA, 2), buy(tokenB, bSets)])
            : await Promise.all([buy(tokenB, bSets), buy(tokenA, 2)]).then(([y, x]) => [x, y]);
        expect(a, `round ${round}: the allocated purchase`).toBeNull();
        if (bSets === 2) {
          const refused = await refusal(Promise.reject(b));
          expect(refused.message).toBe(
            "Mサイズの在庫が不足しています（残り 1 セット）。セット数を減らすか、別のサイズをお選びください。",
          );
        } else {
          expect(b).toBeNull();
        }
        const m = await db
          .selectFrom("productSizes")
          .select(["stockSets", "reservedSets"])
          .where("id", "=", sizes.M as string)
          .executeTakeFirstOrThrow();
        expect(m).toEqual({ stockSets: bSets === 2 ? 1 : 0, reservedSets: 0 });
      }
    } finally {
      await wide.destroy();
    }
  });
});

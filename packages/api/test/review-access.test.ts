import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../src/testing";
import { createTestCaller, testRouter } from "../src/testing/probe-router";
import { type Caller, callerAs, domainCause, rejection } from "./fixtures/institution-world";
import {
  addInstitution,
  completeByPrefecture,
  createReviewWorld,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
} from "./fixtures/review-world";

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
/** Osaka (27): one request with the prefecture, one completed and with the ministry. */
let osakaAtPrefecture: FiledRequest;
let osakaAtMinistry: FiledRequest;
let batchId: string;
let sanctionId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  osakaAtPrefecture = await fileRequest(db, world.clock, world.osaka);
  const second = await fileRequest(db, world.clock, await addInstitution(db, 27));
  const completed = await completeByPrefecture(world.osakaCaller, second);
  osakaAtMinistry = { ...second, version: completed.version };

  // a third Osaka request, approved and handed over, so the list procedures have a batch
  const third = await fileRequest(db, world.clock, await addInstitution(db, 27));
  const thirdDone = await completeByPrefecture(world.osakaCaller, third);
  await world.ministryCaller.review.approve({
    items: [{ id: third.id, expectedVersion: thirdDone.version }],
  });
  batchId = (await world.ministryCaller.targetList.issue()).id;
  sanctionId = (
    await world.ministryCaller.sanctions.create({
      institutionCode: (
        await db
          .selectFrom("institutions")
          .select("code")
          .where("id", "=", world.osaka.institutionId)
          .executeTakeFirstOrThrow()
      ).code,
      reason: "転売の疑い",
      effectiveFrom: "2026-12-10",
    })
  ).id;
});

afterAll(async () => {
  await tdb.destroy();
});

type Outcome = "NOT_FOUND" | "FORBIDDEN" | "HIDDEN";

interface ProcedureCase {
  path: string;
  call: (caller: Caller) => Promise<unknown>;
  /** What a Tokyo (13) officer gets when the call is about Osaka (27). */
  tokyoOnOsaka: Outcome;
  /** For HIDDEN: the result shows nothing of Osaka. */
  showsNothingOfOsaka?: (result: unknown) => void;
}

const cases: ProcedureCase[] = [
  {
    path: "probe.reviewer",
    call: (c) => c.probe.reviewer(),
    tokyoOnOsaka: "HIDDEN",
    showsNothingOfOsaka: (result) =>
      expect(result).toEqual({ scope: { kind: "prefecture", code: 13 } }),
  },
  {
    path: "review.queue",
    call: (c) => c.review.queue({ status: "all" }),
    tokyoOnOsaka: "HIDDEN",
    showsNothingOfOsaka: (result) => {
      const page = result as {
        items: Array<{ institution: { prefectureCode: number } }>;
        total: number;
      };
      expect(page.total).toBe(0);
      expect(page.items).toEqual([]);
    },
  },
  {
    path: "review.deadlines",
    call: (c) => c.review.deadlines(),
    tokyoOnOsaka: "HIDDEN",
    showsNothingOfOsaka: (result) =>
      expect(result).toMatchObject({ awaitingPrefecture: 0, overdue: 0 }),
  },
  {
    path: "review.get",
    call: (c) => c.review.get({ id: osakaAtMinistry.id }),
    tokyoOnOsaka: "NOT_FOUND",
  },
  {
    path: "review.savePrefectureReview",
    call: (c) =>
      c.review.savePrefectureReview({
        id: osakaAtPrefecture.id,
        expectedVersion: osakaAtPrefecture.version,
        supplyNeeded: true,
        notes: "東京の担当者が書き換え",
        complete: true,
      }),
    tokyoOnOsaka: "NOT_FOUND",
  },
  {
    path: "review.completePrefectureBatch",
    call: (c) =>
      c.review.completePrefectureBatch({
        items: [{ id: osakaAtPrefecture.id, expectedVersion: osakaAtPrefecture.version }],
      }),
    tokyoOnOsaka: "NOT_FOUND",
  },
  {
    path: "review.markNotEligible",
    call: (c) =>
      c.review.markNotEligible({
        id: osakaAtPrefecture.id,
        expectedVersion: osakaAtPrefecture.version,
        reason: "対象外",
      }),
    tokyoOnOsaka: "NOT_FOUND",
  },
  {
    path: "review.ministryProgress",
    call: (c) => c.review.ministryProgress(),
    tokyoOnOsaka: "FORBIDDEN",
  },
  {
    path: "review.approve",
    call: (c) =>
      c.review.approve({
        items: [{ id: osakaAtMinistry.id, expectedVersion: osakaAtMinistry.version }],
      }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  {
    path: "review.returnToPrefecture",
    call: (c) =>
      c.review.returnToPrefecture({
        id: osakaAtMinistry.id,
        expectedVersion: osakaAtMinistry.version,
        reason: "差戻し",
      }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  { path: "targetList.issue", call: (c) => c.targetList.issue(), tokyoOnOsaka: "FORBIDDEN" },
  { path: "targetList.list", call: (c) => c.targetList.list(), tokyoOnOsaka: "FORBIDDEN" },
  { path: "targetList.get", call: (c) => c.targetList.get({ batchId }), tokyoOnOsaka: "FORBIDDEN" },
  {
    path: "targetList.csvCheck",
    call: (c) => c.targetList.csvCheck({ batchId }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  {
    path: "sanctions.create",
    call: (c) =>
      c.sanctions.create({
        institutionId: world.osaka.institutionId,
        reason: "転売",
        effectiveFrom: "2026-12-01",
      }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  {
    path: "sanctions.lift",
    call: (c) => c.sanctions.lift({ id: sanctionId, reason: "誤り" }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  { path: "sanctions.list", call: (c) => c.sanctions.list(), tokyoOnOsaka: "FORBIDDEN" },
  {
    path: "sanctions.target",
    call: (c) => c.sanctions.target({ institutionCode: "1390000001" }),
    tokyoOnOsaka: "FORBIDDEN",
  },
  {
    path: "publication.export",
    call: (c) => c.publication.export({ weekStart: "2026-11-25" }),
    tokyoOnOsaka: "FORBIDDEN",
  },
];

/** Everything of Osaka that a denied call could have changed. */
async function osakaState() {
  return {
    requests: await db
      .selectFrom("sosRequests")
      .select(["id", "status", "reviewStage", "version"])
      .where("prefectureCode", "=", 27)
      .orderBy("id")
      .execute(),
    reviews: await db.selectFrom("prefectureReviews").selectAll().orderBy("requestId").execute(),
    approvals: await db.selectFrom("ministryApprovals").selectAll().orderBy("requestId").execute(),
    history: await db.selectFrom("sosRequestHistory").select("id").execute(),
    batches: await db.selectFrom("targetBatches").select("id").execute(),
    sanctions: await db.selectFrom("sanctions").selectAll().orderBy("id").execute(),
    mails: await db.selectFrom("mailOutbox").select("id").execute(),
  };
}

describe("review procedures: who may call them", () => {
  it("the table covers every procedure of the review console", () => {
    const reviewPaths = Object.keys(testRouter._def.procedures).filter((path) =>
      /^(review|targetList|sanctions|publication)\.|^probe\.reviewer$/.test(path),
    );
    expect(cases.map((c) => c.path).sort()).toEqual(reviewPaths.sort());
  });

  it.each(cases)(
    "a Tokyo (13) officer calling $path about Osaka (27) → $tokyoOnOsaka, and nothing changes",
    async ({ call, tokyoOnOsaka, showsNothingOfOsaka }) => {
      const before = await osakaState();
      if (tokyoOnOsaka === "HIDDEN") {
        showsNothingOfOsaka?.(await call(world.tokyoCaller));
      } else {
        const error = await rejection(call(world.tokyoCaller));
        expect(error.code).toBe(tokyoOnOsaka);
        expect(domainCause(error).code).toBe(tokyoOnOsaka);
      }
      expect(await osakaState()).toEqual(before);
    },
  );

  it("a Tokyo officer asking the queue for Osaka's prefecture code is refused and audited", async () => {
    const error = await rejection(world.tokyoCaller.review.queue({ prefectureCode: 27 }));
    expect(error.code).toBe("FORBIDDEN");
    const audit = await db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "access.denied")
      .where("targetId", "=", "review.queue")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorRole: "prefecture", details: { prefectureCode: 27 } });
  });

  it("the Osaka officer and the ministry do reach the same Osaka request", async () => {
    const mine = await world.osakaCaller.review.get({ id: osakaAtMinistry.id });
    expect(mine.institution.prefectureCode).toBe(27);
    expect(mine.abilities).toEqual({
      canEditPrefectureReview: false,
      canMarkNotEligible: false,
      canApprove: false,
      canReturn: false,
    });
    const ministry = await world.ministryCaller.review.get({ id: osakaAtMinistry.id });
    expect(ministry.abilities).toEqual({
      canEditPrefectureReview: false,
      canMarkNotEligible: true,
      canApprove: true,
      canReturn: true,
    });
    const queue = await world.osakaCaller.review.queue({});
    expect(queue.items.map((row) => row.id).sort()).toEqual(
      [osakaAtPrefecture.id, osakaAtMinistry.id].sort(),
    );
  });

  it.each(cases)(
    "an institution user calling $path → FORBIDDEN, audited",
    async ({ path, call }) => {
      const caller = await callerAs(db, world.a.user, world.clock);
      const before = await osakaState();
      const error = await rejection(call(caller));
      expect(error.code).toBe("FORBIDDEN");
      expect(await osakaState()).toEqual(before);
      const audits = await db
        .selectFrom("auditLog")
        .select("details")
        .where("action", "=", "access.denied")
        .where("actorUserId", "=", world.a.user.id)
        .where("targetId", "=", path)
        .execute();
      expect(audits.length).toBeGreaterThanOrEqual(1);
    },
  );

  it.each(cases)("a vendor user calling $path → FORBIDDEN", async ({ call }) => {
    const caller = await callerAs(db, world.vendor.user, world.clock);
    const before = await osakaState();
    const error = await rejection(call(caller));
    expect(error.code).toBe("FORBIDDEN");
    expect(await osakaState()).toEqual(before);
  });

  it.each(cases)("nobody signed in calling $path → UNAUTHORIZED", async ({ call }) => {
    const error = await rejection(call(createTestCaller(createTestContext(db))));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("the prefecture's input is the prefecture's: the ministry cannot write it", async () => {
    const error = await rejection(
      world.ministryCaller.review.savePrefectureReview({
        id: osakaAtPrefecture.id,
        expectedVersion: osakaAtPrefecture.version,
        supplyNeeded: true,
        notes: "",
        complete: true,
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

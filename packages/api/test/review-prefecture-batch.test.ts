import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../src/testing";
import { type Caller, callerAs, refusal } from "./fixtures/institution-world";
import {
  addInstitution,
  completeByPrefecture,
  createReviewWorld,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
} from "./fixtures/review-world";

/**
 * 都道府県確認の一括完了 (issue 16 #5): a prefecture officer completes several of its
 * requests at once. Each is completed as the request page would (its saved input,
 * or 配送要 at the computed limit), all in one transaction or none.
 */

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
let tokyo: Caller;
let more: TestUser[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  tokyo = world.tokyoCaller;
  more = [await addInstitution(db, 13, { name: "みなと診療所" })];
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

const item = (r: FiledRequest) => ({ id: r.id, expectedVersion: r.version });

async function stages(ids: string[]) {
  return db
    .selectFrom("sosRequests")
    .leftJoin("prefectureReviews", "prefectureReviews.requestId", "sosRequests.id")
    .select([
      "sosRequests.id",
      "sosRequests.reviewStage",
      "sosRequests.version",
      "prefectureReviews.completedAt",
    ])
    .where("sosRequests.id", "in", ids)
    .orderBy("sosRequests.id")
    .execute();
}

async function nameOf(user: TestUser): Promise<string> {
  const row = await db
    .selectFrom("institutions")
    .select("name")
    .where("id", "=", user.user.institutionId ?? "")
    .executeTakeFirstOrThrow();
  return row.name;
}

describe("review.completePrefectureBatch", () => {
  it("completes each request with its saved input, or 配送要 at the computed limit, and hands them to the ministry", async () => {
    const [m0] = more;
    if (!m0) throw new Error("fixture");
    const untouched = await fileRequest(db, world.clock, world.a);
    const raised = await fileRequest(db, world.clock, world.b);
    const savedRaised = await tokyo.review.savePrefectureReview({
      ...item(raised),
      supplyNeeded: true,
      quantitySets: 3,
      overrideReason: "病棟の増設",
      notes: "電話で確認済み",
      complete: false,
    });
    const notNeeded = await fileRequest(db, world.clock, m0);
    const savedNotNeeded = await tokyo.review.savePrefectureReview({
      ...item(notNeeded),
      supplyNeeded: false,
      notes: "",
      complete: false,
    });

    world.clock.set("2026-12-01 11:00:00");
    const result = await tokyo.review.completePrefectureBatch({
      items: [
        item(untouched),
        { id: raised.id, expectedVersion: savedRaised.version },
        { id: notNeeded.id, expectedVersion: savedNotNeeded.version },
      ],
    });
    expect(result.completed).toEqual([
      {
        id: untouched.id,
        version: untouched.version + 1,
        institutionName: await nameOf(world.a),
        supplyNeeded: true,
        quantitySets: 2,
      },
      {
        id: raised.id,
        version: savedRaised.version + 1,
        institutionName: await nameOf(world.b),
        supplyNeeded: true,
        quantitySets: 3,
      },
      {
        id: notNeeded.id,
        version: savedNotNeeded.version + 1,
        institutionName: "みなと診療所",
        supplyNeeded: false,
        quantitySets: 0,
      },
    ]);
    for (const row of await stages([untouched.id, raised.id, notNeeded.id])) {
      expect(row.reviewStage).toBe("ministry");
      expect(row.completedAt?.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    }
    const detail = await tokyo.review.get({ id: raised.id });
    expect(detail.prefectureReview).toMatchObject({
      supplyNeeded: true,
      quantitySets: 3,
      overrideReason: "病棟の増設",
      notes: "電話で確認済み",
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: "prefecture_complete",
      actorRole: "prefecture",
    });
    const audits = await db
      .selectFrom("auditLog")
      .select(["targetId", "details"])
      .where("action", "=", "review.prefecture.complete")
      .execute();
    expect(audits).toHaveLength(3);
    for (const audit of audits) expect(audit.details).toMatchObject({ batchSize: 3 });
    // The ministry now finds all three waiting for it.
    const queue = await world.ministryCaller.review.queue({ stage: "ministry" });
    expect(queue.total).toBe(3);
  });

  it("completes none when one was changed meanwhile, and says which", async () => {
    const a = await fileRequest(db, world.clock, world.a);
    const b = await fileRequest(db, world.clock, world.b);
    await world.tokyo2Caller.review.savePrefectureReview({
      ...item(b),
      supplyNeeded: true,
      notes: "別の担当者",
      complete: false,
    });
    const refused = await refusal(
      tokyo.review.completePrefectureBatch({ items: [item(a), item(b)] }),
    );
    expect(refused.data.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      `選択した2件のうち1件は確認完了にできません（${await nameOf(world.b)}：他の担当者が先に更新しました。最新の内容を確認してください。）。いずれの要請も確認完了にしていません。`,
    );
    expect(refused.data.fieldErrors).toEqual({
      "items.1": ["他の担当者が先に更新しました。最新の内容を確認してください。"],
    });
    for (const row of await stages([a.id])) {
      expect(row).toMatchObject({ reviewStage: "prefecture", version: a.version });
      expect(row.completedAt).toBeNull();
    }
  });

  it("refuses a request already with the ministry, or withdrawn, naming the reason", async () => {
    const a = await fileRequest(db, world.clock, world.a);
    const done = await completeByPrefecture(tokyo, a);
    const withMinistry = await refusal(
      tokyo.review.completePrefectureBatch({
        items: [{ id: a.id, expectedVersion: done.version }],
      }),
    );
    expect(withMinistry.data.code).toBe("PRECONDITION_FAILED");
    expect(withMinistry.message).toBe(
      "この要請は都道府県の確認が完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。いずれの要請も確認完了にしていません。",
    );

    const b = await fileRequest(db, world.clock, world.b);
    const institution = await callerAs(db, world.b.user, world.clock);
    const withdrawn = await institution.sos.withdraw({ id: b.id, version: b.version });
    const gone = await refusal(
      tokyo.review.completePrefectureBatch({
        items: [{ id: b.id, expectedVersion: withdrawn.version }],
      }),
    );
    expect(gone.message).toBe(
      "この要請は医療機関が取り下げました。いずれの要請も確認完了にしていません。",
    );
  });

  it("a draft saved with 配送要否 unanswered is completed as 配送要 at its saved quantity", async () => {
    const a = await fileRequest(db, world.clock, world.a);
    const saved = await tokyo.review.savePrefectureReview({
      ...item(a),
      supplyNeeded: null,
      quantitySets: 1,
      notes: "",
      complete: false,
    });
    const result = await tokyo.review.completePrefectureBatch({
      items: [{ id: a.id, expectedVersion: saved.version }],
    });
    expect(result.completed[0]).toMatchObject({ supplyNeeded: true, quantitySets: 1 });
  });

  it("another prefecture's request is NOT_FOUND (audited), and the whole batch is refused", async () => {
    const a = await fileRequest(db, world.clock, world.a);
    const osaka = await fileRequest(db, world.clock, world.osaka);
    const refused = await refusal(
      tokyo.review.completePrefectureBatch({ items: [item(a), item(osaka)] }),
    );
    expect(refused.data.code).toBe("NOT_FOUND");
    expect(refused.data.fieldErrors).toEqual({ "items.1": ["対象の要請が見つかりません。"] });
    expect(refused.message).not.toContain(await nameOf(world.osaka));
    for (const row of await stages([a.id, osaka.id])) {
      expect(row.reviewStage).toBe("prefecture");
      expect(row.completedAt).toBeNull();
    }
    const denial = await db
      .selectFrom("auditLog")
      .select(["targetType", "targetId", "details"])
      .where("action", "=", "access.denied")
      .where("targetId", "=", osaka.id)
      .executeTakeFirst();
    expect(denial).toMatchObject({
      targetType: "sos_request",
      details: { procedure: "review.completePrefectureBatch", reason: "out_of_scope" },
    });
    // Osaka's own officer may complete it.
    const own = await world.osakaCaller.review.completePrefectureBatch({ items: [item(osaka)] });
    expect(own.completed).toHaveLength(1);
  });

  it("is refused to the ministry, institutions and the vendor (FORBIDDEN), and to a repeated id", async () => {
    const a = await fileRequest(db, world.clock, world.a);
    for (const user of [world.ministry, world.a, world.vendor]) {
      const caller = await callerAs(db, user.user, world.clock);
      const refused = await refusal(caller.review.completePrefectureBatch({ items: [item(a)] }));
      expect(refused.data.code).toBe("FORBIDDEN");
    }
    const twice = await refusal(
      tokyo.review.completePrefectureBatch({ items: [item(a), item(a)] }),
    );
    expect(twice.data.code).toBe("BAD_REQUEST");
    expect(twice.data.fieldErrors).toEqual({ items: ["同じ要請が複数回選択されています"] });
    const none = await refusal(tokyo.review.completePrefectureBatch({ items: [] }));
    expect(none.data.fieldErrors).toEqual({ items: ["確認完了にする要請を選択してください"] });
    expect((await stages([a.id]))[0]?.reviewStage).toBe("prefecture");
  });
});

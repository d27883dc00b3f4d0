import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../src/testing";
import { type Caller, callerAs, FORM, refusal } from "./fixtures/institution-world";
import {
  addInstitution,
  completeByPrefecture,
  createReviewWorld,
  ELIGIBLE,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
  WEEK,
} from "./fixtures/review-world";

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
let tokyo: Caller;
let ministry: Caller;
/** Four more Tokyo institutions, for batches. */
let more: TestUser[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  tokyo = world.tokyoCaller;
  ministry = world.ministryCaller;
  more = [];
  for (let i = 0; i < 4; i += 1) more.push(await addInstitution(db, 13));
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

/** Filed and completed by the Tokyo prefecture with the computed limit (2 sets). */
async function withMinistry(user: TestUser): Promise<FiledRequest> {
  const filed = await fileRequest(db, world.clock, user, ELIGIBLE);
  const done = await completeByPrefecture(tokyo, filed);
  return { ...filed, version: done.version };
}

async function statuses(ids: string[]) {
  return db
    .selectFrom("sosRequests")
    .select(["id", "status", "reviewStage", "version"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
}

describe("review.ministryProgress", () => {
  it("counts each prefecture's round: filed, completed by the prefecture, approved, not eligible, remaining", async () => {
    const [m0, m1, m2] = more;
    if (!m0 || !m1 || !m2) throw new Error("fixture");
    const approved = await withMinistry(world.a);
    await ministry.review.approve({
      items: [{ id: approved.id, expectedVersion: approved.version }],
    });
    await withMinistry(world.b);
    const closed = await fileRequest(db, world.clock, m0, ELIGIBLE);
    await tokyo.review.markNotEligible({
      id: closed.id,
      expectedVersion: closed.version,
      reason: "重複",
    });
    await fileRequest(db, world.clock, m1, ELIGIBLE);
    world.clock.set("2026-12-02 17:10:00");
    await fileRequest(db, world.clock, m2, ELIGIBLE); // late, same round
    await fileRequest(db, world.clock, world.osaka, ELIGIBLE); // late too
    world.clock.set("2026-12-03 09:00:00");

    const progress = await ministry.review.ministryProgress();
    expect(progress.weekStart).toBe(WEEK);
    expect(progress.weekTitle).toBe("2026年12月2日（水）17:00締切の週");
    expect(progress.prefectures).toEqual([
      {
        prefectureCode: 13,
        prefectureName: "東京都",
        filed: 5,
        late: 1,
        awaitingPrefecture: 2,
        completedByPrefecture: 2,
        awaitingMinistry: 1,
        approved: 1,
        listed: 0,
        notEligible: 1,
        remaining: 3,
      },
      {
        prefectureCode: 27,
        prefectureName: "大阪府",
        filed: 1,
        late: 1,
        awaitingPrefecture: 1,
        completedByPrefecture: 0,
        awaitingMinistry: 0,
        approved: 0,
        listed: 0,
        notEligible: 0,
        remaining: 1,
      },
    ]);
    expect(progress.totals).toMatchObject({
      filed: 6,
      late: 2,
      approved: 1,
      remaining: 4,
      notEligible: 1,
    });

    await ministry.targetList.issue();
    expect((await ministry.review.ministryProgress()).totals.listed).toBe(1);
    const otherWeek = await ministry.review.ministryProgress({ weekStart: "2026-11-18" });
    expect(otherWeek.totals.filed).toBe(0);
    expect(otherWeek.prefectures).toHaveLength(2);
    const notWednesday = await refusal(
      ministry.review.ministryProgress({ weekStart: "2026-11-19" }),
    );
    expect(notWednesday.data.fieldErrors).toEqual({
      weekStart: ["週の開始日（水曜日）を指定してください"],
    });
  });
});

describe("review.approve", () => {
  it("approves at the prefecture's quantity: 受付完了, read-only, with history and audit", async () => {
    const a = await withMinistry(world.a);
    world.clock.set("2026-12-03 10:00:00");
    const result = await ministry.review.approve({
      items: [{ id: a.id, expectedVersion: a.version }],
    });
    expect(result.approved).toEqual([
      { id: a.id, version: a.version + 1, quantitySets: 2, institutionName: expect.any(String) },
    ]);
    const detail = await ministry.review.get({ id: a.id });
    expect(detail).toMatchObject({
      status: "accepted",
      statusLabel: "受付完了",
      reviewStage: null,
      ministryApproval: {
        quantitySets: 2,
        quantityPieces: 2000,
        adjustReason: null,
        approvedAt: "2026-12-03T01:00:00.000Z",
        approvedBy: { id: world.ministry.user.id },
      },
      abilities: { canApprove: false, canReturn: false, canMarkNotEligible: false },
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: "approve",
      actionLabel: "国の承認（受付完了）",
      actorRole: "ministry",
      actorRoleLabel: "国（厚生労働省）",
      fromStatus: "reviewing",
      toStatus: "accepted",
      changes: { quantitySets: 2, prefectureQuantitySets: 2 },
    });
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorUserId"])
      .where("targetId", "=", a.id)
      .where("action", "=", "review.approve")
      .execute();
    expect(audit).toEqual([{ action: "review.approve", actorUserId: world.ministry.user.id }]);

    // the institution sees it accepted with its limit, and can no longer edit it
    const institution = await callerAs(db, world.a.user, world.clock);
    const own = await institution.sos.get({ id: a.id });
    expect(own).toMatchObject({ status: "accepted", statusLabel: "受付完了", editable: false });
    expect(own.decision).toMatchObject({
      kind: "quantity",
      final: true,
      quantitySets: 2,
      purchaseLimitPieces: 2000,
    });
    const edit = await refusal(institution.sos.update({ id: a.id, version: own.version, ...FORM }));
    expect(edit.data.domainCode).toBe("INVALID_STATE");
    const closed = await refusal(
      ministry.review.markNotEligible({ id: a.id, expectedVersion: own.version, reason: "取消" }),
    );
    expect(closed.message).toBe("この要請は受付完了のため、変更できません。");
  });

  it("adjusts the quantity only with a reason", async () => {
    const a = await withMinistry(world.a);
    const refused = await refusal(
      ministry.review.approve({
        items: [{ id: a.id, expectedVersion: a.version, quantitySets: 1 }],
      }),
    );
    expect(refused.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "INVALID_INPUT" });
    expect(refused.data.fieldErrors).toEqual({
      "items.0.adjustReason": [
        "都道府県の入力（2セット）と異なる数量で承認する場合は、調整理由を入力してください。",
      ],
    });
    expect(refused.message).toBe(
      "都道府県の入力（2セット）と異なる数量で承認する場合は、調整理由を入力してください。いずれの要請も承認していません。",
    );
    const result = await ministry.review.approve({
      items: [
        { id: a.id, expectedVersion: a.version, quantitySets: 1, adjustReason: "在庫配分の調整" },
      ],
    });
    expect(result.approved[0]?.quantitySets).toBe(1);
    const detail = await ministry.review.get({ id: a.id });
    expect(detail.ministryApproval).toMatchObject({
      quantitySets: 1,
      adjustReason: "在庫配分の調整",
    });
    expect(detail.history.at(-1)?.changes).toMatchObject({
      quantitySets: 1,
      prefectureQuantitySets: 2,
      adjustReason: "在庫配分の調整",
    });
  });

  it("approves a batch in one transaction: one bad item and none is approved", async () => {
    const [m0, m1, m2] = more;
    if (!m0 || !m1 || !m2) throw new Error("fixture");
    const ready = [
      await withMinistry(world.a),
      await withMinistry(world.b),
      await withMinistry(m0),
    ];
    const stillAtPrefecture = await fileRequest(db, world.clock, m1, ELIGIBLE);
    const ids = [...ready, stillAtPrefecture].map((r) => r.id);
    const before = await statuses(ids);

    const refused = await refusal(
      ministry.review.approve({
        items: [...ready, stillAtPrefecture].map((r) => ({ id: r.id, expectedVersion: r.version })),
      }),
    );
    expect(refused.data).toMatchObject({
      code: "PRECONDITION_FAILED",
      domainCode: "INVALID_STATE",
    });
    expect(refused.data.fieldErrors).toEqual({
      "items.3": [
        "この要請は都道府県確認中です。都道府県の確認が完了してから承認・差戻しができます。",
      ],
    });
    expect(refused.message).toMatch(
      /^選択した4件のうち1件は承認できません（.+：この要請は都道府県確認中です。/,
    );
    expect(refused.message).toMatch(/いずれの要請も承認していません。$/);
    expect(await statuses(ids)).toEqual(before);
    expect(await db.selectFrom("ministryApprovals").selectAll().execute()).toEqual([]);
    expect(
      await db
        .selectFrom("sosRequestHistory")
        .select("id")
        .where("action", "=", "approve")
        .execute(),
    ).toEqual([]);

    // a stale item likewise sinks the batch, reported as a conflict
    const stale = await refusal(
      ministry.review.approve({
        items: ready.map((r, index) => ({
          id: r.id,
          expectedVersion: index === 1 ? r.version - 1 : r.version,
        })),
      }),
    );
    expect(stale.data).toMatchObject({ code: "CONFLICT", domainCode: "STALE_VERSION" });
    expect(stale.data.fieldErrors).toEqual({
      "items.1": ["他の担当者が先に更新しました。最新の内容を確認してください。"],
    });
    expect(await db.selectFrom("ministryApprovals").selectAll().execute()).toEqual([]);

    const result = await ministry.review.approve({
      items: ready.map((r) => ({ id: r.id, expectedVersion: r.version })),
    });
    expect(result.approved.map((r) => r.id)).toEqual(ready.map((r) => r.id));
    expect((await statuses(ready.map((r) => r.id))).map((r) => r.status)).toEqual([
      "accepted",
      "accepted",
      "accepted",
    ]);
  });

  it("two ministry officers approving overlapping batches at once: one batch wins whole, the other approves nothing", async () => {
    const [m0] = more;
    if (!m0) throw new Error("fixture");
    const [r1, r2, r3] = [
      await withMinistry(world.a),
      await withMinistry(world.b),
      await withMinistry(m0),
    ];
    if (!r1 || !r2 || !r3) throw new Error("fixture");
    const item = (r: FiledRequest) => ({ id: r.id, expectedVersion: r.version });
    const results = await Promise.allSettled([
      ministry.review.approve({ items: [item(r1), item(r2)] }),
      world.secondMinistryCaller.review.approve({ items: [item(r3), item(r2)] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const approvals = await db.selectFrom("ministryApprovals").select("requestId").execute();
    expect(approvals).toHaveLength(2);
    const approvedIds = new Set(approvals.map((a) => a.requestId));
    expect(approvedIds.has(r2.id)).toBe(true);
    // exactly one of r1 / r3 went with r2; the other batch left its own item untouched
    expect(approvedIds.has(r1.id) !== approvedIds.has(r3.id)).toBe(true);
  });

  it("refuses duplicates and an empty selection before touching anything", async () => {
    const a = await withMinistry(world.a);
    const twice = await refusal(
      ministry.review.approve({
        items: [
          { id: a.id, expectedVersion: a.version },
          { id: a.id, expectedVersion: a.version },
        ],
      }),
    );
    expect(twice.data.fieldErrors).toEqual({ items: ["同じ要請が複数回選択されています"] });
    const none = await refusal(ministry.review.approve({ items: [] }));
    expect(none.data.fieldErrors).toEqual({ items: ["承認する要請を選択してください"] });
  });
});

describe("review.returnToPrefecture", () => {
  it("hands a completed request back with a reason: stage, completion, history, mail", async () => {
    const a = await withMinistry(world.a);
    world.clock.set("2026-12-03 11:00:00");
    const returned = await ministry.review.returnToPrefecture({
      id: a.id,
      expectedVersion: a.version,
      reason: "1週間の想定消費量が前週の10倍です。医療機関に確認してください。",
    });
    expect(returned).toMatchObject({
      status: "reviewing",
      reviewStage: "prefecture",
      statusLabel: "都道府県確認中",
      prefectureReview: {
        completedAt: null,
        completedBy: null,
        quantitySets: 2,
        supplyNeeded: true,
      },
      returns: [
        {
          reason: "1週間の想定消費量が前週の10倍です。医療機関に確認してください。",
          returnedAt: "2026-12-03T02:00:00.000Z",
          returnedBy: { id: world.ministry.user.id },
        },
      ],
    });
    expect(returned.history.at(-1)).toMatchObject({
      action: "return_to_prefecture",
      actionLabel: "国から都道府県へ差戻し",
      actorRole: "ministry",
      changes: {
        reason: "1週間の想定消費量が前週の10倍です。医療機関に確認してください。",
        reviewStage: { from: "ministry", to: "prefecture" },
      },
    });
    const mails = await db
      .selectFrom("mailOutbox")
      .select(["toAddress", "subject", "textBody"])
      .where("kind", "=", "sos_returned")
      .orderBy("toAddress")
      .execute();
    expect(mails.map((m) => m.toAddress)).toEqual(
      world.tokyoOfficers.map((o) => o.user.email).sort(),
    );
    expect(mails[0]?.textBody).toContain("1週間の想定消費量が前週の10倍です。");
    expect(mails[0]?.textBody).toContain("都道府県の入力数量：2セット");
    expect(mails[0]?.textBody).toContain(`http://localhost:3000/review/requests/${a.id}`);

    const [row] = (await tokyo.review.queue({})).items;
    expect(row).toMatchObject({ id: a.id, returned: true, prefectureReview: { state: "draft" } });

    // the prefecture corrects and completes again; the ministry can then approve
    const again = await completeByPrefecture(tokyo, returned, { quantitySets: 1 });
    expect(again.reviewStage).toBe("ministry");
    const approved = await ministry.review.approve({
      items: [{ id: a.id, expectedVersion: again.version }],
    });
    expect(approved.approved[0]?.quantitySets).toBe(1);
  });

  it("only returns what the ministry holds, and needs a reason", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const early = await refusal(
      ministry.review.returnToPrefecture({ id: a.id, expectedVersion: a.version, reason: "確認" }),
    );
    expect(early.data.domainCode).toBe("INVALID_STATE");
    const blank = await refusal(
      ministry.review.returnToPrefecture({ id: a.id, expectedVersion: a.version, reason: "" }),
    );
    expect(blank.data.fieldErrors).toEqual({ reason: ["差戻しの理由を入力してください"] });
  });
});

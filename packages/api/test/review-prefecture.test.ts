import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Caller,
  callerAs,
  domainCause,
  refusal,
  rejection,
} from "./fixtures/institution-world";
import {
  completeByPrefecture,
  createReviewWorld,
  ELIGIBLE,
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
let tokyo2: Caller;

/** b's figures: 100 in stock, 3,000 used and nothing bought a week → limit 6 sets, cover 0.03 weeks. */
const SHORT = { stock: 100, consumption: 3000, purchases: 0 };

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  tokyo = world.tokyoCaller;
  tokyo2 = world.tokyo2Caller;
  await db
    .updateTable("institutions")
    .set({ name: "あおば薬局", type: "pharmacy" })
    .where("id", "=", world.b.institutionId)
    .execute();
  await db
    .updateTable("institutions")
    .set({ name: "さくら総合病院" })
    .where("id", "=", world.a.institutionId)
    .execute();
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

async function mailJob(mailId: string) {
  const result = await sql<{ runAt: Date; taskIdentifier: string }>`
    select run_at, task_identifier from graphile_worker.jobs where key = ${`mail:${mailId}`}`.execute(
    db,
  );
  return result.rows[0];
}

describe("review.queue", () => {
  it("lists the prefecture's reviewing requests with the figures, the rule, the limit and the cover", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-01 11:00:00");
    const b = await fileRequest(db, world.clock, world.b, SHORT);
    await fileRequest(db, world.clock, world.osaka, ELIGIBLE);

    const page = await tokyo.review.queue({});
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50, pageCount: 1 });
    expect(page.items.map((row) => row.id)).toEqual([a.id, b.id]);
    expect(page.items[0]).toEqual({
      id: a.id,
      version: a.version,
      status: "reviewing",
      statusLabel: "都道府県確認中",
      reviewStage: "prefecture",
      reviewStageLabel: "都道府県確認中",
      weekStart: WEEK,
      appliedAt: "2026-12-01T01:00:00.000Z",
      late: false,
      handleFrom: "2026-12-02",
      prefectureDue: "2026-12-03T08:00:00.000Z",
      institution: {
        id: world.a.institutionId,
        code: expect.stringMatching(/^\d{10}$/),
        name: "さくら総合病院",
        type: "hospital",
        typeLabel: "病院",
        prefectureCode: 13,
        prefectureName: "東京都",
      },
      contactName: "山田　花子",
      figures: ELIGIBLE,
      assessment: {
        eligible: true,
        weeklyShortfall: 600,
        monthlyShortfall: 2400,
        limitSets: 2,
        limitPieces: 2000,
      },
      limitSets: 2,
      limitPieces: 2000,
      weeksOfCover: 2000 / 600,
      prefectureReview: {
        state: "none",
        supplyNeeded: null,
        quantitySets: null,
        completedAt: null,
      },
      approvedSets: null,
      returned: false,
      sanctioned: false,
    });
    expect(page.items[1]).toMatchObject({
      institution: { name: "あおば薬局", type: "pharmacy", typeLabel: "薬局" },
      limitSets: 6,
      limitPieces: 6000,
      weeksOfCover: 100 / 3000,
    });
  });

  it("sorts on the server by each key, both ways, and pages with a total", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-01 11:00:00");
    const b = await fileRequest(db, world.clock, world.b, SHORT);

    const order = async (
      sort: "appliedAt" | "institutionName" | "weeksOfCover" | "limitSets",
      dir: "asc" | "desc",
    ) => (await tokyo.review.queue({ sort, dir })).items.map((row) => row.id);
    expect(await order("appliedAt", "asc")).toEqual([a.id, b.id]);
    expect(await order("appliedAt", "desc")).toEqual([b.id, a.id]);
    // あ (U+3042) sorts before さ (U+3055)
    expect(await order("institutionName", "asc")).toEqual([b.id, a.id]);
    expect(await order("weeksOfCover", "asc")).toEqual([b.id, a.id]);
    expect(await order("weeksOfCover", "desc")).toEqual([a.id, b.id]);
    expect(await order("limitSets", "desc")).toEqual([b.id, a.id]);

    const first = await tokyo.review.queue({ pageSize: 1, page: 1 });
    const second = await tokyo.review.queue({ pageSize: 1, page: 2 });
    const beyond = await tokyo.review.queue({ pageSize: 1, page: 3 });
    expect([first.total, first.pageCount]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((row) => row.id)).toEqual([a.id, b.id]);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(2);

    const refused = await refusal(tokyo.review.queue({ pageSize: 101 }));
    expect(refused.data.code).toBe("BAD_REQUEST");
  });

  it("filters by stage, institution type, filing days, lateness, review state and name or code", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-02 17:30:00"); // after the Wednesday 17:00 deadline
    const b = await fileRequest(db, world.clock, world.b, SHORT);
    world.clock.set("2026-12-02 18:00:00");

    const ids = async (input: Parameters<Caller["review"]["queue"]>[0]) =>
      (await tokyo.review.queue(input)).items.map((row) => row.id);

    expect(await ids({ late: true })).toEqual([b.id]);
    expect(await ids({ late: false })).toEqual([a.id]);
    const lateRow = (await tokyo.review.queue({ late: true })).items[0];
    expect(lateRow).toMatchObject({
      handleFrom: "2026-12-03",
      prefectureDue: "2026-12-03T08:00:00.000Z",
    });
    expect(await ids({ institutionType: "pharmacy" })).toEqual([b.id]);
    expect(await ids({ filedFrom: "2026-12-02", filedTo: "2026-12-02" })).toEqual([b.id]);
    expect(await ids({ filedTo: "2026-12-01" })).toEqual([a.id]);
    expect(await ids({ search: "さくら" })).toEqual([a.id]);
    const code = (await tokyo.review.get({ id: b.id })).institution.code;
    expect(await ids({ search: code.slice(0, 10) })).toEqual([b.id]);
    expect(await ids({ search: "100%" })).toEqual([]);
    const badRange = await refusal(
      tokyo.review.queue({ filedFrom: "2026-12-03", filedTo: "2026-12-01" }),
    );
    expect(badRange.data.fieldErrors).toEqual({
      filedTo: ["申請日の範囲が正しくありません（開始日が終了日より後です）"],
    });

    const saved = await tokyo.review.savePrefectureReview({
      id: a.id,
      expectedVersion: a.version,
      supplyNeeded: true,
      notes: "電話で確認中",
      complete: false,
    });
    expect(await ids({ reviewState: "draft" })).toEqual([a.id]);
    expect(await ids({ reviewState: "none" })).toEqual([b.id]);
    await completeByPrefecture(tokyo, saved);
    expect(await ids({ reviewState: "completed" })).toEqual([a.id]);
    expect(await ids({ stage: "ministry" })).toEqual([a.id]);
    expect(await ids({ stage: "prefecture" })).toEqual([b.id]);
  });

  it("shows filed requests only: never a draft or a failed check; a withdrawn filing under its status", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const institution = await callerAs(db, world.b.user, world.clock);
    await institution.sos.create({
      contactName: "佐藤",
      contactPhone: "",
      notes: "",
      conditionsConfirmed: true,
    });
    const failed = await institution.sos.create({
      contactName: "佐藤",
      contactPhone: "",
      notes: "",
      conditionsConfirmed: true,
    });
    const checked = await institution.sos.checkAndApply({ id: failed.id, version: failed.version });
    expect(checked.outcome).toBe("error"); // b has not answered its survey

    const owner = await callerAs(db, world.a.user, world.clock);
    await owner.sos.withdraw({ id: a.id, version: a.version });

    expect((await tokyo.review.queue({})).total).toBe(0);
    const withdrawn = await tokyo.review.queue({ status: "withdrawn" });
    expect(withdrawn.items.map((row) => [row.id, row.statusLabel])).toEqual([[a.id, "取下げ"]]);
    expect((await tokyo.review.queue({ status: "all" })).total).toBe(1);
    expect(domainCause(await rejection(tokyo.review.get({ id: failed.id }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("flags a request whose institution is under a sanction in force", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    await world.ministryCaller.sanctions.create({
      institutionId: world.a.institutionId,
      reason: "転売",
      effectiveFrom: "2026-12-01",
    });
    const [row] = (await tokyo.review.queue({})).items;
    expect(row).toMatchObject({ id: a.id, sanctioned: true });
    const detail = await tokyo.review.get({ id: a.id });
    expect(detail.sanctions).toEqual([
      { id: expect.any(String), reason: "転売", effectiveFrom: "2026-12-01" },
    ]);
  });
});

describe("review.deadlines", () => {
  it("counts down to Thursday 17:00 of the round, and moves on once it has passed", async () => {
    await fileRequest(db, world.clock, world.a, ELIGIBLE);
    await fileRequest(db, world.clock, world.osaka, ELIGIBLE);

    const tuesday = await tokyo.review.deadlines();
    expect(tuesday).toEqual({
      now: "2026-12-01T01:00:00.000Z",
      round: {
        weekStart: WEEK,
        weekTitle: "2026年12月2日（水）17:00締切の週",
        sosDeadline: "2026-12-02T08:00:00.000Z",
        prefectureDue: "2026-12-03T08:00:00.000Z",
      },
      timeLeft: { days: 2, hours: 7, minutes: 0, overdue: false },
      awaitingPrefecture: 1,
      awaitingMinistry: 0,
      overdue: 0,
    });
    expect((await world.ministryCaller.review.deadlines()).awaitingPrefecture).toBe(2);

    world.clock.set("2026-12-03 16:59:30"); // Thursday, before 17:00: still this round
    expect(await tokyo.review.deadlines()).toMatchObject({
      round: { weekStart: WEEK },
      timeLeft: { days: 0, hours: 0, minutes: 1, overdue: false },
    });

    world.clock.set("2026-12-03 17:00:01"); // past due: the countdown moves to next week's round
    expect(await tokyo.review.deadlines()).toMatchObject({
      round: {
        weekStart: "2026-12-02",
        sosDeadline: "2026-12-09T08:00:00.000Z",
        prefectureDue: "2026-12-10T08:00:00.000Z",
      },
      awaitingPrefecture: 1,
      overdue: 1,
    });
  });
});

describe("review.deadlines for the ministry", () => {
  it("counts what waits for the ministry, apart from what waits for the prefectures", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    await fileRequest(db, world.clock, world.osaka, ELIGIBLE);
    expect(await world.ministryCaller.review.deadlines()).toMatchObject({
      awaitingPrefecture: 2,
      awaitingMinistry: 0,
    });

    await completeByPrefecture(tokyo, a);
    expect(await world.ministryCaller.review.deadlines()).toMatchObject({
      awaitingPrefecture: 1,
      awaitingMinistry: 1,
    });
    // A prefecture sees its own requests only: Osaka's officer has nothing at the ministry.
    expect(await tokyo.review.deadlines()).toMatchObject({
      awaitingPrefecture: 0,
      awaitingMinistry: 1,
    });
  });
});

describe("review.get", () => {
  it("shows the request, the survey, the calculation, the review so far and the whole history", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const detail = await tokyo.review.get({ id: a.id });
    expect(detail).toMatchObject({
      id: a.id,
      version: a.version,
      status: "reviewing",
      statusLabel: "都道府県確認中",
      weekTitle: "2026年12月2日（水）17:00締切の週",
      prefectureDue: "2026-12-03T08:00:00.000Z",
      notEligibleNoticeFrom: "2026-12-03T15:00:00.000Z",
      contactName: "山田　花子",
      contactPhone: "0312345678",
      notes: "ニトリル手袋Mサイズが不足しています。",
      institution: {
        name: "さくら総合病院",
        prefectureName: "東京都",
        postcode: "1000001",
        address: "東京都千代田区千代田1-1",
        phone: "0312345678",
      },
      calculation: {
        figures: ELIGIBLE,
        assessment: { eligible: true, limitSets: 2 },
        weeksOfCover: 2000 / 600,
        source: "snapshot",
        limitSets: 2,
        limitPieces: 2000,
      },
      survey: { weekStart: WEEK, figures: ELIGIBLE, changedSinceCheck: false },
      prefectureReview: null,
      ministryApproval: null,
      returns: [],
      sanctions: [],
      targetList: null,
      abilities: {
        canEditPrefectureReview: true,
        canMarkNotEligible: true,
        canApprove: false,
        canReturn: false,
      },
    });
    expect(detail.history.map((entry) => [entry.action, entry.actorRoleLabel])).toEqual([
      ["create", "医療機関"],
      ["apply_passed", "医療機関"],
    ]);
  });
});

describe("review.savePrefectureReview", () => {
  it("saves a draft whose quantity defaults to the computed limit, with history and audit", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-02 09:00:00");
    const saved = await tokyo.review.savePrefectureReview({
      id: a.id,
      expectedVersion: a.version,
      supplyNeeded: true,
      notes: "  在庫を電話で確認済み  ",
      complete: false,
    });
    expect(saved).toMatchObject({
      version: a.version + 1,
      reviewStage: "prefecture",
      prefectureReview: {
        supplyNeeded: true,
        quantitySets: 2,
        computedLimitSets: 2,
        overrideReason: null,
        notes: "在庫を電話で確認済み",
        completedAt: null,
        completedBy: null,
        updatedAt: "2026-12-02T00:00:00.000Z",
        updatedBy: { id: world.tokyoOfficers[0]?.user.id },
        version: 1,
      },
    });
    const entry = saved.history.at(-1);
    expect(entry).toMatchObject({
      action: "prefecture_save",
      actionLabel: "都道府県入力の一時保存",
      actor: { id: world.tokyoOfficers[0]?.user.id },
      actorRole: "prefecture",
      actorRoleLabel: "都道府県担当者",
      at: "2026-12-02T00:00:00.000Z",
      fromStatus: "reviewing",
      toStatus: "reviewing",
      changes: {
        supplyNeeded: { from: null, to: true },
        quantitySets: { from: null, to: 2 },
        notes: { from: "", to: "在庫を電話で確認済み" },
      },
    });
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorRole", "details"])
      .where("targetId", "=", a.id)
      .where("action", "like", "review.%")
      .execute();
    expect(audit).toEqual([
      {
        action: "review.prefecture.save",
        actorRole: "prefecture",
        details: {
          fromStatus: "reviewing",
          toStatus: "reviewing",
          fields: ["supplyNeeded", "quantitySets", "notes"],
          quantitySets: 2,
          limitSets: 2,
          overLimit: false,
        },
      },
    ]);

    // saving the same again writes nothing and keeps the version
    const again = await tokyo.review.savePrefectureReview({
      id: a.id,
      expectedVersion: saved.version,
      supplyNeeded: true,
      quantitySets: 2,
      notes: "在庫を電話で確認済み",
      complete: false,
    });
    expect(again.version).toBe(saved.version);
    expect(again.history).toHaveLength(saved.history.length);
  });

  it("refuses a quantity above the limit without a reason; with one it is stored and shown", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const refused = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: true,
        quantitySets: 3,
        overrideReason: "   ",
        notes: "",
        complete: true,
      }),
    );
    expect(refused.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "INVALID_INPUT" });
    expect(refused.data.fieldErrors).toEqual({
      overrideReason: ["購入上限数（算定値 2セット）を超える数量には、理由の入力が必要です。"],
    });
    expect(await db.selectFrom("prefectureReviews").selectAll().execute()).toEqual([]);
    const unchanged = await tokyo.review.get({ id: a.id });
    expect([unchanged.version, unchanged.reviewStage]).toEqual([a.version, "prefecture"]);

    const done = await completeByPrefecture(
      tokyo,
      { id: a.id, version: a.version },
      { quantitySets: 3, overrideReason: "透析患者が多く、1週間の消費が急増している" },
    );
    expect(done).toMatchObject({
      reviewStage: "ministry",
      statusLabel: "国確認中",
      prefectureReview: {
        quantitySets: 3,
        computedLimitSets: 2,
        overrideReason: "透析患者が多く、1週間の消費が急増している",
        completedBy: { id: world.tokyoOfficers[0]?.user.id },
      },
      abilities: { canEditPrefectureReview: false, canMarkNotEligible: false },
    });
    expect(done.history.at(-1)).toMatchObject({
      action: "prefecture_complete",
      actionLabel: "都道府県確認完了",
      changes: {
        reviewStage: { from: "prefecture", to: "ministry" },
        overLimit: {
          limitSets: 2,
          quantitySets: 3,
          reason: "透析患者が多く、1週間の消費が急増している",
        },
      },
    });

    // completed: the prefecture's part is closed until the ministry returns it
    const closed = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: done.version,
        supplyNeeded: true,
        notes: "",
        complete: false,
      }),
    );
    expect(closed.data).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "INVALID_STATE" });
    expect(closed.message).toContain("国確認中");
  });

  it("reads 配送不要 as zero sets, and completing needs the 配送要否 answer", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const noAnswer = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: null,
        notes: "",
        complete: true,
      }),
    );
    expect(noAnswer.data.fieldErrors).toEqual({ supplyNeeded: ["配送要否を選択してください。"] });
    const withQuantity = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: false,
        quantitySets: 2,
        notes: "",
        complete: false,
      }),
    );
    expect(withQuantity.data.fieldErrors).toEqual({
      quantitySets: ["配送不要の場合、数量は入力できません（0セット）。"],
    });
    const zero = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: true,
        quantitySets: 0,
        notes: "",
        complete: false,
      }),
    );
    expect(zero.data.fieldErrors).toEqual({
      quantitySets: ["配送が必要な場合、数量は1セット以上を入力してください。"],
    });
    const notNeeded = await tokyo.review.savePrefectureReview({
      id: a.id,
      expectedVersion: a.version,
      supplyNeeded: false,
      notes: "近隣病院から融通を受けられることを確認",
      complete: true,
    });
    expect(notNeeded.prefectureReview).toMatchObject({ supplyNeeded: false, quantitySets: 0 });
  });

  it("of two officers saving the same request at once, exactly one wins; the other is told and nothing is lost", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const save = (caller: Caller, notes: string) =>
      caller.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: true,
        notes,
        complete: false,
      });
    const results = await Promise.allSettled([
      save(tokyo, "担当A：電話済み"),
      save(tokyo2, "担当B：未確認"),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = await rejection(Promise.reject((lost[0] as PromiseRejectedResult).reason));
    expect(error.code).toBe("CONFLICT");
    expect(domainCause(error).code).toBe("STALE_VERSION");
    expect(error.message).toBe("他の担当者が先に更新しました。最新の内容を確認してください。");

    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof save>>>).value;
    const stored = await db
      .selectFrom("prefectureReviews")
      .select(["notes", "updatedBy", "version"])
      .where("requestId", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(stored.notes).toBe(winner.prefectureReview?.notes);
    expect(stored.version).toBe(1);
    const saves = await db
      .selectFrom("sosRequestHistory")
      .select("changes")
      .where("requestId", "=", a.id)
      .where("action", "=", "prefecture_save")
      .execute();
    expect(saves).toHaveLength(1);

    // the second officer reloads, sees the first one's note, and saves on top of it
    const reloaded = await tokyo2.review.get({ id: a.id });
    const merged = await tokyo2.review.savePrefectureReview({
      id: a.id,
      expectedVersion: reloaded.version,
      supplyNeeded: true,
      notes: `${reloaded.prefectureReview?.notes ?? ""}／担当B：了解`,
      complete: false,
    });
    expect(merged.prefectureReview?.notes).toMatch(/^担当[AB]：.+／担当B：了解$/);
  });

  it("refuses with the one STALE_VERSION wording when the institution edited the request since it was opened", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const institution = await callerAs(db, world.a.user, world.clock);
    await institution.sos.update({
      id: a.id,
      version: a.version,
      contactName: "山田　花子",
      contactPhone: "03-1234-5678",
      notes: "Lサイズも不足しています。",
      conditionsConfirmed: true,
    });
    const stale = await refusal(
      tokyo.review.savePrefectureReview({
        id: a.id,
        expectedVersion: a.version,
        supplyNeeded: true,
        notes: "",
        complete: true,
      }),
    );
    expect(stale.data).toMatchObject({ code: "CONFLICT", domainCode: "STALE_VERSION" });
    expect(stale.message).toBe("他の担当者が先に更新しました。最新の内容を確認してください。");
  });
});

describe("review.markNotEligible", () => {
  it("closes the request and mails the institution, held until the Friday of the request week", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-02 10:00:00"); // Wednesday
    const result = await tokyo.review.markNotEligible({
      id: a.id,
      expectedVersion: a.version,
      reason: "  電話で確認したところ、在庫は院内の別倉庫に十分ありました。  ",
    });
    expect(result.notice).toEqual({
      mailId: expect.any(String),
      to: expect.stringMatching(/@example\.jp$/),
      sendAt: "2026-12-03T15:00:00.000Z", // Friday 2026-12-04 00:00 in Tokyo
    });
    expect(result.request).toMatchObject({
      status: "not_eligible",
      statusLabel: "対象外",
      reviewStage: null,
      closedReason: "電話で確認したところ、在庫は院内の別倉庫に十分ありました。",
      prefectureReview: {
        notEligibleReason: "電話で確認したところ、在庫は院内の別倉庫に十分ありました。",
      },
      abilities: { canEditPrefectureReview: false, canMarkNotEligible: false },
    });
    expect(result.request.history.at(-1)).toMatchObject({
      action: "reject",
      actionLabel: "対象外",
      fromStatus: "reviewing",
      toStatus: "not_eligible",
      actorRole: "prefecture",
      changes: { reason: "電話で確認したところ、在庫は院内の別倉庫に十分ありました。" },
    });

    const institutionEmail = (
      await db
        .selectFrom("institutions")
        .select("email")
        .where("id", "=", world.a.institutionId)
        .executeTakeFirstOrThrow()
    ).email;
    const mail = await db
      .selectFrom("mailOutbox")
      .selectAll()
      .where("id", "=", result.notice.mailId)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      kind: "sos_not_eligible",
      toAddress: institutionEmail,
      status: "pending",
      subject: "【SOS Supply】緊急配布要請の確認結果のお知らせ（対象外）",
    });
    expect(mail.textBody).toContain("さくら総合病院 御中");
    expect(mail.textBody).toContain("東京都で要請内容を確認した結果");
    expect(mail.textBody).toContain("在庫は院内の別倉庫に十分ありました");
    expect(mail.textBody).toContain("購入用URLのご案内メールは届きません");
    expect(mail.textBody).toContain(`http://localhost:3000/institution/requests/${a.id}`);
    const job = await mailJob(result.notice.mailId);
    expect(job?.taskIdentifier).toBe("send_mail");
    expect(job?.runAt.toISOString()).toBe("2026-12-03T15:00:00.000Z");

    // the institution sees the outcome; the request is closed for everyone
    const institution = await callerAs(db, world.a.user, world.clock);
    const own = await institution.sos.get({ id: a.id });
    expect(own).toMatchObject({ status: "not_eligible", editable: false });
    expect(own.decision).toEqual({
      kind: "not_eligible",
      reason: "電話で確認したところ、在庫は院内の別倉庫に十分ありました。",
    });
    const again = await refusal(
      tokyo.review.markNotEligible({
        id: a.id,
        expectedVersion: result.request.version,
        reason: "重複",
      }),
    );
    expect(again.message).toBe("この要請は対象外として終了しています。");
  });

  it("sends at once when the Friday has already come", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    world.clock.set("2026-12-05 09:00:00"); // Saturday
    const result = await tokyo.review.markNotEligible({
      id: a.id,
      expectedVersion: a.version,
      reason: "条件に該当しない",
    });
    expect(result.notice.sendAt).toBe("2026-12-05T00:00:00.000Z");
    expect((await mailJob(result.notice.mailId))?.runAt.toISOString()).toBe(
      "2026-12-05T00:00:00.000Z",
    );
  });

  it("a late request (after Wednesday 17:00) is still noticed from that week's Friday", async () => {
    world.clock.set("2026-12-02 17:30:00");
    const late = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const result = await tokyo.review.markNotEligible({
      id: late.id,
      expectedVersion: late.version,
      reason: "条件に該当しない",
    });
    expect(result.notice.sendAt).toBe("2026-12-03T15:00:00.000Z");
  });

  it("the prefecture cannot close a request the ministry holds; the ministry can, and the officers are told", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const done = await completeByPrefecture(tokyo, a);
    const refused = await refusal(
      tokyo.review.markNotEligible({
        id: a.id,
        expectedVersion: done.version,
        reason: "やはり不要",
      }),
    );
    expect(refused.data.domainCode).toBe("INVALID_STATE");

    const closed = await world.ministryCaller.review.markNotEligible({
      id: a.id,
      expectedVersion: done.version,
      reason: "同一法人の別施設で重複して要請されている",
    });
    expect(closed.request).toMatchObject({
      status: "not_eligible",
      closedReason: "同一法人の別施設で重複して要請されている",
    });
    expect(closed.request.history.at(-1)).toMatchObject({
      action: "reject",
      actorRole: "ministry",
    });
    const officerMails = await db
      .selectFrom("mailOutbox")
      .select(["toAddress", "textBody"])
      .where("kind", "=", "sos_not_eligible_by_ministry")
      .orderBy("toAddress")
      .execute();
    expect(officerMails.map((m) => m.toAddress)).toEqual(
      world.tokyoOfficers.map((o) => o.user.email).sort(),
    );
    expect(officerMails[0]?.textBody).toContain(
      "国（厚生労働省）が、東京都の医療機関の緊急配布要請を対象外としました。",
    );
    const institutionMail = await db
      .selectFrom("mailOutbox")
      .select("textBody")
      .where("kind", "=", "sos_not_eligible")
      .executeTakeFirstOrThrow();
    expect(institutionMail.textBody).toContain(
      "都道府県・国（厚生労働省）で要請内容を確認した結果",
    );
  });

  it("needs a reason", async () => {
    const a = await fileRequest(db, world.clock, world.a, ELIGIBLE);
    const refused = await refusal(
      tokyo.review.markNotEligible({ id: a.id, expectedVersion: a.version, reason: "　" }),
    );
    expect(refused.data.fieldErrors).toEqual({ reason: ["対象外とする理由を入力してください"] });
  });
});

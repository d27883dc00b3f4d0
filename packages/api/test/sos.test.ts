import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { CONDITIONS_NOT_CONFIRMED_MESSAGE } from "@sos/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  domainCause,
  ELIGIBLE,
  FORM,
  type InstitutionWorld,
  NOT_ELIGIBLE,
  putSurvey,
  refusal,
  rejection,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let a: Caller;
let b: Caller;

/** Tuesday of the week that opened on Wednesday 2026-11-25; its deadline is Wednesday 12-02 17:00. */
const TUESDAY = "2026-12-01 10:00:00";
const WEEK = "2026-11-25";

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock(TUESDAY);
  a = await callerAs(db, world.a.user, clock);
  b = await callerAs(db, world.b.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set(TUESDAY);
  await emptyTables(db);
});

/** The officers' mails; the institution's own 受付 mail is institution-request-mails.test.ts's. */
async function mails() {
  return db
    .selectFrom("mailOutbox")
    .select(["kind", "toAddress", "fromAddress", "subject", "textBody"])
    .where("kind", "!=", "sos_received")
    .orderBy("toAddress")
    .execute();
}

async function draft(caller: Caller = a) {
  return caller.sos.create(FORM);
}

async function setStatus(
  id: string,
  status: "accepted" | "not_eligible",
  closedReason: string | null = null,
) {
  await db
    .updateTable("sosRequests")
    .set({ status, reviewStage: null, closedReason })
    .where("id", "=", id)
    .execute();
}

describe("sos.create", () => {
  it("refuses to save without the conditions tick, with the manual's message at the field", async () => {
    const shape = await refusal(a.sos.create({ ...FORM, conditionsConfirmed: false }));
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.data.fieldErrors).toEqual({
      conditionsConfirmed: [CONDITIONS_NOT_CONFIRMED_MESSAGE],
    });
    expect(CONDITIONS_NOT_CONFIRMED_MESSAGE).toBe(
      "「上記の緊急配布条件を満たしていることを確認した」にチェックを入れてください",
    );
    expect(await db.selectFrom("sosRequests").select("id").execute()).toEqual([]);
  });

  it("stores a draft (申請前) for the current survey week, with its history and audit", async () => {
    const created = await draft();
    expect(created).toMatchObject({
      status: "draft",
      statusLabel: "申請前",
      reviewStage: null,
      weekStart: WEEK,
      weekTitle: "2026年12月2日（水）17:00締切の週",
      appliedAt: null,
      late: false,
      handleFrom: null,
      contactName: "山田　花子",
      contactPhone: "0312345678",
      notes: "ニトリル手袋Mサイズが不足しています。",
      conditionsConfirmed: true,
      version: 1,
      editable: true,
      canApply: true,
      canWithdraw: false,
      deadline: "2026-12-02T08:00:00.000Z",
      createdBy: { id: world.a.user.id, displayName: world.a.user.displayName },
      institution: { id: world.a.institutionId, prefectureCode: 13, prefectureName: "東京都" },
      errorReasons: [],
      check: null,
      decision: null,
    });
    expect(created.history).toHaveLength(1);
    expect(created.history[0]).toMatchObject({
      action: "create",
      actionLabel: "作成（申請前）",
      actor: { id: world.a.user.id, displayName: world.a.user.displayName },
      actorRole: "institution",
      actorRoleLabel: "医療機関",
      fromStatus: null,
      toStatus: "draft",
      toStatusLabel: "申請前",
      changes: { contactName: { from: null, to: "山田　花子" } },
    });
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorUserId"])
      .where("targetId", "=", created.id)
      .execute();
    expect(audit).toEqual([{ action: "sos.create", actorUserId: world.a.user.id }]);
  });
});

describe("sos.checkAndApply (システムチェック&申請)", () => {
  it("without an answered survey → error, with the reason and the survey to fix", async () => {
    const { id, version } = await draft();
    const result = await a.sos.checkAndApply({ id, version });
    const survey = await db
      .selectFrom("weeklySurveys")
      .select(["id", "weekStart"])
      .where("institutionId", "=", world.a.institutionId)
      .executeTakeFirstOrThrow();
    expect(survey.weekStart).toBe(WEEK);
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([
      {
        code: "survey_unanswered",
        message:
          "今週（2026年12月2日（水）17:00締切の週）の週次調査に回答していません。週次調査に回答してから、もう一度「システムチェック&申請」を行ってください。",
        surveyId: survey.id,
      },
    ]);
    expect(result.request).toMatchObject({
      status: "error",
      statusLabel: "エラーあり",
      reviewStage: null,
      surveyId: survey.id,
      appliedAt: clock.now.toISOString(),
      version: 2,
      errorReasons: result.reasons,
      canApply: true,
      editable: true,
      check: null,
    });
    const stored = await db
      .selectFrom("sosRequests")
      .select(["errorReasons", "checkedStock"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ errorReasons: ["survey_unanswered"], checkedStock: null });
    expect(await mails()).toEqual([]);
  });

  it("with an eligible survey → reviewing with the prefecture, and every Tokyo officer is mailed", async () => {
    const surveyId = await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE, world.a.user.id);
    const { id, version } = await draft();
    const result = await a.sos.checkAndApply({ id, version });
    expect(result.outcome).toBe("reviewing");
    expect(result.reasons).toEqual([]);
    expect(result.request).toMatchObject({
      status: "reviewing",
      statusLabel: "都道府県・国確認中",
      reviewStage: "prefecture",
      surveyId,
      late: false,
      handleFrom: "2026-12-02",
      lateNote: null,
      errorReasons: [],
      version: 2,
      editable: true,
      canApply: false,
      canWithdraw: true,
      check: {
        surveyId,
        weekStart: WEEK,
        figures: ELIGIBLE,
        assessment: { eligible: true, monthlyShortfall: 2400, limitSets: 2, limitPieces: 2000 },
        source: "snapshot",
        surveyChangedSinceCheck: false,
      },
    });
    expect(
      result.request.history.map((entry) => [entry.action, entry.fromStatus, entry.toStatus]),
    ).toEqual([
      ["create", null, "draft"],
      ["apply_passed", "draft", "reviewing"],
    ]);

    const sent = await mails();
    const officers = world.tokyoOfficers.map((officer) => officer.user.email).sort();
    expect(sent.map((mail) => mail.toAddress)).toEqual(officers);
    for (const mail of sent) {
      expect(mail.kind).toBe("sos_applied");
      expect(mail.fromAddress).toBe("noreply@sos-supply.example");
      expect(mail.subject).toBe(
        `【SOS Supply】緊急配布要請が申請されました（${result.request.institution.name}）`,
      );
      expect(mail.textBody).toContain(`http://localhost:3000/review/requests/${id}`);
      expect(mail.textBody).toContain("2026年12月2日（水）17:00締切の週");
      expect(mail.textBody).toContain("在庫量：2,000枚");
      expect(mail.textBody).toContain("1週間の想定消費量：1,000枚");
      expect(mail.textBody).toContain("1週間の購入見込み量：400枚");
      expect(mail.textBody).toContain("購入上限数（算定値）：2セット（2,000枚）");
      expect(mail.textBody).toContain(result.request.institution.code);
      expect(mail.textBody).toContain("03-1234-5678");
      expect(mail.textBody).not.toContain("締切後");
    }
    const greeted = world.tokyoOfficers.map((officer) => `${officer.user.displayName} 様`);
    expect(sent.map((mail) => mail.textBody.split("\n")[0]).sort()).toEqual(greeted.sort());
    // the outbox row and its send job are written together (the officers' two, and the
    // institution's 受付 mail)
    const jobs = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_mail'`.execute(
      db,
    );
    expect(jobs.rows[0]?.n).toBe(3);
  });

  it("with answers that do not meet the rule → error that spells out the rule with the figures", async () => {
    const surveyId = await putSurvey(db, world.a.institutionId, WEEK, NOT_ELIGIBLE);
    const { id, version } = await draft();
    const result = await a.sos.checkAndApply({ id, version });
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([
      {
        code: "survey_not_eligible",
        message:
          "週次調査の回答が緊急配布の条件を満たしていません。在庫量 2,400枚 が（1週間の想定消費量 1,000枚 − 1週間の購入見込み量 400枚）× 4 ＝ 2,400枚 を下回っていません。回答内容が正しいか確認してください。",
        surveyId,
      },
    ]);
    // what the check saw is kept, so the error page can show it
    expect(result.request.check).toMatchObject({
      figures: NOT_ELIGIBLE,
      assessment: { eligible: false },
    });
    expect(await mails()).toEqual([]);
  });

  it("for a sanctioned institution → error with the sanction's reason; lifted or future sanctions do not count", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    await db
      .insertInto("sanctions")
      .values([
        {
          institutionId: world.a.institutionId,
          reason: "以前の転売（解除済み）",
          effectiveFrom: "2026-01-01",
          liftedAt: new Date("2026-06-01T00:00:00Z"),
          createdBy: world.ministry.user.id,
        },
        {
          institutionId: world.a.institutionId,
          reason: "来週から有効",
          effectiveFrom: "2026-12-02",
          createdBy: world.ministry.user.id,
        },
      ])
      .execute();
    const first = await draft();
    const passed = await a.sos.checkAndApply({ id: first.id, version: first.version });
    expect(passed.outcome).toBe("reviewing");
    await a.sos.withdraw({ id: first.id, version: passed.request.version });

    clock.set("2026-12-02 09:00:00"); // the second sanction is in force from today (Tokyo)
    const second = await draft();
    const result = await a.sos.checkAndApply({ id: second.id, version: second.version });
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([
      {
        code: "sanctioned",
        message:
          "同意事項④に基づく措置により、現在この医療機関からの緊急配布要請には対応できません（理由：来週から有効）。",
        surveyId: null,
      },
    ]);
  });

  it("reports every failed check at once", async () => {
    await db
      .insertInto("sanctions")
      .values({
        institutionId: world.a.institutionId,
        reason: "マスクの転売",
        effectiveFrom: "2026-11-01",
        createdBy: world.ministry.user.id,
      })
      .execute();
    const { id, version } = await draft();
    const result = await a.sos.checkAndApply({ id, version });
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      "survey_unanswered",
      "sanctioned",
    ]);
  });

  it("after an error, fixing the survey and applying again files it", async () => {
    const surveyId = await putSurvey(db, world.a.institutionId, WEEK, NOT_ELIGIBLE);
    const { id, version } = await draft();
    const failed = await a.sos.checkAndApply({ id, version });
    const fixed = await a.survey.answer({
      id: surveyId,
      stock: "1,000",
      consumption: "1,000",
      purchases: "400",
    });
    expect(fixed.assessment?.eligible).toBe(true);
    const passed = await a.sos.checkAndApply({ id, version: failed.request.version });
    expect(passed.outcome).toBe("reviewing");
    expect(passed.request.errorReasons).toEqual([]);
    expect(passed.request.check?.figures).toEqual({
      stock: 1000,
      consumption: 1000,
      purchases: 400,
    });
    expect(passed.request.history.map((entry) => entry.action)).toEqual([
      "create",
      "apply_failed",
      "apply_passed",
    ]);
  });

  it("keeps the figures reviewers see when the survey is edited after applying", async () => {
    const surveyId = await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const { id, version } = await draft();
    await a.sos.checkAndApply({ id, version });
    await a.survey.answer({ id: surveyId, stock: 100, consumption: 1000, purchases: 0 });
    const detail = await a.sos.get({ id });
    expect(detail.check).toMatchObject({
      figures: ELIGIBLE,
      assessment: { limitSets: 2 },
      currentSurveyFigures: { stock: 100, consumption: 1000, purchases: 0 },
      surveyChangedSinceCheck: true,
    });
  });

  it("a draft saved last week is filed in the week it is applied in, against that week's survey", async () => {
    const { id, version } = await draft();
    clock.set("2026-12-03 09:00:00");
    const surveyId = await putSurvey(db, world.a.institutionId, "2026-12-02", ELIGIBLE);
    const result = await a.sos.checkAndApply({ id, version });
    expect(result.request).toMatchObject({
      status: "reviewing",
      weekStart: "2026-12-02",
      surveyId,
    });
    expect(result.request.history.at(-1)?.changes).toMatchObject({
      weekStart: { from: WEEK, to: "2026-12-02" },
    });
  });

  it("refuses a request that is already filed or closed", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const { id, version } = await draft();
    const filed = await a.sos.checkAndApply({ id, version });
    const again = await rejection(a.sos.checkAndApply({ id, version: filed.request.version }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toBe("この要請は申請済みです（都道府県・国確認中）。");
    await setStatus(id, "accepted");
    const accepted = await rejection(a.sos.checkAndApply({ id, version: filed.request.version }));
    expect(accepted.message).toBe("受付完了の要請は、もう一度申請することはできません。");
  });

  it("the same click sent twice (same version) transitions once, the second gets CONFLICT", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const { id, version } = await draft();
    await a.sos.checkAndApply({ id, version });
    const error = await rejection(a.sos.checkAndApply({ id, version }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("他の担当者が先に更新しました。最新の内容を確認してください。");
    expect(await mails()).toHaveLength(2);
  });
});

describe("the Wednesday 17:00 deadline", () => {
  async function applyAt(local: string, weekStart: string) {
    clock.set(local);
    await putSurvey(db, world.a.institutionId, weekStart, ELIGIBLE);
    const { id, version } = await draft();
    const result = await a.sos.checkAndApply({ id, version });
    expect(result.outcome).toBe("reviewing");
    // leave the week free for the next case
    await a.sos.withdraw({ id, version: result.request.version });
    await db.deleteFrom("mailOutbox").where("kind", "=", "sos_withdrawn").execute();
    return result.request;
  }

  it.each([
    ["2026-12-02 16:59:59", false, "2026-12-02"],
    ["2026-12-02 17:00:00", false, "2026-12-02"],
    ["2026-12-02 17:00:01", true, "2026-12-03"],
    ["2026-12-02 18:34:59", true, "2026-12-03"],
  ])("filed at %s → late %s, handled from %s", async (local, late, handleFrom) => {
    const request = await applyAt(local, WEEK);
    expect(request).toMatchObject({ weekStart: WEEK, late, handleFrom });
    const stored = await db
      .selectFrom("sosRequests")
      .select(["late", "handleFrom"])
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ late, handleFrom });
    if (late) {
      expect(request.lateNote).toBe(
        "水曜17時の締切後の申請のため、2026年12月3日（木）以降の対応となります。",
      );
      const [mail] = await mails();
      expect(mail?.textBody).toContain(
        "※水曜17時の締切（2026年12月2日（水）17:00）後の申請のため、2026年12月3日（木）以降の対応となります。",
      );
    } else {
      expect(request.lateNote).toBeNull();
    }
  });

  it("from 18:35 a filing belongs to the new week and is on time for the next Wednesday", async () => {
    const request = await applyAt("2026-12-02 18:35:00", "2026-12-02");
    expect(request).toMatchObject({
      weekStart: "2026-12-02",
      late: false,
      handleFrom: "2026-12-09",
    });
  });

  it("a late filing before the year-end closure is handled from the first business day of January", async () => {
    const request = await applyAt("2026-12-30 17:00:01", "2026-12-23");
    expect(request).toMatchObject({ late: true, handleFrom: "2027-01-04" });
    expect(request.lateNote).toBe(
      "水曜17時の締切後の申請のため、2027年1月4日（月）以降の対応となります。",
    );
  });
});

describe("sos.update (編集 → 保存)", () => {
  it("saves the changed fields, bumps the version and records who changed what", async () => {
    const created = await draft();
    clock.set("2026-12-01 11:00:00");
    const updated = await a.sos.update({
      id: created.id,
      version: created.version,
      ...FORM,
      contactName: "佐藤　一郎",
      contactPhone: "",
      notes: "  至急  ",
    });
    expect(updated).toMatchObject({
      contactName: "佐藤　一郎",
      contactPhone: null,
      notes: "至急",
      version: 2,
      status: "draft",
      updatedAt: clock.now.toISOString(),
    });
    expect(updated.history.at(-1)).toMatchObject({
      action: "save",
      actionLabel: "編集",
      fromStatus: "draft",
      toStatus: "draft",
      changes: {
        contactName: { from: "山田　花子", to: "佐藤　一郎" },
        contactPhone: { from: "0312345678", to: null },
        notes: { from: "ニトリル手袋Mサイズが不足しています。", to: "至急" },
      },
    });
  });

  it("writes nothing when nothing changed", async () => {
    const created = await draft();
    const same = await a.sos.update({ id: created.id, version: created.version, ...FORM });
    expect(same.version).toBe(1);
    expect(same.history).toHaveLength(1);
  });

  it("refuses a stale version with CONFLICT and leaves the request as it was", async () => {
    const created = await draft();
    await a.sos.update({ id: created.id, version: 1, ...FORM, notes: "1つ目のタブ" });
    const error = await rejection(
      a.sos.update({ id: created.id, version: 1, ...FORM, notes: "2つ目のタブ" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("他の担当者が先に更新しました。最新の内容を確認してください。");
    expect((await a.sos.get({ id: created.id })).notes).toBe("1つ目のタブ");
  });

  it("keeps a reviewing request editable, and it stays reviewing", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const created = await draft();
    const filed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    const updated = await a.sos.update({
      id: created.id,
      version: filed.request.version,
      ...FORM,
      notes: "電話は午後にお願いします",
    });
    expect(updated).toMatchObject({ status: "reviewing", reviewStage: "prefecture", version: 3 });
  });

  it.each([
    ["accepted", "受付完了の要請は編集できません。"],
    ["not_eligible", "対象外となった要請は編集できません。"],
  ] as const)("refuses to edit a %s request", async (status, message) => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const created = await draft();
    const filed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    await setStatus(created.id, status, status === "not_eligible" ? "在庫が十分にあるため" : null);
    const error = await rejection(
      a.sos.update({ id: created.id, version: filed.request.version, ...FORM, notes: "変更" }),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe(message);
    expect(domainCause(error).code).toBe("INVALID_STATE");
    const detail = await a.sos.get({ id: created.id });
    expect(detail).toMatchObject({
      notes: FORM.notes,
      editable: false,
      canApply: false,
      canWithdraw: false,
    });
  });

  it("refuses to edit a withdrawn request", async () => {
    const created = await draft();
    const failed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    const withdrawn = await a.sos.withdraw({ id: created.id, version: failed.request.version });
    const error = await rejection(
      a.sos.update({ id: created.id, version: withdrawn.version, ...FORM, notes: "変更" }),
    );
    expect(error.message).toBe("取り下げた要請は編集できません。");
  });
});

describe("sos.withdraw (取下げ)", () => {
  it("withdraws a reviewing request and tells the officers", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const created = await draft();
    const filed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    const withdrawn = await a.sos.withdraw({ id: created.id, version: filed.request.version });
    expect(withdrawn).toMatchObject({
      status: "withdrawn",
      statusLabel: "取下げ",
      reviewStage: null,
    });
    expect(withdrawn.history.at(-1)).toMatchObject({
      action: "withdraw",
      fromStatus: "reviewing",
      toStatus: "withdrawn",
    });
    const notices = (await mails()).filter((mail) => mail.kind === "sos_withdrawn");
    expect(notices.map((mail) => mail.toAddress).sort()).toEqual(
      world.tokyoOfficers.map((officer) => officer.user.email).sort(),
    );
    expect(notices[0]?.subject).toBe(
      `【SOS Supply】緊急配布要請が取り下げられました（${withdrawn.institution.name}）`,
    );
  });

  it("withdraws an error request without mailing anyone", async () => {
    const created = await draft();
    const failed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    expect(failed.request.canWithdraw).toBe(true);
    const withdrawn = await a.sos.withdraw({ id: created.id, version: failed.request.version });
    expect(withdrawn.status).toBe("withdrawn");
    expect(await mails()).toEqual([]);
  });

  it("does not withdraw a draft (never filed) nor an accepted request", async () => {
    const created = await draft();
    expect(created.canWithdraw).toBe(false);
    const unfiled = await rejection(a.sos.withdraw({ id: created.id, version: created.version }));
    expect(unfiled.code).toBe("PRECONDITION_FAILED");
    expect(unfiled.message).toBe(
      "申請前の要請は取り下げできません。「システムチェック&申請」を行うまで、都道府県・国には届いていません。",
    );

    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const second = await draft();
    const filed = await a.sos.checkAndApply({ id: second.id, version: second.version });
    await setStatus(second.id, "accepted");
    const error = await rejection(
      a.sos.withdraw({ id: second.id, version: filed.request.version }),
    );
    expect(error.message).toBe(
      "受付完了の要請は取り下げできません。取り下げが必要な場合は、都道府県の担当者にご連絡ください。",
    );
  });
});

describe("sos.get: the outcome of the review", () => {
  async function filed() {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const created = await draft();
    return (await a.sos.checkAndApply({ id: created.id, version: created.version })).request;
  }

  it("shows nothing decided while the prefecture has not completed its part", async () => {
    const request = await filed();
    await db
      .insertInto("prefectureReviews")
      .values({ requestId: request.id, quantitySets: 2, computedLimitSets: 2 })
      .execute();
    expect((await a.sos.get({ id: request.id })).decision).toBeNull();
  });

  it("shows the prefecture's quantity once completed, then the ministry's approved one", async () => {
    const request = await filed();
    const officer = world.tokyoOfficers[0]?.user.id ?? "";
    await db
      .insertInto("prefectureReviews")
      .values({
        requestId: request.id,
        supplyNeeded: true,
        quantitySets: 2,
        computedLimitSets: 2,
        completedAt: new Date("2026-12-03T07:00:00Z"),
        completedBy: officer,
      })
      .execute();
    await db
      .insertInto("sosRequestHistory")
      .values({
        requestId: request.id,
        at: new Date("2026-12-03T07:00:00Z"),
        actorUserId: officer,
        actorRole: "prefecture",
        action: "prefecture_complete",
        fromStatus: "reviewing",
        toStatus: "reviewing",
        changes: JSON.stringify({ quantitySets: 2 }),
      })
      .execute();
    expect((await a.sos.get({ id: request.id })).decision).toEqual({
      kind: "quantity",
      source: "prefecture",
      final: false,
      quantitySets: 2,
      purchaseLimitPieces: 2000,
      computedLimitSets: 2,
      decidedAt: "2026-12-03T07:00:00.000Z",
    });

    await db
      .insertInto("ministryApprovals")
      .values({
        requestId: request.id,
        quantitySets: 1,
        adjustReason: "在庫調整",
        approvedAt: new Date("2026-12-04T01:00:00Z"),
        approvedBy: world.ministry.user.id,
      })
      .execute();
    await setStatus(request.id, "accepted");
    const detail = await a.sos.get({ id: request.id });
    expect(detail).toMatchObject({ status: "accepted", statusLabel: "受付完了", editable: false });
    expect(detail.decision).toEqual({
      kind: "quantity",
      source: "ministry",
      final: true,
      quantitySets: 1,
      purchaseLimitPieces: 1000,
      computedLimitSets: 2,
      decidedAt: "2026-12-04T01:00:00.000Z",
    });
    // the prefecture's working steps stay in the review console
    expect(detail.history.find((item) => item.action === "prefecture_complete")).toBeUndefined();
    expect(JSON.stringify(detail.history)).not.toContain(officer);
  });

  it("shows the reason when found not eligible", async () => {
    const request = await filed();
    await setStatus(request.id, "not_eligible", "他の医療機関から融通を受けられるため");
    expect((await a.sos.get({ id: request.id })).decision).toEqual({
      kind: "not_eligible",
      reason: "他の医療機関から融通を受けられるため",
    });
  });
});

describe("another institution's request", () => {
  it("is NOT_FOUND for every procedure, reveals nothing and changes nothing", async () => {
    await putSurvey(db, world.b.institutionId, WEEK, ELIGIBLE);
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const theirs = await b.sos.create({ ...FORM, notes: "B病院の秘密のメモ" });
    for (const call of [
      () => a.sos.get({ id: theirs.id }),
      () => a.sos.update({ id: theirs.id, version: 1, ...FORM }),
      () => a.sos.checkAndApply({ id: theirs.id, version: 1 }),
      () => a.sos.withdraw({ id: theirs.id, version: 1 }),
    ]) {
      const shape = await refusal(call());
      expect(shape.data.code).toBe("NOT_FOUND");
      expect(JSON.stringify(shape)).not.toContain("秘密");
    }
    const after = await b.sos.get({ id: theirs.id });
    expect(after).toMatchObject({ status: "draft", version: 1, notes: "B病院の秘密のメモ" });
    expect(after.history).toHaveLength(1);
    const views = await db
      .selectFrom("sosRequestViews")
      .selectAll()
      .where("userId", "=", world.a.user.id)
      .execute();
    expect(views).toEqual([]);
    for (const view of ["all", "recent", "active"] as const) {
      expect((await a.sos.list({ view })).items).toEqual([]);
    }
  });

  it("an Osaka institution's filing mails only Osaka's officer", async () => {
    const osaka = await callerAs(db, world.osaka.user, clock);
    await putSurvey(db, world.osaka.institutionId, WEEK, ELIGIBLE);
    const created = await osaka.sos.create(FORM);
    await osaka.sos.checkAndApply({ id: created.id, version: created.version });
    expect((await mails()).map((mail) => mail.toAddress)).toEqual([world.osakaOfficer.user.email]);
  });
});

describe("roles", () => {
  it("refuses every sos and home procedure to prefecture, ministry and vendor users", async () => {
    const mine = await draft();
    for (const other of [world.tokyoOfficers[0], world.ministry, world.vendor]) {
      if (!other) throw new Error("fixture");
      const caller = await callerAs(db, other.user, clock);
      for (const call of [
        () => caller.sos.list({ view: "all" }),
        () => caller.sos.get({ id: mine.id }),
        () => caller.sos.create(FORM),
        () => caller.sos.update({ id: mine.id, version: 1, ...FORM }),
        () => caller.sos.checkAndApply({ id: mine.id, version: 1 }),
        () => caller.sos.withdraw({ id: mine.id, version: 1 }),
        () => caller.home.summary(),
      ]) {
        expect((await rejection(call())).code).toBe("FORBIDDEN");
      }
    }
    expect((await a.sos.get({ id: mine.id })).version).toBe(1);
  });
});

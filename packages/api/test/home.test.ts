import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  ELIGIBLE,
  FORM,
  type InstitutionWorld,
  putSurvey,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let a: Caller;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-01 10:00:00");
  a = await callerAs(db, world.a.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set("2026-12-01 10:00:00");
  await emptyTables(db);
});

describe("home.summary", () => {
  it("shows this week's survey (created on demand), the deadline and time left, and no request yet", async () => {
    const summary = await a.home.summary();
    expect(summary).toMatchObject({
      week: {
        weekStart: "2026-11-25",
        title: "2026年12月2日（水）17:00締切の週",
        opensAt: "2026-11-25T09:35:00.000Z",
        closesAt: "2026-12-02T09:35:00.000Z",
      },
      survey: {
        weekStart: "2026-11-25",
        status: "unanswered",
        statusLabel: "未回答",
        editable: true,
      },
      deadline: {
        at: "2026-12-02T08:00:00.000Z",
        // Tuesday 10:00 → Wednesday 17:00
        timeLeft: { days: 1, hours: 7, minutes: 0, overdue: false },
        ifAppliedNow: { late: false, handleFrom: "2026-12-02" },
      },
      request: null,
      purchase: null,
    });
    const stored = await db
      .selectFrom("weeklySurveys")
      .select("id")
      .where("institutionId", "=", world.a.institutionId)
      .execute();
    expect(stored).toEqual([{ id: summary.survey.id }]);
  });

  it("follows the request from draft to reviewing", async () => {
    await putSurvey(db, world.a.institutionId, "2026-11-25", ELIGIBLE);
    const created = await a.sos.create(FORM);
    let summary = await a.home.summary();
    expect(summary.survey).toMatchObject({
      status: "answered",
      assessment: { eligible: true, limitSets: 2 },
    });
    expect(summary.request).toMatchObject({ id: created.id, status: "draft", open: false });

    await a.sos.checkAndApply({ id: created.id, version: created.version });
    // a newer draft does not hide the open request
    await a.sos.create(FORM);
    summary = await a.home.summary();
    expect(summary.request).toMatchObject({
      id: created.id,
      status: "reviewing",
      statusLabel: "都道府県・国確認中",
      open: true,
    });
  });

  it("after Wednesday 17:00 the deadline is overdue and a filing would be handled the next business day", async () => {
    clock.set("2026-12-02 17:00:01");
    const { deadline } = await a.home.summary();
    expect(deadline).toEqual({
      at: "2026-12-02T08:00:00.000Z",
      timeLeft: { days: 0, hours: 0, minutes: 0, overdue: true },
      ifAppliedNow: { late: true, handleFrom: "2026-12-03" },
    });
  });

  it("at 18:35 a new week starts: new survey, new deadline, last week's open request no longer current", async () => {
    await putSurvey(db, world.a.institutionId, "2026-11-25", ELIGIBLE);
    const created = await a.sos.create(FORM);
    await a.sos.checkAndApply({ id: created.id, version: created.version });
    clock.set("2026-12-02 18:35:00");
    const summary = await a.home.summary();
    expect(summary.week.weekStart).toBe("2026-12-02");
    expect(summary.survey).toMatchObject({ weekStart: "2026-12-02", status: "unanswered" });
    expect(summary.deadline.at).toBe("2026-12-09T08:00:00.000Z");
    expect(summary.deadline.timeLeft).toEqual({ days: 6, hours: 22, minutes: 25, overdue: false });
    expect(summary.request).toBeNull();
  });

  it("still points at a draft saved last week, which is yet to be filed", async () => {
    const created = await a.sos.create(FORM);
    clock.set("2026-12-03 09:00:00");
    expect((await a.home.summary()).request).toMatchObject({
      id: created.id,
      status: "draft",
      weekStart: "2026-11-25",
    });
  });
});

describe("home.summary — stock-out forecast (issue 18)", () => {
  /** Four answered weeks whose stock falls exactly as declared: 1,000 a week, 10,000 left on 11-25. */
  async function answerFourWeeks(institutionId: string, consumption = 1000) {
    const weeks = ["2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25"];
    for (const [i, weekStart] of weeks.entries()) {
      await putSurvey(db, institutionId, weekStart, {
        stock: 10_000 + 1000 * (3 - i),
        consumption,
        purchases: 0,
      });
    }
  }

  it("is null before the first answer", async () => {
    expect((await a.home.summary()).forecast).toBeNull();
  });

  it("gives weeks of cover and the Tokyo day the stock runs out", async () => {
    await answerFourWeeks(world.a.institutionId);
    expect((await a.home.summary()).forecast).toEqual({
      // putSurvey answers at 12:00 UTC, 21:00 in Tokyo the same day.
      asOf: "2026-11-25",
      weeksOfCover: 10,
      stockOutDate: "2027-02-03",
      atRiskNextWeek: false,
    });
  });

  it("shows no date ('—') when the latest answer declares no consumption", async () => {
    await answerFourWeeks(world.a.institutionId);
    await putSurvey(db, world.a.institutionId, "2026-11-25", {
      stock: 10_000,
      consumption: 0,
      purchases: 0,
    });
    expect((await a.home.summary()).forecast).toMatchObject({
      weeksOfCover: null,
      stockOutDate: null,
    });
  });

  it("reads only the caller's institution", async () => {
    await answerFourWeeks(world.b.institutionId);
    expect((await a.home.summary()).forecast).toBeNull();
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWeeklySurveys } from "../src/services/survey";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  domainCause,
  type InstitutionWorld,
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

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-03 10:00:00");
  a = await callerAs(db, world.a.user, clock);
  b = await callerAs(db, world.b.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set("2026-12-03 10:00:00");
  await emptyTables(db);
});

describe("survey.current", () => {
  it("creates this week's record on demand when the job has not reached the institution", async () => {
    const current = await a.survey.current();
    expect(current).toMatchObject({
      weekStart: "2026-12-02",
      title: "2026年12月9日（水）17:00締切の週",
      status: "unanswered",
      statusLabel: "未回答",
      stock: null,
      answeredAt: null,
      isCurrent: true,
      editable: true,
      assessment: null,
      readOnlyReason: null,
      previous: null,
    });
    // idempotent: the same record again, and the job later finds it in place
    expect((await a.survey.current()).id).toBe(current.id);
    await createWeeklySurveys(db, { now: clock.now });
    const rows = await db
      .selectFrom("weeklySurveys")
      .select("id")
      .where("institutionId", "=", world.a.institutionId)
      .execute();
    expect(rows).toEqual([{ id: current.id }]);
  });

  it("switches to the new week at Wednesday 18:35:00, not before", async () => {
    clock.set("2026-12-09 18:34:59");
    expect((await a.survey.current()).weekStart).toBe("2026-12-02");
    clock.set("2026-12-09 18:35:00");
    expect((await a.survey.current()).weekStart).toBe("2026-12-09");
  });

  it("shows the week across New Year with both years", async () => {
    clock.set("2026-12-31 09:00:00");
    expect((await a.survey.current()).title).toBe("2027年1月6日（水）17:00締切の週");
  });
});

describe("survey.answer", () => {
  it("accepts full-width digits and commas, records who answered and when, and audits it", async () => {
    const { id } = await a.survey.current();
    const answered = await a.survey.answer({
      id,
      stock: "２，０００",
      consumption: "1,000枚",
      purchases: 400,
    });
    expect(answered).toMatchObject({
      status: "answered",
      statusLabel: "回答済み",
      stock: 2000,
      consumption: 1000,
      purchases: 400,
      answeredAt: clock.now.toISOString(),
      answeredBy: { id: world.a.user.id, displayName: world.a.user.displayName },
      assessment: {
        eligible: true,
        weeklyShortfall: 600,
        monthlyShortfall: 2400,
        limitSets: 2,
        limitPieces: 2000,
      },
    });
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorUserId", "details"])
      .where("targetId", "=", id)
      .execute();
    expect(audit).toEqual([
      {
        action: "survey.answer",
        actorUserId: world.a.user.id,
        details: {
          weekStart: "2026-12-02",
          before: null,
          after: { stock: 2000, consumption: 1000, purchases: 400 },
        },
      },
    ]);
  });

  it.each([
    ["-1", "0以上の整数で入力してください"],
    ["1.5", "0以上の整数で入力してください"],
    ["99999999999", "数値が大きすぎます（上限 10,000,000 枚）"],
    ["abc", "数字で入力してください（例：1,000）"],
    ["", "在庫量を入力してください"],
  ])("refuses stock %j with a Japanese message at the field", async (stock, message) => {
    const { id } = await a.survey.current();
    const shape = await refusal(
      a.survey.answer({ id, stock, consumption: "1000", purchases: "0" }),
    );
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.data.fieldErrors).toEqual({ stock: [message] });
    const row = await db
      .selectFrom("weeklySurveys")
      .select("answeredAt")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.answeredAt).toBeNull();
  });

  it("reports every bad field at once", async () => {
    const { id } = await a.survey.current();
    const shape = await refusal(
      a.survey.answer({ id, stock: "-5", consumption: "1.5", purchases: 99_999_999_999 }),
    );
    expect(Object.keys(shape.data.fieldErrors ?? {}).sort()).toEqual([
      "consumption",
      "purchases",
      "stock",
    ]);
  });

  it("lets an answered survey be edited during its week", async () => {
    const { id } = await a.survey.current();
    await a.survey.answer({ id, stock: 2000, consumption: 1000, purchases: 400 });
    clock.set("2026-12-09 18:34:59");
    const edited = await a.survey.answer({ id, stock: 3000, consumption: 1000, purchases: 400 });
    expect(edited).toMatchObject({ stock: 3000, answeredAt: clock.now.toISOString() });
    expect(edited.assessment?.eligible).toBe(false);
    const actions = await db
      .selectFrom("auditLog")
      .select("action")
      .where("targetId", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["survey.answer", "survey.edit"]);
  });

  it("keeps older weeks read-only, with a clear Japanese reason", async () => {
    const oldId = await putSurvey(db, world.a.institutionId, "2026-11-25", {
      stock: 1,
      consumption: 2,
      purchases: 3,
    });
    const detail = await a.survey.get({ id: oldId });
    expect(detail).toMatchObject({ isCurrent: false, editable: false });
    expect(detail.readOnlyReason).toContain("2026年12月2日（水）17:00締切の週");

    const error = await rejection(
      a.survey.answer({ id: oldId, stock: 5, consumption: 5, purchases: 5 }),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe(
      "この週次調査（2026年12月2日（水）17:00締切の週）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。",
    );
    const row = await db
      .selectFrom("weeklySurveys")
      .select("stock")
      .where("id", "=", oldId)
      .executeTakeFirstOrThrow();
    expect(row.stock).toBe(1);
  });
});

describe("survey.copyPrevious", () => {
  it("copies the latest earlier answered week's three figures into this week", async () => {
    await putSurvey(db, world.a.institutionId, "2026-11-11", {
      stock: 9,
      consumption: 9,
      purchases: 9,
    });
    const latest = await putSurvey(db, world.a.institutionId, "2026-11-18", {
      stock: 1500,
      consumption: 800,
      purchases: 100,
    });
    await putSurvey(db, world.a.institutionId, "2026-11-25", null); // unanswered: skipped
    const current = await a.survey.current();
    expect(current.previous).toEqual({
      id: latest,
      weekStart: "2026-11-18",
      title: "2026年11月25日（水）17:00締切の週",
      stock: 1500,
      consumption: 800,
      purchases: 100,
    });
    const copied = await a.survey.copyPrevious({ id: current.id });
    expect(copied).toMatchObject({
      status: "answered",
      stock: 1500,
      consumption: 800,
      purchases: 100,
      answeredBy: { id: world.a.user.id },
    });
    const audit = await db
      .selectFrom("auditLog")
      .select("details")
      .where("targetId", "=", current.id)
      .where("action", "=", "survey.copy_previous")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ fromSurveyId: latest, fromWeekStart: "2026-11-18" });
  });

  it("says so when there is nothing to copy", async () => {
    const current = await a.survey.current();
    const error = await rejection(a.survey.copyPrevious({ id: current.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe(
      "コピーできる過去の回答がありません。在庫量・1週間の想定消費量・1週間の購入見込み量を入力してください。",
    );
  });

  it("does not copy another institution's answers", async () => {
    await putSurvey(db, world.b.institutionId, "2026-11-25", {
      stock: 5,
      consumption: 5,
      purchases: 5,
    });
    const current = await a.survey.current();
    expect(current.previous).toBeNull();
    await rejection(a.survey.copyPrevious({ id: current.id }));
  });
});

describe("survey.list", () => {
  it("lists newest first with the week as title and the status label, in pages", async () => {
    await putSurvey(db, world.a.institutionId, "2026-11-11", {
      stock: 1,
      consumption: 1,
      purchases: 1,
    });
    await putSurvey(db, world.a.institutionId, "2026-11-18", null);
    await putSurvey(db, world.a.institutionId, "2026-11-25", {
      stock: 2,
      consumption: 2,
      purchases: 2,
    });
    await putSurvey(db, world.b.institutionId, "2026-11-25", null);

    const first = await a.survey.list({ limit: 2 });
    expect(first.items.map((item) => [item.weekStart, item.title, item.statusLabel])).toEqual([
      ["2026-12-02", "2026年12月9日（水）17:00締切の週", "未回答"],
      ["2026-11-25", "2026年12月2日（水）17:00締切の週", "回答済み"],
    ]);
    expect(first.items.map((item) => item.editable)).toEqual([true, false]);
    expect(first.nextCursor).toBe("2026-11-25");

    const second = await a.survey.list({ cursor: first.nextCursor, limit: 2 });
    expect(second.items.map((item) => [item.weekStart, item.status])).toEqual([
      ["2026-11-18", "unanswered"],
      ["2026-11-11", "answered"],
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("another institution's survey", () => {
  it("is NOT_FOUND for reading, answering and copying, and nothing changes", async () => {
    const theirs = await b.survey.current();
    for (const call of [
      () => a.survey.get({ id: theirs.id }),
      () => a.survey.answer({ id: theirs.id, stock: 1, consumption: 1, purchases: 1 }),
      () => a.survey.copyPrevious({ id: theirs.id }),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(domainCause(error).code).toBe("NOT_FOUND");
      expect(JSON.stringify(error)).not.toContain(theirs.id);
    }
    expect((await b.survey.get({ id: theirs.id })).status).toBe("unanswered");
  });

  it("never appears in the list", async () => {
    await b.survey.current();
    await putSurvey(db, world.b.institutionId, "2026-11-25", null);
    const mine = await a.survey.list();
    expect(mine.items).toHaveLength(1);
    const ids = await db
      .selectFrom("weeklySurveys")
      .select("id")
      .where("institutionId", "=", world.a.institutionId)
      .execute();
    expect(mine.items.map((item) => item.id)).toEqual(ids.map((row) => row.id));
  });
});

describe("roles", () => {
  it("refuses prefecture, ministry and vendor users with FORBIDDEN", async () => {
    const someId = (await a.survey.current()).id;
    for (const other of [world.tokyoOfficers[0], world.ministry, world.vendor]) {
      if (!other) throw new Error("fixture");
      const caller = await callerAs(db, other.user, clock);
      for (const call of [
        () => caller.survey.list(),
        () => caller.survey.get({ id: someId }),
        () => caller.survey.current(),
        () => caller.survey.answer({ id: someId, stock: 1, consumption: 1, purchases: 1 }),
        () => caller.survey.copyPrevious({ id: someId }),
      ]) {
        expect((await rejection(call())).code).toBe("FORBIDDEN");
      }
    }
  });
});

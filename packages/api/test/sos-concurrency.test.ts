import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addInstitutionUser,
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

// Two clicks, two tabs, two staff members or two servers at once: the request
// and survey row locks (and, last, the one-open-per-week index) decide.

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let a: Caller;
let colleague: Caller;

const WEEK = "2026-11-25";

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-01 10:00:00");
  a = await callerAs(db, world.a.user, clock);
  colleague = await callerAs(db, await addInstitutionUser(db, world.a.institutionId), clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
});

async function statuses() {
  return db
    .selectFrom("sosRequests")
    .select(["id", "status", "version"])
    .where("institutionId", "=", world.a.institutionId)
    .execute();
}

describe("concurrent applies", () => {
  it("two different drafts of the same week applied at once → exactly one reviewing", async () => {
    for (let round = 0; round < 3; round += 1) {
      await sql`truncate sos_request_history, sos_requests, mail_outbox cascade`.execute(db);
      const first = await a.sos.create(FORM);
      const second = await colleague.sos.create(FORM);
      const results = await Promise.all([
        a.sos.checkAndApply({ id: first.id, version: first.version }),
        colleague.sos.checkAndApply({ id: second.id, version: second.version }),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["error", "reviewing"]);
      const loser = results.find((r) => r.outcome === "error");
      expect(loser?.reasons.map((r) => r.code)).toEqual(["open_request_exists"]);
      expect(loser?.reasons[0]?.message).toContain("同じ週に申請中の要請があります");
      expect((await statuses()).map((row) => row.status).sort()).toEqual(["error", "reviewing"]);
      // the officers hear about the one filed request only, and the institution gets one 受付 mail
      const mails = await db.selectFrom("mailOutbox").select("kind").execute();
      expect(mails.filter((mail) => mail.kind === "sos_applied")).toHaveLength(
        world.tokyoOfficers.length,
      );
      expect(mails.filter((mail) => mail.kind === "sos_received")).toHaveLength(1);
      expect(mails).toHaveLength(world.tokyoOfficers.length + 1);
    }
  });

  it("the same request applied from two tabs at once → one transition, the other CONFLICT", async () => {
    const created = await a.sos.create(FORM);
    const settled = await Promise.allSettled([
      a.sos.checkAndApply({ id: created.id, version: created.version }),
      colleague.sos.checkAndApply({ id: created.id, version: created.version }),
      a.sos.checkAndApply({ id: created.id, version: created.version }),
    ]);
    const fulfilled = settled.filter((s) => s.status === "fulfilled");
    const rejected = settled.filter((s) => s.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(2);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(TRPCError);
      expect((r.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(await statuses()).toEqual([{ id: created.id, status: "reviewing", version: 2 }]);
    const history = await db
      .selectFrom("sosRequestHistory")
      .select("action")
      .where("requestId", "=", created.id)
      .execute();
    expect(history.map((h) => h.action)).toEqual(["create", "apply_passed"]);
    // One transition: the officers' mails and one 受付 mail to the institution.
    expect(await db.selectFrom("mailOutbox").select("id").execute()).toHaveLength(
      world.tokyoOfficers.length + 1,
    );
  });

  it("an edit racing an apply on the same version: one wins, the other is told to reload", async () => {
    const created = await a.sos.create(FORM);
    const settled = await Promise.allSettled([
      a.sos.checkAndApply({ id: created.id, version: 1 }),
      colleague.sos.update({ id: created.id, version: 1, ...FORM, notes: "同時編集" }),
    ]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const [rejected] = settled.filter((s) => s.status === "rejected");
    expect(((rejected as PromiseRejectedResult).reason as TRPCError).code).toBe("CONFLICT");
    expect((await statuses())[0]?.version).toBe(2);
  });

  it("the one-open-per-week index turns a request filed behind the locks' back into the same error", async () => {
    const other = await a.sos.create(FORM);
    const applying = await a.sos.create(FORM);
    // Linked to another week's survey: its foreign-key check must not lock this week's survey row,
    // or the apply would queue on that lock and never reach the index.
    const unrelatedSurvey = await putSurvey(db, world.a.institutionId, "2026-11-18", ELIGIBLE);
    // Another writer files `other` without taking the survey lock and holds its transaction open.
    const sneaky = await db.startTransaction().execute();
    try {
      await sneaky
        .updateTable("sosRequests")
        .set({
          status: "reviewing",
          reviewStage: "prefecture",
          appliedAt: clock.now,
          surveyId: unrelatedSurvey,
        })
        .where("id", "=", other.id)
        .execute();
      const result = a.sos.checkAndApply({ id: applying.id, version: applying.version });
      // wait until the apply is blocked on the unique index behind the open transaction
      for (let i = 0; i < 200; i += 1) {
        const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await sneaky.commit().execute();
      const outcome = await result;
      expect(outcome.outcome).toBe("error");
      expect(outcome.reasons.map((r) => r.code)).toEqual(["open_request_exists"]);
      expect(outcome.request.status).toBe("error");
    } catch (error) {
      if (!sneaky.isCommitted) await sneaky.rollback().execute();
      throw error;
    }
    const rows = await statuses();
    expect(rows.filter((row) => row.status === "reviewing").map((row) => row.id)).toEqual([
      other.id,
    ]);
    // nothing of the refused filing leaked out of the rolled-back savepoint
    expect(await db.selectFrom("mailOutbox").select("id").execute()).toEqual([]);
  });
});

import type { SessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALREADY_DELETED_MESSAGE, NOT_DELETABLE_MESSAGE } from "../src/services/sos/messages";
import { createTestDelegateOrganisation, createTestUser, type TestUser } from "../src/testing";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  ELIGIBLE,
  FORM,
  type InstitutionWorld,
  NOT_ELIGIBLE,
  putSurvey,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

// Issue 16 #4: a request never filed (申請前・エラーあり) may be deleted by its
// institution or the delegate acting for it; once filed, only withdrawn.

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let a: Caller;
let b: Caller;
/** 医師会X, which A grants in the tests that need it. */
let orgX: { id: string };
let dx: TestUser;

const TUESDAY = "2026-12-01 10:00:00";
const WEEK = "2026-11-25";

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock(TUESDAY);
  a = await callerAs(db, world.a.user, clock);
  b = await callerAs(db, world.b.user, clock);
  orgX = await createTestDelegateOrganisation(db, { name: "千代田区医師会" });
  dx = await createTestUser(db, "delegate", { delegateOrganisationId: orgX.id });
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set(TUESDAY);
  await emptyTables(db);
});

function acting(user: SessionUser, institutionId: string): Promise<Caller> {
  return callerAs(db, user, clock, institutionId);
}

/** What is left of request `id`: its row and every row that hangs on it. */
async function remains(id: string) {
  const count = async (table: "sosRequests" | "sosRequestHistory" | "sosRequestViews") =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where(table === "sosRequests" ? "id" : "requestId", "=", id)
        .executeTakeFirstOrThrow()
    ).n;
  return {
    request: Number(await count("sosRequests")),
    history: Number(await count("sosRequestHistory")),
    views: Number(await count("sosRequestViews")),
  };
}

async function deletions(id: string) {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "actorRole", "details"])
    .where("action", "=", "sos.delete")
    .where("targetId", "=", id)
    .execute();
}

async function denials(id: string) {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "details"])
    .where("action", "=", "access.denied")
    .where("targetId", "=", id)
    .execute();
}

describe("sos.delete (削除)", () => {
  it("deletes a draft with its history, audited; it is gone from the list and the page", async () => {
    const created = await a.sos.create(FORM);
    expect(created).toMatchObject({ status: "draft", canDelete: true, canWithdraw: false });
    await a.sos.get({ id: created.id });
    expect(await remains(created.id)).toEqual({ request: 1, history: 1, views: 1 });

    expect(await a.sos.delete({ id: created.id, version: created.version })).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(await remains(created.id)).toEqual({ request: 0, history: 0, views: 0 });
    expect((await a.sos.list({})).items.map((item) => item.id)).not.toContain(created.id);
    const page = await refusal(a.sos.get({ id: created.id }));
    expect(page.data).toMatchObject({ code: "NOT_FOUND" });
    expect(await deletions(created.id)).toEqual([
      {
        actorUserId: world.a.user.id,
        actorRole: "institution",
        details: expect.objectContaining({
          institutionId: world.a.institutionId,
          status: "draft",
          weekStart: WEEK,
          contactName: FORM.contactName,
        }),
      },
    ]);
  });

  it("deletes a request whose system check failed (エラーあり)", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, NOT_ELIGIBLE);
    const created = await a.sos.create(FORM);
    const failed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    expect(failed.request).toMatchObject({ status: "error", canDelete: true });
    await a.sos.delete({ id: created.id, version: failed.request.version });
    expect(await remains(created.id)).toEqual({ request: 0, history: 0, views: 0 });
    expect(await deletions(created.id)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ status: "error" }) }),
    ]);
  });

  it("two clicks delete once; the second is told in Japanese that it is already gone", async () => {
    const created = await a.sos.create(FORM);
    const input = { id: created.id, version: created.version };
    const answers = await Promise.allSettled([a.sos.delete(input), a.sos.delete(input)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(["fulfilled", "rejected"]);
    const second = answers.find((answer) => answer.status === "rejected");
    expect((second?.reason as Error | undefined)?.message).toBe(ALREADY_DELETED_MESSAGE);
    expect(await deletions(created.id)).toHaveLength(1);

    const again = await refusal(a.sos.delete(input));
    expect(again.data).toMatchObject({ code: "NOT_FOUND" });
    expect(again.message).toBe(ALREADY_DELETED_MESSAGE);
    expect(await deletions(created.id)).toHaveLength(1);
    // Nobody else's refusal: the deleted request is no other institution's.
    expect(await denials(created.id)).toEqual([]);
  });

  it("refuses a filed request (reviewing, accepted): withdrawing is for that", async () => {
    await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
    const created = await a.sos.create(FORM);
    const filed = await a.sos.checkAndApply({ id: created.id, version: created.version });
    expect(filed.request).toMatchObject({ status: "reviewing", canDelete: false });
    const reviewing = await refusal(
      a.sos.delete({ id: created.id, version: filed.request.version }),
    );
    expect(reviewing.data).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(reviewing.message).toBe(NOT_DELETABLE_MESSAGE);

    await db
      .updateTable("sosRequests")
      .set({ status: "accepted", reviewStage: null })
      .where("id", "=", created.id)
      .execute();
    const accepted = await refusal(
      a.sos.delete({ id: created.id, version: filed.request.version }),
    );
    expect(accepted.message).toBe(NOT_DELETABLE_MESSAGE);
    expect((await remains(created.id)).request).toBe(1);
    expect(await deletions(created.id)).toEqual([]);
  });

  it("refuses an edit made in another tab meanwhile (stale version), deleting nothing", async () => {
    const created = await a.sos.create(FORM);
    await a.sos.update({ id: created.id, version: created.version, ...FORM, notes: "追記" });
    const stale = await refusal(a.sos.delete({ id: created.id, version: created.version }));
    expect(stale.data).toMatchObject({ code: "CONFLICT" });
    expect((await remains(created.id)).request).toBe(1);
  });
});

describe("who may delete", () => {
  it("another institution is told the request does not exist (audited as out of scope)", async () => {
    const created = await a.sos.create(FORM);
    const answer = await refusal(b.sos.delete({ id: created.id, version: created.version }));
    expect(answer.data).toMatchObject({ code: "NOT_FOUND" });
    expect(answer.message).not.toBe(ALREADY_DELETED_MESSAGE);
    expect(await denials(created.id)).toEqual([
      {
        actorUserId: world.b.user.id,
        details: { procedure: "sos.delete", reason: "out_of_scope" },
      },
    ]);
    // Once A deleted it, B still learns nothing of it.
    await a.sos.delete({ id: created.id, version: created.version });
    const after = await refusal(b.sos.delete({ id: created.id, version: created.version }));
    expect(after.message).not.toBe(ALREADY_DELETED_MESSAGE);
  });

  it("officers, the ministry and the vendor are refused (FORBIDDEN), nothing deleted", async () => {
    const created = await a.sos.create(FORM);
    for (const user of [world.tokyoOfficers[0], world.ministry, world.vendor]) {
      if (user === undefined) throw new Error("no officer");
      const caller = await callerAs(db, user.user, clock);
      const answer = await refusal(caller.sos.delete({ id: created.id, version: created.version }));
      expect(answer.data).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await remains(created.id)).request).toBe(1);
  });

  it("a delegate deletes for the institution that granted it, and not without the grant", async () => {
    const created = await a.sos.create(FORM);
    const refused = await refusal(
      (await acting(dx.user, world.a.institutionId)).sos.delete({
        id: created.id,
        version: created.version,
      }),
    );
    expect(refused.data).toMatchObject({ code: "FORBIDDEN" });
    expect((await remains(created.id)).request).toBe(1);

    await a.delegation.grant({ organisationId: orgX.id });
    const delegate = await acting(dx.user, world.a.institutionId);
    await delegate.sos.delete({ id: created.id, version: created.version });
    expect(await remains(created.id)).toEqual({ request: 0, history: 0, views: 0 });
    expect(await deletions(created.id)).toEqual([
      expect.objectContaining({
        actorUserId: dx.user.id,
        details: expect.objectContaining({ institutionId: world.a.institutionId }),
      }),
    ]);
  });
});

import type { SessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDelegateOrganisation, createTestUser, type TestUser } from "../src/testing";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  domainCause,
  ELIGIBLE,
  FORM,
  type InstitutionWorld,
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
/** 医師会X (its user dx) and 医師会Y (dy). */
let orgX: { id: string; code: string; name: string };
let orgY: { id: string; code: string; name: string };
let dx: TestUser;
let dy: TestUser;

const ACTING_REFUSAL =
  "この医療機関の代理入力は許可されていません。医療機関が許可を取り消した可能性があります。代理入力する医療機関を選び直してください。";

/** A delegate's caller acting for an institution (the x-sos-acting-for header), on the test clock. */
function acting(user: SessionUser, institutionId?: string): Promise<Caller> {
  return callerAs(db, user, clock, institutionId);
}

async function auditSince(after: string, action?: string) {
  let query = db
    .selectFrom("auditLog")
    .select(["action", "actorUserId", "actorRole", "targetType", "targetId", "details"])
    .where("id", ">", after);
  if (action !== undefined) query = query.where("action", "=", action);
  return query.orderBy("id").execute();
}

async function lastAuditId(): Promise<string> {
  const row = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return String(row?.id ?? 0);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-03 10:00:00");
  a = await callerAs(db, world.a.user, clock);
  b = await callerAs(db, world.b.user, clock);
  orgX = await createTestDelegateOrganisation(db, { name: "千代田区医師会" });
  orgY = await createTestDelegateOrganisation(db, { name: "港区医師会" });
  dx = await createTestUser(db, "delegate", { delegateOrganisationId: orgX.id });
  dy = await createTestUser(db, "delegate", { delegateOrganisationId: orgY.id });
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set("2026-12-03 10:00:00");
  await emptyTables(db);
});

/** Institution A grants X; returns the grant's id. */
async function aGrantsX(): Promise<string> {
  const list = await a.delegation.grant({ organisationId: orgX.id });
  const grant = list.current.find((g) => g.organisation.id === orgX.id);
  if (!grant) throw new Error("no grant");
  return grant.id;
}

describe("consent: the institution grants and revokes from its own account", () => {
  it("finds the association by code typed in full width, or by part of its name", async () => {
    const fullWidth = orgX.code.replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect((await a.delegation.search({ query: fullWidth })).map((o) => o.id)).toEqual([orgX.id]);
    const byName = await a.delegation.search({ query: "医師会" });
    expect(byName.map((o) => o.name).sort()).toEqual(["千代田区医師会", "港区医師会"].sort());
    expect(byName[0]?.kindLabel).toBe("医師会");
  });

  it("grants, lists current and past grants, revokes, and audits both", async () => {
    const before = await lastAuditId();
    const grantId = await aGrantsX();
    clock.set("2026-12-03 11:00:00");
    const revoked = await a.delegation.revoke({ delegationId: grantId });
    expect(revoked.current).toEqual([]);
    expect(revoked.past).toEqual([
      expect.objectContaining({
        id: grantId,
        active: false,
        grantedByName: world.a.user.displayName,
        revokedByName: world.a.user.displayName,
        organisation: expect.objectContaining({ name: "千代田区医師会" }),
      }),
    ]);
    // A new grant after a revocation is a new row: the history stays.
    clock.set("2026-12-03 12:00:00");
    const again = await a.delegation.grant({ organisationId: orgX.id });
    expect(again.current).toHaveLength(1);
    expect(again.past).toHaveLength(1);
    const audit = await auditSince(before);
    expect(audit.map((e) => e.action)).toEqual([
      "delegation.grant",
      "delegation.revoke",
      "delegation.grant",
    ]);
    expect(audit[0]).toMatchObject({
      actorUserId: world.a.user.id,
      actorRole: "institution",
      targetType: "delegation",
      targetId: grantId,
      details: { institutionId: world.a.institutionId, delegateOrganisationId: orgX.id },
    });
  });

  it("two grants at once leave one active grant and one audit entry", async () => {
    const before = await lastAuditId();
    const a2 = await callerAs(db, world.a.user, clock);
    await Promise.all([
      a.delegation.grant({ organisationId: orgX.id }),
      a2.delegation.grant({ organisationId: orgX.id }),
      a.delegation.grant({ organisationId: orgX.id }),
    ]);
    const rows = await db
      .selectFrom("delegations")
      .select("id")
      .where("institutionId", "=", world.a.institutionId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await auditSince(before, "delegation.grant")).toHaveLength(1);
  });

  it("the database itself refuses a second active grant of the same pair", async () => {
    await aGrantsX();
    await expect(
      db
        .insertInto("delegations")
        .values({
          delegateOrganisationId: orgX.id,
          institutionId: world.a.institutionId,
          grantedBy: world.a.user.id,
          grantedAt: clock.now,
        })
        .execute(),
    ).rejects.toThrow(/delegations_active_idx/);
  });

  it("another institution cannot revoke A's grant (NOT_FOUND, audited); a second revoke is told it is done", async () => {
    const grantId = await aGrantsX();
    const before = await lastAuditId();
    const foreign = await rejection(b.delegation.revoke({ delegationId: grantId }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await auditSince(before, "access.denied")).toEqual([
      expect.objectContaining({
        actorUserId: world.b.user.id,
        targetType: "delegation",
        targetId: grantId,
      }),
    ]);
    await a.delegation.revoke({ delegationId: grantId });
    const twice = await rejection(a.delegation.revoke({ delegationId: grantId }));
    expect(twice.code).toBe("PRECONDITION_FAILED");
    expect(twice.message).toContain("既に取り消されています");
  });

  it("a delegate cannot grant, list or revoke for the institution it acts for", async () => {
    const grantId = await aGrantsX();
    const asX = await acting(dx.user, world.a.institutionId);
    for (const call of [
      () => asX.delegation.list(),
      () => asX.delegation.grant({ organisationId: orgY.id }),
      () => asX.delegation.revoke({ delegationId: grantId }),
      () => asX.delegation.search({ query: "医師会" }),
    ]) {
      expect((await rejection(call())).code).toBe("FORBIDDEN");
    }
    // and an institution is no delegate
    expect((await rejection(a.delegation.clients())).code).toBe("FORBIDDEN");
  });
});

describe("acting: a delegate sees and acts only for institutions that consent", () => {
  it("lists only the consenting institutions", async () => {
    await aGrantsX();
    await b.delegation.grant({ organisationId: orgY.id });
    const asX = await acting(dx.user);
    const clients = await asX.delegation.clients();
    expect(clients.organisation.name).toBe("千代田区医師会");
    expect(clients.clients.map((c) => c.institutionId)).toEqual([world.a.institutionId]);
    const asY = await acting(dy.user);
    expect((await asY.delegation.clients()).clients.map((c) => c.institutionId)).toEqual([
      world.b.institutionId,
    ]);
  });

  it("answers the survey for A; the answer, the receipt and the audit record the delegate; A sees 「X が A の代理で」", async () => {
    await aGrantsX();
    const asX = await acting(dx.user, world.a.institutionId);
    const survey = await asX.survey.current();
    const before = await lastAuditId();
    const answered = await asX.survey.answer({
      id: survey.id,
      stock: "2000",
      consumption: "1000",
      purchases: "400",
    });
    const label = `千代田区医師会 が ${await institutionName(world.a.institutionId)} の代理で`;
    expect(answered.onBehalf).toMatchObject({ label, organisationName: "千代田区医師会" });
    const row = await db
      .selectFrom("weeklySurveys")
      .select(["answeredBy", "answeredByDelegateId"])
      .where("id", "=", survey.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ answeredBy: dx.user.id, answeredByDelegateId: orgX.id });
    const receipt = await db
      .selectFrom("surveyReceipts")
      .select(["delegateOrganisationId", "answeredBy"])
      .executeTakeFirstOrThrow();
    expect(receipt).toEqual({ delegateOrganisationId: orgX.id, answeredBy: dx.user.id });
    expect(await auditSince(before, "survey.answer")).toEqual([
      expect.objectContaining({
        actorUserId: dx.user.id,
        actorRole: "delegate",
        details: expect.objectContaining({
          actingFor: world.a.institutionId,
          delegateOrganisationId: orgX.id,
        }),
      }),
    ]);
    // The institution's own page shows who entered it and when.
    const seen = await a.survey.get({ id: survey.id });
    expect(seen.onBehalf).toEqual({
      organisationName: "千代田区医師会",
      institutionName: await institutionName(world.a.institutionId),
      label,
      at: clock.now.toISOString(),
    });
    // The institution's own later edit is its own again.
    await a.survey.answer({ id: survey.id, stock: "100", consumption: "1000", purchases: "0" });
    expect((await a.survey.get({ id: survey.id })).onBehalf).toBeNull();
  });

  it("files and applies A's SOS request; request, history and audit record the delegate, on both sides and in the review console", async () => {
    await aGrantsX();
    const asX = await acting(dx.user, world.a.institutionId);
    const survey = await asX.survey.current();
    await asX.survey.answer({ id: survey.id, ...asText(ELIGIBLE) });
    const draft = await asX.sos.create(FORM);
    const applied = await asX.sos.checkAndApply({ id: draft.id, version: draft.version });
    expect(applied.outcome).toBe("reviewing");
    const request = await db
      .selectFrom("sosRequests")
      .select(["createdBy", "createdByDelegateId"])
      .where("id", "=", draft.id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ createdBy: dx.user.id, createdByDelegateId: orgX.id });
    const history = await db
      .selectFrom("sosRequestHistory")
      .select(["action", "actorRole", "delegateOrganisationId"])
      .where("requestId", "=", draft.id)
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { action: "create", actorRole: "delegate", delegateOrganisationId: orgX.id },
      { action: "apply_passed", actorRole: "delegate", delegateOrganisationId: orgX.id },
    ]);
    const label = `千代田区医師会 が ${await institutionName(world.a.institutionId)} の代理で`;
    const mine = await a.sos.get({ id: draft.id });
    expect(mine.onBehalf?.label).toBe(label);
    expect(mine.history.map((h) => h.onBehalf?.label ?? null)).toEqual([label, label]);
    const theirs = await asX.sos.get({ id: draft.id });
    expect(theirs.onBehalf?.label).toBe(label);
    const officer = await callerAs(db, world.tokyoOfficers[0]?.user as SessionUser, clock);
    const reviewed = await officer.review.get({ id: draft.id });
    expect(reviewed.history.filter((h) => h.onBehalf?.label === label)).toHaveLength(2);
    const audits = await db
      .selectFrom("auditLog")
      .select(["actorRole", "details"])
      .where("targetId", "=", draft.id)
      .where("action", "in", ["sos.create", "sos.apply.passed"])
      .execute();
    expect(audits).toHaveLength(2);
    for (const entry of audits) {
      expect(entry).toMatchObject({
        actorRole: "delegate",
        details: { actingFor: world.a.institutionId, delegateOrganisationId: orgX.id },
      });
    }
  });

  it("refuses an institution that never consented, and another association's institution, with access.denied", async () => {
    await aGrantsX();
    await b.delegation.grant({ organisationId: orgY.id });
    for (const [user, institutionId] of [
      [dx.user, world.b.institutionId],
      [dx.user, world.osaka.institutionId],
      [dy.user, world.a.institutionId],
    ] as const) {
      const before = await lastAuditId();
      const caller = await acting(user, institutionId);
      const error = await rejection(caller.survey.current());
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe(ACTING_REFUSAL);
      expect(domainCause(error).code).toBe("DELEGATION_NOT_GRANTED");
      expect(await auditSince(before)).toEqual([
        expect.objectContaining({
          action: "access.denied",
          actorUserId: user.id,
          actorRole: "delegate",
          targetType: "institution",
          targetId: institutionId,
          details: { procedure: "survey.current", reason: "not_delegated" },
        }),
      ]);
    }
    // Nothing was created for the institutions it was refused.
    expect(
      await db
        .selectFrom("weeklySurveys")
        .select("id")
        .where("institutionId", "in", [world.b.institutionId, world.osaka.institutionId])
        .execute(),
    ).toEqual([]);
  });

  it("a revocation between two calls refuses the delegate's very next request", async () => {
    const grantId = await aGrantsX();
    const asX = await acting(dx.user, world.a.institutionId);
    const survey = await asX.survey.current();
    await a.delegation.revoke({ delegationId: grantId });
    const error = await rejection(
      asX.survey.answer({ id: survey.id, stock: "1", consumption: "1", purchases: "1" }),
    );
    expect(error.message).toBe(ACTING_REFUSAL);
    expect((await rejection(asX.sos.create(FORM))).code).toBe("FORBIDDEN");
    await expect((await acting(dx.user)).delegation.clients()).resolves.toMatchObject({
      clients: [],
    });
    const row = await db
      .selectFrom("weeklySurveys")
      .select("answeredAt")
      .where("id", "=", survey.id)
      .executeTakeFirstOrThrow();
    expect(row.answeredAt).toBeNull();
    expect(await db.selectFrom("sosRequests").select("id").execute()).toEqual([]);
  });

  it("a delegate that names no institution, or a malformed one, is refused", async () => {
    await aGrantsX();
    for (const institutionId of [undefined, "not-a-uuid"]) {
      const caller = await acting(dx.user, institutionId);
      expect((await rejection(caller.sos.list({}))).message).toBe(ACTING_REFUSAL);
    }
  });

  it("another institution's objects stay NOT_FOUND to a delegate acting for A", async () => {
    await aGrantsX();
    const bSurvey = await b.survey.current();
    const asX = await acting(dx.user, world.a.institutionId);
    expect((await rejection(asX.survey.get({ id: bSurvey.id }))).code).toBe("NOT_FOUND");
  });
});

function asText(figures: { stock: number; consumption: number; purchases: number }) {
  return {
    stock: String(figures.stock),
    consumption: String(figures.consumption),
    purchases: String(figures.purchases),
  };
}

async function institutionName(id: string): Promise<string> {
  const row = await db
    .selectFrom("institutions")
    .select("name")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.name;
}

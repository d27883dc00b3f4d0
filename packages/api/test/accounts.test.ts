import { createSession, resolveAuthConfig, trustDevice, validateSessionToken } from "@sos/auth";
import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAST_ACTIVE_USER_MESSAGE } from "../src/services/accounts";
import { createTestCaller, createTestContext, createTestUser, type TestUser } from "../src/testing";
import {
  addInstitutionUser,
  type Caller,
  callerAs,
  rejection,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let clock: TestClock;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  clock = testClock("2026-12-08 10:00:00");
});

afterAll(async () => {
  await tdb.destroy();
});

async function makeLead(user: TestUser): Promise<TestUser> {
  await db.updateTable("users").set({ leadOfficer: true }).where("id", "=", user.user.id).execute();
  return user;
}

async function as(user: TestUser | { id: string }): Promise<Caller> {
  const sessionUser = "user" in user ? user.user : user;
  return callerAs(db, sessionUser as TestUser["user"], clock);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await rejection(promise)).code;
}

async function auditOf(targetId: string) {
  return db
    .selectFrom("auditLog")
    .select(["action", "actorUserId", "targetType", "targetId", "details"])
    .where("targetId", "=", targetId)
    .orderBy("id")
    .execute();
}

async function userRow(id: string) {
  return db
    .selectFrom("users")
    .select(["disabledAt", "removedAt", "removedBy", "leadOfficer", "institutionId"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

describe("prefecture officers: the ministry and the prefecture's lead", () => {
  let ministry: TestUser;
  let leadTokyo: TestUser;
  let officerTokyo: TestUser;
  let officerOsaka: TestUser;
  let leadOsaka: TestUser;
  let vendor: TestUser;

  beforeAll(async () => {
    ministry = await createTestUser(db, "ministry");
    leadTokyo = await makeLead(await createTestUser(db, "prefecture", { prefectureCode: 13 }));
    officerTokyo = await createTestUser(db, "prefecture", { prefectureCode: 13 });
    leadOsaka = await makeLead(await createTestUser(db, "prefecture", { prefectureCode: 27 }));
    officerOsaka = await createTestUser(db, "prefecture", { prefectureCode: 27 });
    vendor = await createTestUser(db, "vendor");
  });

  it("a lead lists its own prefecture's officers only, with buttons for the non-leads", async () => {
    const list = await (await as(leadTokyo)).accounts.people();
    expect(list.scope).toBe("prefecture");
    const ids = list.people.map((p) => p.id);
    expect(ids).toContain(officerTokyo.user.id);
    expect(ids).not.toContain(officerOsaka.user.id);
    expect(ids).not.toContain(ministry.user.id);
    const officer = list.people.find((p) => p.id === officerTokyo.user.id);
    expect(officer).toMatchObject({ status: "active", actions: ["disable"], leadOfficer: false });
    expect(list.people.find((p) => p.id === leadTokyo.user.id)).toMatchObject({
      self: true,
      actions: [],
    });
  });

  it("a lead disables and re-enables its own officer; each change once in the audit log", async () => {
    const lead = await as(leadTokyo);
    const first = await lead.accounts.disable({ userId: officerTokyo.user.id });
    expect(first).toMatchObject({
      changed: true,
      person: { status: "disabled", actions: ["enable"] },
    });
    const second = await lead.accounts.disable({ userId: officerTokyo.user.id });
    expect(second.changed).toBe(false);
    const entries = (await auditOf(officerTokyo.user.id)).filter((e) =>
      e.action.startsWith("account."),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        action: "account.disable",
        actorUserId: leadTokyo.user.id,
        targetType: "user",
        details: expect.objectContaining({
          before: { disabled: false, removed: false, leadOfficer: false },
          after: { disabled: true, removed: false, leadOfficer: false },
        }),
      }),
    ]);
    const enabled = await lead.accounts.enable({ userId: officerTokyo.user.id });
    expect(enabled).toMatchObject({ changed: true, person: { status: "active" } });
    expect((await userRow(officerTokyo.user.id)).disabledAt).toBeNull();
  });

  it("a lead cannot touch another prefecture's officers, its co-lead, itself or the ministry", async () => {
    const lead = await as(leadTokyo);
    for (const target of [officerOsaka, leadOsaka, ministry, leadTokyo, vendor]) {
      expect(await codeOf(lead.accounts.disable({ userId: target.user.id }))).toBe("NOT_FOUND");
      expect((await userRow(target.user.id)).disabledAt).toBeNull();
    }
    const denials = await db
      .selectFrom("auditLog")
      .select(["targetType", "targetId", "details"])
      .where("action", "=", "access.denied")
      .where("actorUserId", "=", leadTokyo.user.id)
      .execute();
    expect(denials).toContainEqual({
      targetType: "user",
      targetId: officerOsaka.user.id,
      details: { procedure: "accounts.disable", reason: "out_of_scope" },
    });
    // A lead holds no lead flag to give.
    expect(await codeOf(lead.accounts.setLead({ userId: officerTokyo.user.id, lead: true }))).toBe(
      "FORBIDDEN",
    );
    expect((await userRow(officerTokyo.user.id)).leadOfficer).toBe(false);
  });

  it("an officer who is not a lead, a vendor user and anonymous manage no one", async () => {
    for (const user of [officerTokyo, vendor]) {
      const caller = await as(user);
      expect(await codeOf(caller.accounts.people())).toBe("FORBIDDEN");
      expect(await codeOf(caller.accounts.permissions())).toBe("FORBIDDEN");
      expect(await codeOf(caller.accounts.disable({ userId: officerOsaka.user.id }))).toBe(
        "FORBIDDEN",
      );
    }
    const anonymous = createTestCaller(createTestContext(db));
    expect(await codeOf(anonymous.accounts.people())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.accounts.disable({ userId: officerOsaka.user.id }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("the ministry names a lead, who then manages at once; un-named, the lead manages no one", async () => {
    const min = await as(ministry);
    const named = await min.accounts.setLead({ userId: officerOsaka.user.id, lead: true });
    expect(named).toMatchObject({
      changed: true,
      person: { leadOfficer: true, manages: "prefecture" },
    });
    expect((await min.accounts.setLead({ userId: officerOsaka.user.id, lead: true })).changed).toBe(
      false,
    );
    const newLead = await as(officerOsaka);
    expect((await newLead.accounts.people()).scope).toBe("prefecture");
    await min.accounts.setLead({ userId: officerOsaka.user.id, lead: false });
    expect(await codeOf(newLead.accounts.people())).toBe("FORBIDDEN");
    const entries = (await auditOf(officerOsaka.user.id))
      .map((e) => e.action)
      .filter((action) => action.startsWith("account."));
    expect(entries).toEqual(["account.setLead", "account.unsetLead"]);
    // Only a prefecture officer holds the flag: the database refuses it too.
    expect(await codeOf(min.accounts.setLead({ userId: vendor.user.id, lead: true }))).toBe(
      "FORBIDDEN",
    );
    await expect(
      db.updateTable("users").set({ leadOfficer: true }).where("id", "=", vendor.user.id).execute(),
    ).rejects.toThrow(/users_lead_officer_is_prefecture/);
  });

  it("the session carries the lead flag to the console, read afresh on every request", async () => {
    const officer = await createTestUser(db, "prefecture", { prefectureCode: 13 });
    const signingIn = createTestContext(db, { now: () => clock.now });
    const signedIn = await createTestCaller(signingIn).auth.signIn({
      username: officer.username,
      password: officer.password,
    });
    expect(signedIn).toMatchObject({ role: "prefecture", leadOfficer: false });
    const token = signingIn.cookies.set[0]?.token ?? "";
    const meOf = async () => {
      const found = await validateSessionToken(db, token, clock.now);
      if (found === null) throw new Error("the session ended");
      const ctx = createTestContext(db, {
        now: () => clock.now,
        user: found.user,
        session: { id: found.session.id },
      });
      return { me: await createTestCaller(ctx).auth.me(), caller: createTestCaller(ctx) };
    };
    expect((await meOf()).me).toMatchObject({ id: officer.user.id, leadOfficer: false });

    const min = await as(ministry);
    await min.accounts.setLead({ userId: officer.user.id, lead: true });
    const named = await meOf();
    expect(named.me).toMatchObject({ id: officer.user.id, leadOfficer: true });
    expect((await named.caller.accounts.people()).scope).toBe("prefecture");

    // Un-named: the same session's next request says so, and the API refuses again.
    await min.accounts.setLead({ userId: officer.user.id, lead: false });
    const unnamed = await meOf();
    expect(unnamed.me).toMatchObject({ id: officer.user.id, leadOfficer: false });
    expect(await codeOf(unnamed.caller.accounts.people())).toBe("FORBIDDEN");
    expect((await (await as(ministry)).auth.me())?.leadOfficer).toBe(false);
  });

  it("the ministry lists officers and vendor users, by prefecture when asked; no ministry users", async () => {
    const min = await as(ministry);
    const all = await min.accounts.people();
    const roles = new Set(all.people.map((p) => p.role));
    expect(roles).toEqual(new Set(["prefecture", "vendor"]));
    const osaka = await min.accounts.people({ prefectureCode: 27 });
    expect(osaka.people.every((p) => p.prefecture?.code === 27)).toBe(true);
    expect(osaka.people.length).toBeGreaterThanOrEqual(2);
  });

  it("the ministry cannot disable another ministry user; may disable a vendor user", async () => {
    const other = await createTestUser(db, "ministry");
    const min = await as(ministry);
    expect(await codeOf(min.accounts.disable({ userId: other.user.id }))).toBe("NOT_FOUND");
    expect(await codeOf(min.accounts.disable({ userId: ministry.user.id }))).toBe("NOT_FOUND");
    const vendorUser = await createTestUser(db, "vendor");
    expect((await min.accounts.disable({ userId: vendorUser.user.id })).changed).toBe(true);
  });

  it("permissions: the ministry sees everyone of its staff with last sign-in; a lead its prefecture", async () => {
    await db
      .insertInto("auditLog")
      .values({
        action: "auth.sign_in.success",
        actorUserId: officerTokyo.user.id,
        at: new Date("2026-12-07T00:30:00Z"),
      })
      .execute();
    const all = await (await as(ministry)).accounts.permissions();
    expect(new Set(all.people.map((p) => p.role))).toEqual(
      new Set(["ministry", "prefecture", "vendor"]),
    );
    const officer = all.people.find((p) => p.id === officerTokyo.user.id);
    expect(officer?.lastSignInAt).toBe("2026-12-07T00:30:00.000Z");
    const lead = await (await as(leadTokyo)).accounts.permissions();
    expect(lead.people.every((p) => p.role === "prefecture" && p.prefecture?.code === 13)).toBe(
      true,
    );
    const institutionUser = await createTestUser(db, "institution");
    expect(await codeOf((await as(institutionUser)).accounts.permissions())).toBe("FORBIDDEN");
  });

  it("disabling ends every session and trusted browser of the person at once", async () => {
    const target = await createTestUser(db, "prefecture", { prefectureCode: 13 });
    const now = clock.now;
    const { token: t1 } = await createSession(db, target.user.id, { now });
    const { token: t2 } = await createSession(db, target.user.id, { now });
    await trustDevice(db, {
      userId: target.user.id,
      now,
      config: resolveAuthConfig(),
      presented: [],
      retired: new Set(),
    });
    expect(await validateSessionToken(db, t1, now)).not.toBeNull();
    const result = await (await as(leadTokyo)).accounts.disable({ userId: target.user.id });
    expect(result.changed).toBe(true);
    expect(await validateSessionToken(db, t1, now)).toBeNull();
    expect(await validateSessionToken(db, t2, now)).toBeNull();
    const left = await db
      .selectFrom("trustedDevices")
      .select("id")
      .where("userId", "=", target.user.id)
      .execute();
    expect(left).toEqual([]);
    const [entry] = (await auditOf(target.user.id)).filter((e) => e.action === "account.disable");
    expect(entry?.details).toMatchObject({ sessionsEnded: 2, devicesRevoked: 1 });
  });

  it("two disables at once: one change, one audit entry", async () => {
    const target = await createTestUser(db, "prefecture", { prefectureCode: 13 });
    const [a, b] = await Promise.all([as(leadTokyo), as(ministry)]);
    const results = await Promise.all([
      a.accounts.disable({ userId: target.user.id }),
      b.accounts.disable({ userId: target.user.id }),
    ]);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    const entries = (await auditOf(target.user.id)).filter((e) => e.action === "account.disable");
    expect(entries).toHaveLength(1);
  });
});

describe("an institution's colleagues", () => {
  let first: TestUser;
  let other: TestUser;
  let ministry: TestUser;

  beforeAll(async () => {
    first = await createTestUser(db, "institution", { prefectureCode: 13 });
    other = await createTestUser(db, "institution", { prefectureCode: 13 });
    ministry = await createTestUser(db, "ministry");
  });

  it("lists its own colleagues only; may remove a colleague, keeping the row and its history", async () => {
    const institutionId = first.user.institutionId ?? "";
    const colleague = await addInstitutionUser(db, institutionId);
    const caller = await as(first);
    const list = await caller.accounts.people();
    expect(list.scope).toBe("institution");
    expect(list.people.map((p) => p.id).sort()).toEqual([first.user.id, colleague.id].sort());
    expect(list.people.every((p) => p.actions.includes("remove"))).toBe(true);

    const removed = await caller.accounts.remove({ userId: colleague.id });
    expect(removed).toMatchObject({ changed: true, person: { status: "removed", actions: [] } });
    expect(await userRow(colleague.id)).toMatchObject({
      institutionId,
      removedBy: first.user.id,
      disabledAt: expect.any(Date),
    });
    expect((await caller.accounts.remove({ userId: colleague.id })).changed).toBe(false);
    expect((await caller.accounts.people()).people.map((p) => p.id)).toEqual([first.user.id]);
    // A removed person stays disabled: neither the ministry nor the database brings them back.
    expect(await codeOf((await as(ministry)).accounts.enable({ userId: colleague.id }))).toBe(
      "PRECONDITION_FAILED",
    );
    await expect(
      db.updateTable("users").set({ disabledAt: null }).where("id", "=", colleague.id).execute(),
    ).rejects.toThrow(/users_removed_is_disabled/);
  });

  it("cannot remove the last active user, itself included", async () => {
    const caller = await as(first);
    const error = await rejection(caller.accounts.remove({ userId: first.user.id }));
    expect(error.message).toBe(LAST_ACTIVE_USER_MESSAGE);
    expect((await userRow(first.user.id)).removedAt).toBeNull();
  });

  it("may remove itself when a colleague remains", async () => {
    const lone = await createTestUser(db, "institution");
    const colleague = await addInstitutionUser(db, lone.user.institutionId ?? "");
    const { token } = await createSession(db, lone.user.id, { now: clock.now });
    const caller = await as(lone);
    expect((await caller.accounts.remove({ userId: lone.user.id })).changed).toBe(true);
    expect(await validateSessionToken(db, token, clock.now)).toBeNull();
    expect((await userRow(colleague.id)).disabledAt).toBeNull();
  });

  it("two colleagues removing each other at once: one stays", async () => {
    const a = await createTestUser(db, "institution");
    const b = await addInstitutionUser(db, a.user.institutionId ?? "");
    const [ca, cb] = await Promise.all([as(a), as(b)]);
    const outcomes = await Promise.allSettled([
      ca.accounts.remove({ userId: b.id }),
      cb.accounts.remove({ userId: a.user.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const active = await db
      .selectFrom("users")
      .select("id")
      .where("institutionId", "=", a.user.institutionId)
      .where("disabledAt", "is", null)
      .execute();
    expect(active).toHaveLength(1);
  });

  it("cannot touch another institution's users, nor disable anyone", async () => {
    const caller = await as(first);
    expect(await codeOf(caller.accounts.remove({ userId: other.user.id }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.accounts.disable({ userId: other.user.id }))).toBe("NOT_FOUND");
    const colleague = await addInstitutionUser(db, first.user.institutionId ?? "");
    expect(await codeOf(caller.accounts.disable({ userId: colleague.id }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.accounts.setLead({ userId: colleague.id, lead: true }))).toBe(
      "FORBIDDEN",
    );
    expect((await userRow(other.user.id)).disabledAt).toBeNull();
  });

  it("the ministry may disable (and re-enable) an institution user, found by the institution's code", async () => {
    const min = await as(ministry);
    const institution = await db
      .selectFrom("institutions")
      .select("code")
      .where("id", "=", other.user.institutionId)
      .executeTakeFirstOrThrow();
    const list = await min.accounts.people({ institutionCode: institution.code });
    expect(list.people.map((p) => p.id)).toEqual([other.user.id]);
    expect(list.people[0]?.actions).toEqual(["disable"]);
    expect((await min.accounts.disable({ userId: other.user.id })).changed).toBe(true);
    expect((await min.accounts.enable({ userId: other.user.id })).changed).toBe(true);
  });
});

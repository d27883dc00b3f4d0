import { hashToken } from "@sos/auth";
import { type Db, SENT_SECRET_MAIL_TEXT } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INVITATION_STATE_MESSAGES,
  mayInvite,
  runInvitationBatch,
} from "../src/services/invitations";
import { createTestContext, createTestUser, insertTestPrefectures } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  type InstitutionWorld,
  rejection,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let ministry: Caller;
let seq = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertTestPrefectures(db);
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-07 10:00:00");
  ministry = await callerAs(db, world.ministry.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

/** An institution of the registry nobody uses yet. */
async function registryInstitution(
  prefectureCode = 13,
): Promise<{ id: string; code: string; email: string }> {
  seq += 1;
  const code = String(1_310_000_000 + seq);
  return db
    .insertInto("institutions")
    .values({
      code,
      name: `招待クリニック${seq}`,
      type: "clinic",
      prefectureCode,
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: `03${String(10_000_000 + seq)}`,
      email: `clinic${seq}@example.jp`,
    })
    .returning(["id", "code", "email"])
    .executeTakeFirstOrThrow();
}

function anonymous() {
  const ctx = createTestContext(db, { now: () => clock.now });
  return { ctx, caller: createTestCaller(ctx) };
}

/** The token of the latest invitation mailed to `to`, read from the outbox as the worker would send it. */
async function mailedToken(to: string): Promise<string> {
  const mail = await db
    .selectFrom("mailOutbox")
    .select(["textBody", "subject", "secret"])
    .where("toAddress", "=", to)
    .where("kind", "=", "invitation")
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  expect(mail.secret).toBe(true);
  const token = /\/invitation\/([a-z2-7]+)/.exec(mail.textBody)?.[1];
  if (token === undefined) throw new Error(`no link in ${mail.textBody}`);
  return token;
}

async function inviteByResend(institutionId: string): Promise<string> {
  const sent = await ministry.invitations.resend({ institutionId });
  return mailedToken(sent.email);
}

const PASSWORD = "Tebukuro-Haru-2026";

describe("mayInvite: the account policy, with the lead flag read from the database", () => {
  const tokyoOfficer = { role: "prefecture" as const, prefectureCode: 13 };
  const osakaOfficer = { role: "prefecture" as const, prefectureCode: 27 };

  it("lets an institution user invite its own colleagues only", async () => {
    const user = world.a.user;
    const own = { role: "institution" as const, institutionId: world.a.institutionId };
    const other = { role: "institution" as const, institutionId: world.b.institutionId };
    expect(await mayInvite(db, user, own)).toBe(true);
    expect(await mayInvite(db, user, other)).toBe(false);
    expect(await mayInvite(db, user, tokyoOfficer)).toBe(false);
    expect(await mayInvite(db, user, { role: "vendor" })).toBe(false);
  });

  it("lets the ministry invite staff, officers and vendor users", async () => {
    const user = world.ministry.user;
    expect(await mayInvite(db, user, tokyoOfficer)).toBe(true);
    expect(await mayInvite(db, user, { role: "vendor" })).toBe(true);
    const own = { role: "institution" as const, institutionId: world.a.institutionId };
    expect(await mayInvite(db, user, own)).toBe(true);
  });

  it("lets a lead officer invite its own prefecture's officers, and no one else", async () => {
    const officer = (world.tokyoOfficers[0] as (typeof world.tokyoOfficers)[number]).user;
    expect(await mayInvite(db, officer, tokyoOfficer)).toBe(false);
    await db.updateTable("users").set({ leadOfficer: true }).where("id", "=", officer.id).execute();
    try {
      expect(await mayInvite(db, officer, tokyoOfficer)).toBe(true);
      expect(await mayInvite(db, officer, osakaOfficer)).toBe(false);
      expect(await mayInvite(db, officer, { role: "vendor" })).toBe(false);
    } finally {
      await db
        .updateTable("users")
        .set({ leadOfficer: false })
        .where("id", "=", officer.id)
        .execute();
    }
  });

  it("lets the vendor invite no one", async () => {
    expect(await mayInvite(db, world.vendor.user, { role: "vendor" })).toBe(false);
  });
});

describe("the invitation table", () => {
  it("keeps only the token's hash, and the mail carries the token", async () => {
    const institution = await registryInstitution();
    const token = await inviteByResend(institution.id);
    const row = await db
      .selectFrom("invitations")
      .selectAll()
      .where("institutionId", "=", institution.id)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(token));
    const dump = await sql<{
      t: string;
    }>`select string_agg(t::text, '|') as t from invitations t`.execute(db);
    expect(dump.rows[0]?.t).not.toContain(token);
    expect(row).toMatchObject({
      role: "institution",
      email: institution.email,
      delivery: "pending",
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 24 * 3600 * 1000);
  });

  it("refuses a role without its scope, and a second open invitation for one address and scope", async () => {
    const institution = await registryInstitution();
    const base = {
      invitedBy: world.ministry.user.id,
      email: "x@example.jp",
      createdAt: clock.now,
      expiresAt: new Date(clock.now.getTime() + 86_400_000),
    };
    await expect(
      db
        .insertInto("invitations")
        .values({ ...base, tokenHash: hashToken("a1"), role: "institution" })
        .execute(),
    ).rejects.toThrow(/invitations_role_scope/);
    await expect(
      db
        .insertInto("invitations")
        .values({ ...base, tokenHash: hashToken("a2"), role: "vendor", prefectureCode: 13 })
        .execute(),
    ).rejects.toThrow(/invitations_role_scope/);
    const open = { ...base, role: "institution" as const, institutionId: institution.id };
    await db
      .insertInto("invitations")
      .values({ ...open, tokenHash: hashToken("a3") })
      .execute();
    await expect(
      db
        .insertInto("invitations")
        .values({ ...open, tokenHash: hashToken("a4"), email: "X@example.jp" })
        .execute(),
    ).rejects.toThrow(/invitations_one_open/);
  });
});

describe("accepting", () => {
  it("shows who invited whom, creates the user with the institution code as its name, and signs in", async () => {
    const institution = await registryInstitution();
    const token = await inviteByResend(institution.id);
    const { ctx, caller } = anonymous();
    const page = await caller.invitations.view({ token });
    expect(page).toMatchObject({
      state: "open",
      role: "institution",
      institution: { code: institution.code },
      inviterName: world.ministry.user.displayName,
      username: institution.code,
    });
    const accepted = await caller.invitations.accept({
      token,
      displayName: "山田　花子",
      password: PASSWORD,
    });
    expect(accepted).toEqual({
      username: institution.code,
      displayName: "山田　花子",
      role: "institution",
    });
    expect(ctx.cookies.set).toHaveLength(1);
    const user = await db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", institution.code)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      institutionId: institution.id,
      role: "institution",
      email: institution.email,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await db
      .selectFrom("sessions")
      .select("userId")
      .where("id", "=", hashToken(ctx.cookies.set[0]?.token ?? ""))
      .executeTakeFirstOrThrow();
    expect(session.userId).toBe(user.id);
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorUserId"])
      .where("action", "=", "invitation.accept")
      .where("actorUserId", "=", user.id)
      .execute();
    expect(audit).toHaveLength(1);

    // The same link again: a clear message, no second user.
    expect(await caller.invitations.view({ token })).toEqual({
      state: "used",
      message: INVITATION_STATE_MESSAGES.used,
    });
    const again = await rejection(
      caller.invitations.accept({ token, displayName: "別人", password: PASSWORD }),
    );
    expect(again.message).toBe(INVITATION_STATE_MESSAGES.used);
  });

  it("makes one user of two accepts at once (two tabs)", async () => {
    const institution = await registryInstitution();
    const token = await inviteByResend(institution.id);
    const results = await Promise.allSettled([
      anonymous().caller.invitations.accept({ token, displayName: "一人目", password: PASSWORD }),
      anonymous().caller.invitations.accept({ token, displayName: "二人目", password: PASSWORD }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toBe(INVITATION_STATE_MESSAGES.used);
    const users = await db
      .selectFrom("users")
      .select("id")
      .where("institutionId", "=", institution.id)
      .execute();
    expect(users).toHaveLength(1);
  });

  it("refuses an expired link on a fixed clock, and a password the policy refuses without spending the link", async () => {
    const institution = await registryInstitution();
    const token = await inviteByResend(institution.id);
    const weak = await rejection(
      anonymous().caller.invitations.accept({ token, displayName: "山田", password: "password" }),
    );
    expect(weak.cause).toMatchObject({ code: "PASSWORD_POLICY" });
    const saved = clock.now;
    try {
      clock.now = new Date(saved.getTime() + 14 * 24 * 3600 * 1000 - 1000);
      expect((await anonymous().caller.invitations.view({ token })).state).toBe("open");
      clock.now = new Date(saved.getTime() + 14 * 24 * 3600 * 1000);
      expect(await anonymous().caller.invitations.view({ token })).toEqual({
        state: "expired",
        message: INVITATION_STATE_MESSAGES.expired,
      });
      const late = await rejection(
        anonymous().caller.invitations.accept({ token, displayName: "山田", password: PASSWORD }),
      );
      expect(late.cause).toMatchObject({ code: "INVITATION_INVALID" });
      expect(late.message).toBe(INVITATION_STATE_MESSAGES.expired);
    } finally {
      clock.now = saved;
    }
  });

  it("answers an unknown link with its own message", async () => {
    expect(
      await anonymous().caller.invitations.view({ token: "abcdefghijklmnopqrstuvwxyz234567" }),
    ).toEqual({
      state: "unknown",
      message: INVITATION_STATE_MESSAGES.unknown,
    });
  });
});

describe("resending", () => {
  it("voids the old link and mails a new one, for the ministry and the institution's own prefecture", async () => {
    const institution = await registryInstitution();
    const first = await inviteByResend(institution.id);
    const officer = await callerAs(db, world.tokyoOfficers[0]?.user ?? world.ministry.user, clock);
    await officer.invitations.resend({ institutionId: institution.id });
    const second = await mailedToken(institution.email);
    expect(second).not.toBe(first);
    expect(await anonymous().caller.invitations.view({ token: first })).toEqual({
      state: "voided",
      message: INVITATION_STATE_MESSAGES.voided,
    });
    expect((await anonymous().caller.invitations.view({ token: second })).state).toBe("open");
    const actions = await db
      .selectFrom("auditLog")
      .select("action")
      .where("action", "in", ["invitation.void", "invitation.resend"])
      .where("actorUserId", "=", world.tokyoOfficers[0]?.user.id ?? "")
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["invitation.resend", "invitation.void"]);
  });

  it("answers another prefecture's institution NOT_FOUND (audited), and refuses institutions and the vendor", async () => {
    const institution = await registryInstitution(13);
    const osaka = await callerAs(db, world.osakaOfficer.user, clock);
    const refused = await rejection(osaka.invitations.resend({ institutionId: institution.id }));
    expect(refused.code).toBe("NOT_FOUND");
    // By its code (the ministry's way in) the same answer, the denial naming the institution.
    const byCode = await rejection(osaka.invitations.resend({ institutionCode: institution.code }));
    expect(byCode.code).toBe("NOT_FOUND");
    const denial = await db
      .selectFrom("auditLog")
      .select(["targetType", "targetId"])
      .where("action", "=", "access.denied")
      .where("actorUserId", "=", world.osakaOfficer.user.id)
      .execute();
    expect(denial.filter((entry) => entry.targetId === institution.id)).toEqual([
      { targetType: "institution", targetId: institution.id },
      { targetType: "institution", targetId: institution.id },
    ]);
    for (const user of [world.a.user, world.vendor.user]) {
      const caller = await callerAs(db, user, clock);
      expect(
        (await rejection(caller.invitations.resend({ institutionId: institution.id }))).code,
      ).toBe("FORBIDDEN");
    }
    expect(
      (await rejection(anonymous().caller.invitations.resend({ institutionId: institution.id })))
        .code,
    ).toBe("UNAUTHORIZED");
    const invitations = await db
      .selectFrom("invitations")
      .select("id")
      .where("institutionId", "=", institution.id)
      .execute();
    expect(invitations).toEqual([]);
  });
});

describe("resending by code (the ministry's screen)", () => {
  const fullWidth = (code: string) =>
    code.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

  async function invitationsOf(institutionId: string) {
    return db
      .selectFrom("invitations")
      .select(["id", "voidedAt", "acceptedAt"])
      .where("institutionId", "=", institutionId)
      .execute();
  }

  it("resends by the code typed in full-width digits, naming the institution", async () => {
    const institution = await registryInstitution(27);
    const first = await inviteByResend(institution.id);
    const sent = await ministry.invitations.resend({
      institutionCode: fullWidth(institution.code),
    });
    expect(sent).toMatchObject({
      role: "institution",
      email: institution.email,
      institution: { code: institution.code, name: expect.stringMatching(/^招待クリニック/) },
    });
    expect((await anonymous().caller.invitations.view({ token: first })).state).toBe("voided");
    expect((await invitationsOf(institution.id)).filter((v) => v.voidedAt === null)).toHaveLength(
      1,
    );
  });

  it("refuses an unknown code and an institution whose invitation was accepted, in Japanese, writing nothing", async () => {
    const unknown = await rejection(ministry.invitations.resend({ institutionCode: "1399999999" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe(
      "医療機関コード 1399999999 の医療機関は登録簿にありません（廃止された医療機関を含みます）。コードを確かめてください。",
    );
    const malformed = await rejection(ministry.invitations.resend({ institutionCode: "12345" }));
    expect(malformed.code).toBe("BAD_REQUEST");

    const institution = await registryInstitution();
    const token = await inviteByResend(institution.id);
    await anonymous().caller.invitations.accept({
      token,
      displayName: "招待 太郎",
      password: PASSWORD,
    });
    const before = await invitationsOf(institution.id);
    const accepted = await rejection(
      ministry.invitations.resend({ institutionCode: institution.code }),
    );
    expect(accepted.code).toBe("PRECONDITION_FAILED");
    expect(accepted.message).toBe(
      "この医療機関には既に利用者がいます。職員の追加は、医療機関の利用者が画面から招待します。",
    );
    expect(await invitationsOf(institution.id)).toEqual(before);
  });
});

describe("invitations.create", () => {
  it("lets an institution user invite a colleague, who gets the code with a number", async () => {
    const a = await callerAs(db, world.a.user, clock);
    const created = await a.invitations.create({
      invitee: { role: "institution", institutionId: world.a.institutionId },
      email: "colleague@example.jp",
    });
    expect(created).toMatchObject({ role: "institution", email: "colleague@example.jp" });
    const token = await mailedToken("colleague@example.jp");
    const code = (
      await db
        .selectFrom("institutions")
        .select("code")
        .where("id", "=", world.a.institutionId)
        .executeTakeFirstOrThrow()
    ).code;
    const page = await anonymous().caller.invitations.view({ token });
    expect(page).toMatchObject({
      state: "open",
      username: `${code}-2`,
      inviterName: world.a.user.displayName,
    });
    const again = await rejection(
      a.invitations.create({
        invitee: { role: "institution", institutionId: world.a.institutionId },
        email: "colleague@example.jp",
      }),
    );
    expect(again.code).toBe("CONFLICT");
  });

  it("refuses another institution, officers and the vendor (FORBIDDEN, audited) and the anonymous", async () => {
    const invitee = { role: "institution" as const, institutionId: world.b.institutionId };
    for (const user of [world.a.user, world.osakaOfficer.user, world.vendor.user]) {
      const caller = await callerAs(db, user, clock);
      const refused = await rejection(
        caller.invitations.create({ invitee, email: "intruder@example.jp" }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    const a = await callerAs(db, world.a.user, clock);
    for (const other of [
      { role: "prefecture" as const, prefectureCode: 13 },
      { role: "vendor" as const },
    ]) {
      expect(
        (await rejection(a.invitations.create({ invitee: other, email: "x@example.jp" }))).code,
      ).toBe("FORBIDDEN");
    }
    expect(
      (await rejection(anonymous().caller.invitations.create({ invitee, email: "x@example.jp" })))
        .code,
    ).toBe("UNAUTHORIZED");
    const written = await db
      .selectFrom("invitations")
      .select("id")
      .where("email", "=", "intruder@example.jp")
      .execute();
    expect(written).toEqual([]);
  });

  it("lets the ministry invite an officer and a vendor user, who accept into the right scope", async () => {
    await ministry.invitations.create({
      invitee: { role: "prefecture", prefectureCode: 27 },
      email: "officer@pref.osaka.example.jp",
    });
    await ministry.invitations.create({
      invitee: { role: "vendor" },
      email: "staff@vendor.example.jp",
    });
    const officer = await anonymous().caller.invitations.accept({
      token: await mailedToken("officer@pref.osaka.example.jp"),
      displayName: "大阪　一郎",
      password: PASSWORD,
    });
    expect(officer).toMatchObject({
      role: "prefecture",
      username: expect.stringMatching(/^pref27-officer\d+$/),
    });
    const vendor = await anonymous().caller.invitations.accept({
      token: await mailedToken("staff@vendor.example.jp"),
      displayName: "販売　花子",
      password: PASSWORD,
    });
    expect(vendor).toMatchObject({
      role: "vendor",
      username: expect.stringMatching(/^vendor\d+$/),
    });
    const row = await db
      .selectFrom("users")
      .select(["prefectureCode", "institutionId"])
      .where("username", "=", officer.username)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ prefectureCode: 27, institutionId: null });
  });
});

describe("bulk invitation and progress", () => {
  it("invites every institution without a user or open invitation, a batch per job, and counts them", async () => {
    const fresh = await createTestDatabase();
    try {
      const fdb = fresh.db;
      const ministryUser = await createTestUser(fdb, "ministry");
      const existing = await createTestUser(fdb, "institution", { prefectureCode: 13 });
      const codes: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const row = await fdb
          .insertInto("institutions")
          .values({
            code: String(1_320_000_000 + i),
            name: `一括${i}`,
            type: "clinic",
            prefectureCode: i < 3 ? 13 : 27,
            postcode: "1000001",
            address: "住所",
            phone: "0312345678",
            email: `bulk${i}@example.jp`,
            active: i !== 4,
          })
          .returning("code")
          .executeTakeFirstOrThrow();
        codes.push(row.code);
      }
      const caller = await callerAs(fdb, ministryUser.user, clock);
      const config = { invitations: { batchSize: 2, paceSeconds: 0 } };
      const ctx = await import("../src/testing").then((m) =>
        m.signedInContext(fdb, ministryUser.user, { now: () => clock.now, config }),
      );
      const bulk = createTestCaller(ctx);
      // The confirmation's figures: how many the action would mail, at which pace.
      expect(await bulk.invitations.progress({ prefectureCode: null })).toMatchObject({
        toInvite: 4,
        pace: { batchSize: 2, paceSeconds: 0 },
      });
      expect(await bulk.invitations.progress({ prefectureCode: 27 })).toMatchObject({
        toInvite: 1,
      });
      const started = await bulk.invitations.bulkInvite({ prefectureCode: null });
      // 5 active, 4 of them without a user (the existing user's institution is skipped, the inactive one too)
      expect(started.run).toMatchObject({ total: 4, invited: 0, finishedAt: null });
      const again = await bulk.invitations.bulkInvite({ prefectureCode: null });
      expect(again.run?.id).toBe(started.run?.id);
      const runId = started.run?.id ?? "";
      const batches: number[] = [];
      for (;;) {
        const outcome = await runInvitationBatch(fdb, runId, { now: clock.now, schedule: false });
        if (outcome.finished) break;
        batches.push(outcome.invited);
      }
      expect(batches).toEqual([2, 2]);
      const jobs = await sql<{ count: number }>`
        select count(*)::int as count from graphile_worker.jobs where task_identifier = 'send_mail'`.execute(
        fdb,
      );
      expect(jobs.rows[0]?.count).toBe(2);
      const progress = await caller.invitations.progress();
      expect(progress).toMatchObject({
        total: 5,
        invited: 4,
        sent: 0,
        undeliverable: 0,
        accepted: 0,
      });
      expect(progress.run).toMatchObject({ total: 4, invited: 4, finishedAt: expect.any(String) });
      expect(progress.toInvite).toBe(0);
      expect(await caller.invitations.progress({ prefectureCode: 27 })).toMatchObject({
        total: 1,
        invited: 1,
      });

      // The mail server accepts one and refuses another for good.
      const mails = await fdb
        .selectFrom("mailOutbox")
        .select(["id", "toAddress"])
        .where("kind", "=", "invitation")
        .orderBy("toAddress")
        .execute();
      await fdb
        .updateTable("mailOutbox")
        .set({ status: "sent", sentAt: clock.now, textBody: SENT_SECRET_MAIL_TEXT })
        .where("id", "=", mails[0]?.id ?? "")
        .execute();
      await fdb
        .updateTable("mailOutbox")
        .set({ status: "failed", lastError: "550 5.1.1 User unknown", rejectedAt: clock.now })
        .where("id", "=", mails[1]?.id ?? "")
        .execute();
      expect(await caller.invitations.progress()).toMatchObject({
        invited: 4,
        sent: 1,
        undeliverable: 1,
      });
      const tokyo = await createTestUser(fdb, "prefecture", { prefectureCode: 13 });
      const osaka = await createTestUser(fdb, "prefecture", { prefectureCode: 27 });
      const tokyoList = await (await callerAs(fdb, tokyo.user, clock)).invitations.undeliverable();
      expect(tokyoList).toEqual([
        expect.objectContaining({
          email: mails[1]?.toAddress,
          registryEmail: mails[1]?.toAddress,
          error: "550 5.1.1 User unknown",
          phone: "0312345678",
        }),
      ]);
      // Once the registry is corrected, the list says where a resend will go.
      await fdb
        .updateTable("institutions")
        .set({ email: "corrected@example.jp" })
        .where("email", "=", mails[1]?.toAddress ?? "")
        .execute();
      const corrected = await (await callerAs(fdb, tokyo.user, clock)).invitations.undeliverable();
      expect(corrected).toEqual([
        expect.objectContaining({
          email: mails[1]?.toAddress,
          registryEmail: "corrected@example.jp",
        }),
      ]);
      expect(await (await callerAs(fdb, osaka.user, clock)).invitations.undeliverable()).toEqual(
        [],
      );
      for (const user of [existing.user, ministryUser.user]) {
        const refused = await rejection(
          (await callerAs(fdb, user, clock)).invitations.undeliverable(),
        );
        expect(refused.code).toBe("FORBIDDEN");
      }
      expect(codes).toHaveLength(5);
    } finally {
      await fresh.destroy();
    }
  });

  it("refuses the bulk action and the progress to everyone but the ministry", async () => {
    for (const user of [
      world.a.user,
      world.tokyoOfficers[0]?.user ?? world.a.user,
      world.vendor.user,
    ]) {
      const caller = await callerAs(db, user, clock);
      expect((await rejection(caller.invitations.bulkInvite({ prefectureCode: null }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await rejection(caller.invitations.progress())).code).toBe("FORBIDDEN");
    }
  });
});

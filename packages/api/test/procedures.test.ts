import { validateSessionToken } from "@sos/auth";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import { callerFor, createTestContext, createTestUser, type TestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";

let tdb: TestDatabase;
let institution: TestUser;
let tokyo: TestUser;
let ministry: TestUser;
let vendor: TestUser;

beforeAll(async () => {
  tdb = await createTestDatabase();
  institution = await createTestUser(tdb.db, "institution");
  tokyo = await createTestUser(tdb.db, "prefecture", { prefectureCode: 13 });
  ministry = await createTestUser(tdb.db, "ministry");
  vendor = await createTestUser(tdb.db, "vendor");
});

afterAll(async () => {
  await tdb.destroy();
});

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

async function deniedAudits(userId: string) {
  return tdb.db
    .selectFrom("auditLog")
    .selectAll()
    .where("action", "=", "access.denied")
    .where("actorUserId", "=", userId)
    .execute();
}

describe("role procedures", () => {
  it("refuses an institution user on a prefecture procedure with FORBIDDEN, and audits it", async () => {
    const { caller } = await callerFor(tdb.db, institution.user);
    const error = await rejection(caller.probe.prefecture());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cause).toBeInstanceOf(DomainError);
    expect((error.cause as DomainError).code).toBe("FORBIDDEN");

    const audits = await deniedAudits(institution.user.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorRole: "institution",
      targetType: "procedure",
      targetId: "probe.prefecture",
      ip: "127.0.0.1",
      details: { required: "prefecture" },
    });
  });

  it("answers UNAUTHORIZED (not FORBIDDEN) when nobody is signed in, without an audit row", async () => {
    const caller = createTestCaller(createTestContext(tdb.db));
    const before = await tdb.db.selectFrom("auditLog").select("id").execute();
    for (const call of [
      () => caller.probe.prefecture(),
      () => caller.probe.institution(),
      () => caller.probe.ministry(),
      () => caller.probe.reviewer(),
      () => caller.probe.vendor(),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe("UNAUTHORIZED");
    }
    const after = await tdb.db.selectFrom("auditLog").select("id").execute();
    expect(after).toHaveLength(before.length);
  });

  it("narrows the context to the caller's own scope", async () => {
    expect(await (await callerFor(tdb.db, institution.user)).caller.probe.institution()).toEqual({
      institutionId: institution.user.institutionId,
    });
    expect(await (await callerFor(tdb.db, tokyo.user)).caller.probe.prefecture()).toEqual({
      prefectureCode: 13,
    });
    expect(await (await callerFor(tdb.db, tokyo.user)).caller.probe.reviewer()).toEqual({
      scope: { kind: "prefecture", code: 13 },
    });
    expect(await (await callerFor(tdb.db, ministry.user)).caller.probe.reviewer()).toEqual({
      scope: { kind: "ministry" },
    });
    expect(await (await callerFor(tdb.db, ministry.user)).caller.probe.ministry()).toEqual({
      role: "ministry",
    });
    expect(await (await callerFor(tdb.db, vendor.user)).caller.probe.vendor()).toEqual({
      role: "vendor",
    });
  });

  it("keeps each role out of every other role's procedures", async () => {
    const cases = [
      {
        user: () => tokyo.user,
        call: (c: ReturnType<typeof createTestCaller>) => c.probe.ministry(),
      },
      {
        user: () => ministry.user,
        call: (c: ReturnType<typeof createTestCaller>) => c.probe.prefecture(),
      },
      {
        user: () => vendor.user,
        call: (c: ReturnType<typeof createTestCaller>) => c.probe.reviewer(),
      },
      {
        user: () => institution.user,
        call: (c: ReturnType<typeof createTestCaller>) => c.probe.vendor(),
      },
      {
        user: () => vendor.user,
        call: (c: ReturnType<typeof createTestCaller>) => c.probe.institution(),
      },
    ];
    for (const { user, call } of cases) {
      const { caller } = await callerFor(tdb.db, user());
      const error = await rejection(call(caller));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await deniedAudits(vendor.user.id)).toHaveLength(2);
  });

  it("treats a user whose session row is gone as signed out", async () => {
    const { ctx, caller } = await callerFor(tdb.db, tokyo.user);
    await caller.auth.signOut();
    const again = createTestCaller({ ...ctx, ...(await nullSession(ctx.session?.id)) });
    const error = await rejection(again.probe.prefecture());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});

/** What the server's createContext yields once a session no longer validates. */
async function nullSession(sessionId: string | undefined) {
  expect(sessionId).toBeDefined();
  const row = await tdb.db
    .selectFrom("sessions")
    .select("id")
    .where("id", "=", sessionId ?? "")
    .executeTakeFirst();
  expect(row).toBeUndefined();
  return { user: null, session: null };
}

describe("auth router", () => {
  it("signs in, sets the session cookie through the context, and returns the user", async () => {
    const ctx = createTestContext(tdb.db);
    const user = await createTestCaller(ctx).auth.signIn({
      username: tokyo.username,
      password: tokyo.password,
    });
    expect(user).toEqual({
      id: tokyo.user.id,
      username: tokyo.username,
      displayName: tokyo.user.displayName,
      role: "prefecture",
      institutionId: null,
      prefectureCode: 13,
      leadOfficer: false,
    });
    expect(ctx.cookies.set).toHaveLength(1);
    const { token, expiresAt } = ctx.cookies.set[0] ?? { token: "", expiresAt: new Date(0) };
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const validated = await validateSessionToken(tdb.db, token, new Date());
    expect(validated?.user.id).toBe(tokyo.user.id);
  });

  it("accepts a full-width username typed on a phone", async () => {
    const ctx = createTestContext(tdb.db);
    const fullWidth = vendor.username.replace(/[!-~]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    const user = await createTestCaller(ctx).auth.signIn({
      username: ` ${fullWidth} `,
      password: vendor.password,
    });
    expect(user.id).toBe(vendor.user.id);
  });

  it("refuses wrong credentials with one message that does not say which part was wrong", async () => {
    const caller = createTestCaller(createTestContext(tdb.db, { ip: "192.0.2.10" }));
    const wrongPassword = await rejection(
      caller.auth.signIn({ username: ministry.username, password: "Wrong-Password-1" }),
    );
    const unknownUser = await rejection(
      caller.auth.signIn({ username: "nobody-here", password: "Wrong-Password-1" }),
    );
    for (const error of [wrongPassword, unknownUser]) {
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("ユーザー名またはパスワードが正しくありません。");
    }
  });

  it("throttles repeated failures with TOO_MANY_REQUESTS and the wait in minutes", async () => {
    const target = await createTestUser(tdb.db, "vendor");
    const caller = createTestCaller(createTestContext(tdb.db, { ip: "192.0.2.20" }));
    let throttled: TRPCError | null = null;
    for (let attempt = 0; attempt < 12 && throttled === null; attempt += 1) {
      const error = await rejection(
        caller.auth.signIn({ username: target.username, password: "Not-The-Password-9" }),
      );
      if (error.code === "TOO_MANY_REQUESTS") throttled = error;
      else expect(error.code).toBe("UNAUTHORIZED");
    }
    expect(throttled?.message).toMatch(
      /^ログイン試行が多すぎます。[0-9]+分後に再度お試しください。お急ぎの場合は「パスワードをお忘れですか？」から再設定すると、再設定したブラウザからすぐにログインできます。$/,
    );
    // Even the right password is refused while the block lasts.
    const blocked = await rejection(
      caller.auth.signIn({ username: target.username, password: target.password }),
    );
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
  });

  it("answers me() with the signed-in user, or null", async () => {
    expect(await createTestCaller(createTestContext(tdb.db)).auth.me()).toBeNull();
    const { caller } = await callerFor(tdb.db, institution.user);
    expect(await caller.auth.me()).toMatchObject({
      id: institution.user.id,
      role: "institution",
      institutionId: institution.user.institutionId,
    });
  });

  it("signs out: the session ends and the cookie is cleared; signing out twice is harmless", async () => {
    const { ctx, caller } = await callerFor(tdb.db, vendor.user);
    const sessionId = ctx.session?.id ?? "";
    expect(await caller.auth.signOut()).toEqual({ ok: true });
    expect(ctx.cookies.cleared).toBe(1);
    const row = await tdb.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", sessionId)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const anonymous = createTestContext(tdb.db);
    expect(await createTestCaller(anonymous).auth.signOut()).toEqual({ ok: true });
    expect(anonymous.cookies.cleared).toBe(1);
  });

  it("reports invalid input per field, in Japanese", async () => {
    const caller = createTestCaller(createTestContext(tdb.db));
    const error = await rejection(caller.auth.signIn({ username: "", password: "" }));
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (
      error.cause as unknown as { issues: Array<{ path: string[]; message: string }> }
    ).issues;
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["username", "password"]);
    expect(issues.map((issue) => issue.message)).toEqual([
      "ユーザー名を入力してください",
      "パスワードを入力してください",
    ]);
  });
});

describe("password reset", () => {
  async function latestResetToken(to: string): Promise<{ token: string; link: string }> {
    const mail = await tdb.db
      .selectFrom("mailOutbox")
      .selectAll()
      .where("toAddress", "=", to)
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.textBody);
    expect(link).not.toBeNull();
    return { token: link?.[1] ?? "", link: link?.[0] ?? "" };
  }

  it("mails a link into the user's own app, and the token sets a new password once", async () => {
    const user = await createTestUser(tdb.db, "institution");
    const { ctx: oldCtx } = await callerFor(tdb.db, user.user);
    const anonymous = createTestCaller(createTestContext(tdb.db));

    expect(await anonymous.auth.requestPasswordReset({ username: user.username })).toEqual({
      ok: true,
    });
    const { token, link } = await latestResetToken(user.user.email);
    expect(link.startsWith("http://localhost:3000/institution/reset-password?token=")).toBe(true);

    expect(await anonymous.auth.resetPassword({ token, password: "Brand-New-Gloves-77" })).toEqual({
      ok: true,
    });
    // Every earlier session ended with the reset.
    const old = await tdb.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", oldCtx.session?.id ?? "")
      .executeTakeFirst();
    expect(old).toBeUndefined();

    const signedIn = await anonymous.auth.signIn({
      username: user.username,
      password: "Brand-New-Gloves-77",
    });
    expect(signedIn.id).toBe(user.user.id);

    const reused = await rejection(
      anonymous.auth.resetPassword({ token, password: "Another-Pass-88" }),
    );
    expect(reused.code).toBe("BAD_REQUEST");
    expect((reused.cause as DomainError).code).toBe("RESET_TOKEN_INVALID");
  });

  it("sends reviewers to the review app", async () => {
    const user = await createTestUser(tdb.db, "ministry");
    await createTestCaller(createTestContext(tdb.db)).auth.requestPasswordReset({
      username: user.username,
    });
    const { link } = await latestResetToken(user.user.email);
    expect(link.startsWith("http://localhost:3000/review/reset-password?token=")).toBe(true);
  });

  it("answers the same for an unknown username and sends nothing", async () => {
    const before = await tdb.db.selectFrom("mailOutbox").select("id").execute();
    expect(
      await createTestCaller(createTestContext(tdb.db)).auth.requestPasswordReset({
        username: "no-such-user",
      }),
    ).toEqual({ ok: true });
    const after = await tdb.db.selectFrom("mailOutbox").select("id").execute();
    expect(after).toHaveLength(before.length);
  });

  it("refuses a password the policy rejects, naming the field", async () => {
    const user = await createTestUser(tdb.db, "vendor", { username: "gloves-vendor" });
    const caller = createTestCaller(createTestContext(tdb.db));
    await caller.auth.requestPasswordReset({ username: user.username });
    const { token } = await latestResetToken(user.user.email);

    const weak = await rejection(caller.auth.resetPassword({ token, password: "short" }));
    expect(weak.code).toBe("BAD_REQUEST");

    const withName = await rejection(
      caller.auth.resetPassword({ token, password: "My-gloves-vendor-1" }),
    );
    expect(withName.code).toBe("BAD_REQUEST");
    const cause = withName.cause as DomainError;
    expect(cause.code).toBe("PASSWORD_POLICY");
    expect(cause.fieldErrors?.password?.[0]).toBe(cause.messageJa);

    // The refused attempts did not spend the token.
    expect(await caller.auth.resetPassword({ token, password: "Fresh-Start-2026" })).toEqual({
      ok: true,
    });
  });
});

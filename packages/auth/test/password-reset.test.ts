import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import { verifyPassword } from "../src/password-hash";
import { RESET_PASSWORD_MESSAGES_JA, resetPassword } from "../src/password-reset";
import { requestPasswordReset } from "../src/password-reset-request";
import { PASSWORD_RESET_MAIL_SUBJECT } from "../src/reset-mail";
import { createSession, validateSessionToken } from "../src/session";
import type { Role } from "../src/session-user";
import { signIn } from "../src/sign-in";
import { hashToken } from "../src/tokens";
import {
  at,
  auditRows,
  GOOD_PASSWORD,
  HOUR,
  insertUser,
  MINUTE,
  SECOND,
  uniqueUsername,
} from "./fixtures";

let testDb: TestDatabase;
let db: Db;
// 10:00 in Tokyo on Wednesday 3 June 2026
const T0 = new Date("2026-06-03T01:00:00.000Z");
const IP = "203.0.113.9";
const MAIL_FROM = "SOS Supply <no-reply@sos.example.jp>";
const NEW_PASSWORD = "Fresh-Gloves-77";

const APPS: Record<Role, string> = {
  institution: "https://sos.example.jp/institution",
  prefecture: "https://sos.example.jp/review",
  ministry: "https://sos.example.jp/review/",
  vendor: "https://sos.example.jp/vendor",
  delegate: "https://sos.example.jp/institution",
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.destroy();
});

async function request(username: string, now = T0) {
  return requestPasswordReset(db, {
    username,
    ip: IP,
    now,
    appBaseUrl: (role) => APPS[role],
    mailFrom: MAIL_FROM,
  });
}

async function mailsTo(address: string) {
  return db
    .selectFrom("mailOutbox")
    .selectAll()
    .where("toAddress", "=", address)
    .orderBy("createdAt")
    .execute();
}

function tokenIn(text: string): string {
  const match = /reset-password\?token=([a-z2-7]+)/.exec(text);
  if (!match?.[1]) throw new Error("no reset link in the mail");
  return match[1];
}

async function latestToken(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const last = mails.at(-1);
  if (!last) throw new Error("no mail");
  return tokenIn(last.textBody);
}

async function tokensOf(userId: string) {
  return db
    .selectFrom("passwordResetTokens")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .execute();
}

describe("requestPasswordReset", () => {
  it("mails a Japanese reset link valid for one hour, shown in Tokyo time", async () => {
    const user = await insertUser(db);
    expect(await request(user.username)).toBeUndefined();

    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error("no mail");
    expect(mail).toMatchObject({
      kind: "password_reset",
      fromAddress: MAIL_FROM,
      subject: PASSWORD_RESET_MAIL_SUBJECT,
      status: "pending",
      secret: true,
    });
    expect(mail.subject).toBe("【SOS Supply】パスワード再設定のご案内");
    const token = tokenIn(mail.textBody);
    expect(mail.textBody).toContain(`https://sos.example.jp/review/reset-password?token=${token}`);
    expect(mail.textBody).toContain(`${user.displayName} 様`);
    expect(mail.textBody).toContain(`ユーザー名：${user.username}`);
    expect(mail.textBody).toContain("URLの有効期限：2026年6月3日（水）11:00（日本時間）");
    expect(mail.textBody).toContain("お心当たりのない場合は、このメールを破棄してください");

    // the send job was queued in the same transaction
    const jobs = await sql<{ taskIdentifier: string }>`
      select task_identifier from graphile_worker.jobs where key = ${`mail:${mail.id}`}`.execute(
      db,
    );
    expect(jobs.rows).toEqual([{ taskIdentifier: "send_mail" }]);

    const [row] = await tokensOf(user.id);
    expect(row).toMatchObject({
      id: hashToken(token),
      createdAt: T0,
      expiresAt: at(T0, HOUR),
      usedAt: null,
    });
    expect(token.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits of base32
  });

  it("never stores the raw token outside the mail itself", async () => {
    const user = await insertUser(db);
    await request(user.username);
    const token = await latestToken(user.email);
    const tokens = JSON.stringify(await db.selectFrom("passwordResetTokens").selectAll().execute());
    const audit = JSON.stringify(await db.selectFrom("auditLog").selectAll().execute());
    const jobs = JSON.stringify(
      (await sql`select key, payload from graphile_worker._private_jobs`.execute(db)).rows,
    );
    expect(tokens).toContain(hashToken(token));
    expect(tokens).not.toContain(token);
    expect(audit).not.toContain(token);
    expect(jobs).not.toContain(token);
  });

  it("looks the same for an unknown username, but mails nothing and stores no token", async () => {
    const username = uniqueUsername("ghost");
    const mailsBefore = await db.selectFrom("mailOutbox").select("id").execute();
    const tokensBefore = await db.selectFrom("passwordResetTokens").select("id").execute();
    expect(await request(username)).toBeUndefined();
    expect(await db.selectFrom("mailOutbox").select("id").execute()).toHaveLength(
      mailsBefore.length,
    );
    expect(await db.selectFrom("passwordResetTokens").select("id").execute()).toHaveLength(
      tokensBefore.length,
    );
    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetRequest)).filter(
      (row) => (row.details as { username: string }).username === username,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: null, ip: IP });
    expect(audit[0]?.details).toEqual({ username, outcome: "unknown_user" });
  });

  it("mails nothing to a disabled user", async () => {
    const user = await insertUser(db, { disabledAt: T0 });
    await request(user.username);
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it("finds the user whatever the case of the typed username and audits the request", async () => {
    const user = await insertUser(db);
    await request(user.username.toUpperCase());
    expect(await mailsTo(user.email)).toHaveLength(1);
    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetRequest)).filter(
      (row) => row.targetId === user.id,
    );
    expect(audit[0]).toMatchObject({ actorUserId: user.id, actorRole: "ministry" });
    expect(audit[0]?.details).toMatchObject({ outcome: "sent" });
  });

  it("retires earlier unused links when a new one is issued", async () => {
    const user = await insertUser(db);
    await request(user.username, T0);
    const first = await latestToken(user.email);
    await request(user.username, at(T0, MINUTE));
    const second = await latestToken(user.email);
    expect(second).not.toBe(first);
    expect(
      await resetPassword(db, {
        token: first,
        newPassword: NEW_PASSWORD,
        ip: IP,
        now: at(T0, 2 * MINUTE),
      }),
    ).toEqual({
      ok: false,
      error: "invalid_or_expired",
    });
    expect(
      await resetPassword(db, {
        token: second,
        newPassword: NEW_PASSWORD,
        ip: IP,
        now: at(T0, 2 * MINUTE),
      }),
    ).toMatchObject({ ok: true, value: { userId: user.id } });
  });

  it("sends at most three mails per user per hour", async () => {
    const user = await insertUser(db);
    for (let i = 0; i < 5; i += 1) await request(user.username, at(T0, i * MINUTE));
    expect(await mailsTo(user.email)).toHaveLength(3);
    const outcomes = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetRequest))
      .filter((row) => row.targetId === user.id)
      .map((row) => (row.details as { outcome: string }).outcome);
    expect(outcomes).toEqual(["sent", "sent", "sent", "rate_limited", "rate_limited"]);
    // the link from the last mail that was sent still works
    const token = await latestToken(user.email);
    expect(
      (
        await resetPassword(db, {
          token,
          newPassword: NEW_PASSWORD,
          ip: IP,
          now: at(T0, 5 * MINUTE),
        })
      ).ok,
    ).toBe(true);
    await request(user.username, at(T0, HOUR + 1));
    expect(await mailsTo(user.email)).toHaveLength(4);
  });

  it("writes the token and the mail together or not at all", async () => {
    const user = await insertUser(db);
    await expect(
      requestPasswordReset(db, {
        username: user.username,
        ip: IP,
        now: T0,
        appBaseUrl: () => {
          throw new Error("no base URL configured");
        },
        mailFrom: MAIL_FROM,
      }),
    ).rejects.toThrow("no base URL configured");
    expect(await tokensOf(user.id)).toEqual([]);
    expect(await mailsTo(user.email)).toEqual([]);
  });
});

describe("resetPassword", () => {
  async function issue(now = T0) {
    const user = await insertUser(db);
    await request(user.username, now);
    return { user, token: await latestToken(user.email) };
  }

  it("sets the new password, ends every session of the user and audits it", async () => {
    const { user, token } = await issue();
    const other = await insertUser(db);
    const a = await createSession(db, user.id, { now: T0 });
    const b = await createSession(db, user.id, { now: T0 });
    const c = await createSession(db, other.id, { now: T0 });

    const result = await resetPassword(db, {
      token,
      newPassword: NEW_PASSWORD,
      ip: IP,
      now: at(T0, MINUTE),
    });
    expect(result).toMatchObject({ ok: true, value: { userId: user.id } });

    const now = at(T0, 2 * MINUTE);
    expect(await validateSessionToken(db, a.token, now)).toBeNull();
    expect(await validateSessionToken(db, b.token, now)).toBeNull();
    expect(await validateSessionToken(db, c.token, now)).not.toBeNull();

    const stored = await db
      .selectFrom("users")
      .select(["passwordHash", "passwordChangedAt"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, GOOD_PASSWORD)).toBe(false);
    expect(stored.passwordChangedAt).toEqual(at(T0, MINUTE));

    const base = {
      username: user.username,
      ip: "192.0.2.80",
      userAgent: "vitest",
      mailFrom: MAIL_FROM,
      now,
    };
    expect((await signIn(db, { ...base, password: GOOD_PASSWORD })).ok).toBe(false);
    expect((await signIn(db, { ...base, password: NEW_PASSWORD })).ok).toBe(true);

    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetComplete)).filter(
      (row) => row.targetId === user.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, ip: IP });
    expect(audit[0]?.details).toEqual({ sessionsEnded: 2, devicesRevoked: 0 });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it("works once only", async () => {
    const { token } = await issue();
    const input = { token, newPassword: NEW_PASSWORD, ip: IP, now: at(T0, MINUTE) };
    expect((await resetPassword(db, input)).ok).toBe(true);
    expect(await resetPassword(db, { ...input, newPassword: "Another-Pass-88" })).toEqual({
      ok: false,
      error: "invalid_or_expired",
    });
  });

  it("lets exactly one of two concurrent resets with the same token succeed", async () => {
    const { user, token } = await issue();
    const results = await Promise.all(
      ["Racer-One-111", "Racer-Two-222"].map((newPassword) =>
        resetPassword(db, { token, newPassword, ip: IP, now: at(T0, MINUTE) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "invalid_or_expired" }]);
    const winner = results[0]?.ok ? "Racer-One-111" : "Racer-Two-222";
    const { passwordHash } = await db
      .selectFrom("users")
      .select("passwordHash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(passwordHash, winner)).toBe(true);
  });

  it("expires exactly one hour after it was issued", async () => {
    const early = await issue();
    expect(
      (
        await resetPassword(db, {
          token: early.token,
          newPassword: NEW_PASSWORD,
          ip: IP,
          now: at(T0, HOUR - 1),
        })
      ).ok,
    ).toBe(true);
    const late = await issue();
    expect(
      await resetPassword(db, {
        token: late.token,
        newPassword: NEW_PASSWORD,
        ip: IP,
        now: at(T0, HOUR),
      }),
    ).toEqual({ ok: false, error: "invalid_or_expired" });
    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetFailure)).filter(
      (row) => row.targetId === late.user.id,
    );
    expect(audit[0]?.details).toEqual({ reason: "expired" });
  });

  it("refuses an unknown token and audits the failure", async () => {
    expect(
      await resetPassword(db, {
        token: "a".repeat(32),
        newPassword: NEW_PASSWORD,
        ip: IP,
        now: T0,
      }),
    ).toEqual({ ok: false, error: "invalid_or_expired" });
    const audit = await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetFailure);
    expect(audit.at(-1)).toMatchObject({ actorUserId: null, ip: IP });
    expect(audit.at(-1)?.details).toEqual({ reason: "unknown_token" });
  });

  it("refuses a password that breaks the policy without spending the token", async () => {
    const { user, token } = await issue();
    const now = at(T0, MINUTE);
    const attempt = (newPassword: string) => resetPassword(db, { token, newPassword, ip: IP, now });
    expect(await attempt("short1A")).toEqual({ ok: false, error: "too_short" });
    expect(await attempt("alllowercase1")).toEqual({
      ok: false,
      error: "missing_character_classes",
    });
    expect(await attempt("Password1")).toEqual({ ok: false, error: "common" });
    expect(await attempt(`X9${user.username}y`)).toEqual({ ok: false, error: "contains_username" });
    expect(await attempt(`Aa1${"x".repeat(126)}`)).toEqual({ ok: false, error: "too_long" });
    const reasons = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetFailure))
      .filter((row) => row.targetId === user.id)
      .map((row) => (row.details as { reason: string }).reason);
    expect(reasons).toEqual([
      "too_short",
      "missing_character_classes",
      "common",
      "contains_username",
      "too_long",
    ]);
    expect((await attempt(NEW_PASSWORD)).ok).toBe(true);
  });

  it("stores the new password exactly as typed", async () => {
    const { user, token } = await issue();
    expect(
      (await resetPassword(db, { token, newPassword: "Passw0rd１", ip: IP, now: T0 })).ok,
    ).toBe(true);
    const base = {
      username: user.username,
      userAgent: "vitest",
      mailFrom: MAIL_FROM,
      now: at(T0, SECOND),
    };
    expect((await signIn(db, { ...base, ip: "192.0.2.90", password: "Passw0rd1" })).ok).toBe(false);
    expect((await signIn(db, { ...base, ip: "192.0.2.91", password: "Passw0rd１" })).ok).toBe(true);

    const spaced = await issue();
    await resetPassword(db, {
      token: spaced.token,
      newPassword: "Trailing-Space9 ",
      ip: IP,
      now: T0,
    });
    const spacedBase = {
      username: spaced.user.username,
      userAgent: "vitest",
      mailFrom: MAIL_FROM,
      now: at(T0, SECOND),
    };
    expect(
      (await signIn(db, { ...spacedBase, ip: "192.0.2.92", password: "Trailing-Space9" })).ok,
    ).toBe(false);
    expect(
      (await signIn(db, { ...spacedBase, ip: "192.0.2.93", password: "Trailing-Space9 " })).ok,
    ).toBe(true);
  });

  it("retires the user's other unused tokens when one is used", async () => {
    const { user, token } = await issue();
    // a second live token, as a concurrent request could have left behind
    const stray = "b".repeat(32);
    await db
      .insertInto("passwordResetTokens")
      .values({ id: hashToken(stray), userId: user.id, createdAt: T0, expiresAt: at(T0, HOUR) })
      .execute();
    expect(
      (await resetPassword(db, { token, newPassword: NEW_PASSWORD, ip: IP, now: T0 })).ok,
    ).toBe(true);
    expect(
      await resetPassword(db, { token: stray, newPassword: "Another-Pass-88", ip: IP, now: T0 }),
    ).toEqual({ ok: false, error: "invalid_or_expired" });
    expect((await tokensOf(user.id)).every((row) => row.usedAt !== null)).toBe(true);
  });

  it("refuses the link of a user disabled after it was issued", async () => {
    const { user, token } = await issue();
    await db.updateTable("users").set({ disabledAt: T0 }).where("id", "=", user.id).execute();
    expect(await resetPassword(db, { token, newPassword: NEW_PASSWORD, ip: IP, now: T0 })).toEqual({
      ok: false,
      error: "invalid_or_expired",
    });
  });

  it("lifts a sign-in block on the account: the owner has proven control", async () => {
    const { user, token } = await issue();
    const base = {
      username: user.username,
      ip: "192.0.2.100",
      userAgent: "vitest",
      mailFrom: MAIL_FROM,
    };
    for (let i = 0; i < 5; i += 1) {
      await signIn(db, { ...base, password: "Wrong-Passw0rd", now: at(T0, i * SECOND) });
    }
    expect(
      await signIn(db, { ...base, password: GOOD_PASSWORD, now: at(T0, 10 * SECOND) }),
    ).toMatchObject({
      error: { code: "throttled" },
    });
    await resetPassword(db, { token, newPassword: NEW_PASSWORD, ip: IP, now: at(T0, 20 * SECOND) });
    expect(
      (await signIn(db, { ...base, password: NEW_PASSWORD, now: at(T0, 30 * SECOND) })).ok,
    ).toBe(true);
  });

  it("trusts the browser that completed the reset instead of every earlier one", async () => {
    const { user, token } = await issue();
    const signInFrom = (deviceTokens: readonly string[], password: string, now: Date) =>
      signIn(db, {
        username: user.username,
        password,
        ip: "192.0.2.110",
        userAgent: "vitest",
        mailFrom: MAIL_FROM,
        now,
        deviceTokens,
      });
    // A browser that knew the password before (perhaps an intruder's) is trusted ...
    const earlier = await signInFrom([], GOOD_PASSWORD, T0);
    if (!earlier.ok) throw new Error("sign-in failed");
    // ... and someone guessing holds back every untrusted client.
    const guessFiveTimes = async (from: Date) => {
      for (let i = 0; i < 5; i += 1) {
        await signIn(db, {
          username: user.username,
          password: "Wrong-Passw0rd",
          ip: "203.0.113.200",
          userAgent: "vitest",
          mailFrom: MAIL_FROM,
          now: at(from, i * SECOND),
        });
      }
    };
    await guessFiveTimes(T0);
    const reset = await resetPassword(db, {
      token,
      newPassword: NEW_PASSWORD,
      ip: IP,
      now: at(T0, 10 * SECOND),
      deviceTokens: earlier.value.device.tokens,
    });
    if (!reset.ok) throw new Error("reset failed");
    // The earlier browser's token left the cookie, and its trust is gone.
    expect(reset.value.device.tokens).toHaveLength(1);
    expect(reset.value.device.tokens).not.toContain(earlier.value.device.tokens[0]);
    const audit = (await auditRows(db, AUTH_AUDIT_ACTIONS.passwordResetComplete)).filter(
      (row) => row.targetId === user.id,
    );
    expect(audit[0]?.details).toEqual({ sessionsEnded: 1, devicesRevoked: 1 });

    // The reset itself forgot the account's failures; a new round of guessing blocks again.
    await guessFiveTimes(at(T0, 20 * SECOND));
    const later = at(T0, 30 * SECOND);
    expect(await signInFrom(earlier.value.device.tokens, NEW_PASSWORD, later)).toMatchObject({
      ok: false,
      error: { code: "throttled" },
    });
    // The browser that completed the reset proved the mailbox: it gets in during the guessing.
    expect((await signInFrom(reset.value.device.tokens, NEW_PASSWORD, later)).ok).toBe(true);
  });

  it("has a Japanese message for every refusal", () => {
    for (const message of Object.values(RESET_PASSWORD_MESSAGES_JA)) {
      expect(message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect(RESET_PASSWORD_MESSAGES_JA.invalid_or_expired).toContain("有効期限");
  });
});

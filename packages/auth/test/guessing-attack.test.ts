import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import { GUESSING_ALERT_MAIL_KIND, GUESSING_ALERT_MAIL_SUBJECT } from "../src/guessing-alert-mail";
import { signIn } from "../src/sign-in";
import {
  at,
  auditRows,
  GOOD_PASSWORD,
  HOUR,
  insertUser,
  MAIL_FROM,
  SECOND,
  useTestDatabase,
} from "./fixtures";

// The attack of issue 12 (item 5): someone who knows a username keeps guessing.
// The clock is fixed and moved by hand: nothing sleeps, and a refused guess
// never reaches argon2, so 1,000 guesses take a few seconds.

const testDb = useTestDatabase();
const T0 = new Date("2026-06-03T07:55:00.000Z"); // Wednesday 16:55 in Tokyo
const ATTACKER_IP = "203.0.113.66";
const OWNER_IP = "198.51.100.20";
const GUESSES = 1000;

beforeAll(async () => {
  await insertUser(testDb.db, { username: "mhlw-officer-a", role: "ministry" });
  await insertUser(testDb.db, { username: "mhlw-officer-b", role: "ministry" });
  await insertUser(testDb.db, { username: "mhlw-retired", role: "ministry", disabledAt: T0 });
});

interface Attempt {
  username: string;
  password: string;
  ip: string;
  now: Date;
  deviceTokens?: readonly string[];
}

function attempt(input: Attempt) {
  return signIn(testDb.db, {
    ...input,
    userAgent: "vitest",
    mailFrom: MAIL_FROM,
  });
}

type Outcome = "signed_in" | "invalid_credentials" | "throttled";

async function outcomeOf(input: Attempt): Promise<Outcome> {
  const result = await attempt(input);
  return result.ok ? "signed_in" : result.error.code;
}

function tally(outcomes: readonly Outcome[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { signed_in: 0, invalid_credentials: 0, throttled: 0 };
  for (const o of outcomes) counts[o] += 1;
  return counts;
}

async function alertMails() {
  return testDb.db
    .selectFrom("mailOutbox")
    .select(["toAddress", "subject", "textBody"])
    .where("kind", "=", GUESSING_ALERT_MAIL_KIND)
    .orderBy("toAddress")
    .execute();
}

/** An owner who signed in an hour before the attack, with the device cookie it was given. */
async function ownerWithTrustedBrowser(username: string) {
  const owner = await insertUser(testDb.db, { username, role: "vendor" });
  const first = await attempt({
    username,
    password: GOOD_PASSWORD,
    ip: OWNER_IP,
    now: at(T0, -HOUR),
  });
  if (!first.ok) throw new Error("the owner could not sign in");
  return { owner, device: first.value.device.tokens };
}

/** Guesses that reached the password check: each is one argon2 verification. */
async function passwordChecks(targetId: string | null, username?: string) {
  const rows = await auditRows(testDb.db, AUTH_AUDIT_ACTIONS.signInFailure);
  return rows.filter((row) => {
    const details = row.details as { reason: string; username: string };
    const mine = targetId ? row.targetId === targetId : details.username.startsWith(username ?? "");
    return mine && details.reason !== "throttled";
  }).length;
}

// A thousand sign-in calls each: about 10 s on a quiet machine, past 30 s when it is shared.
describe("1,000 guesses from one address", { timeout: 120_000 }, () => {
  it("get nowhere against one account, while the owner's browser signs in throughout", async () => {
    const { owner, device } = await ownerWithTrustedBrowser("yodogawa-hospital");
    let ownerDevice = device;

    const guesses: Outcome[] = [];
    const ownerSignIns: Outcome[] = [];
    for (let i = 0; i < GUESSES; i += 1) {
      const now = at(T0, i * 100); // ten guesses a second
      guesses.push(
        await outcomeOf({
          username: owner.username,
          password: `Guess-${i}-Passw0rd`,
          ip: ATTACKER_IP,
          now,
        }),
      );
      if (i % 100 === 50) {
        // Every ten seconds the owner signs in from the trusted browser, half the
        // time from behind the attacker's own address (one hospital NAT).
        const result = await attempt({
          username: owner.username,
          password: GOOD_PASSWORD,
          ip: i % 200 === 50 ? OWNER_IP : ATTACKER_IP,
          now,
          deviceTokens: ownerDevice,
        });
        ownerSignIns.push(result.ok ? "signed_in" : result.error.code);
        if (result.ok) ownerDevice = result.value.device.tokens;
      }
    }
    const end = at(T0, GUESSES * 100);
    // The attacker's untrusted client, even with the right password.
    const rightPassword = await outcomeOf({
      username: owner.username,
      password: GOOD_PASSWORD,
      ip: ATTACKER_IP,
      now: end,
    });

    expect(tally(guesses)).toEqual({ signed_in: 0, invalid_credentials: 6, throttled: 994 });
    expect(rightPassword).toBe("throttled");
    expect(tally(ownerSignIns)).toEqual({ signed_in: 10, invalid_credentials: 0, throttled: 0 });
    // Five at once and one after the first minute's block cost an argon2 verification;
    // the rest were refused before it.
    expect(await passwordChecks(owner.id)).toBe(6);

    // One alert, mailed once to each active ministry user.
    const alerts = await testDb.db.selectFrom("signInAlerts").selectAll().execute();
    expect(alerts).toEqual([
      expect.objectContaining({
        scope: "account",
        subject: owner.username,
        attempts: 100,
        since: T0,
        raisedAt: at(T0, 99 * 100),
        mailed: true,
      }),
    ]);
    const mails = await alertMails();
    expect(mails.map((m) => m.toAddress)).toEqual([
      "mhlw-officer-a@example.jp",
      "mhlw-officer-b@example.jp",
    ]);
    expect(mails[0]?.subject).toBe(GUESSING_ALERT_MAIL_SUBJECT);
    expect(mails[0]?.textBody).toContain(`ユーザー名「${owner.username}」`);
    expect(mails[0]?.textBody).toContain("試行回数：100回（2026年6月3日（水）16:55 以降）");
    const audit = await auditRows(testDb.db, AUTH_AUDIT_ACTIONS.guessingAlert);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ scope: "account", attempts: 100, mailedTo: 2 });
  });

  it("get nowhere sprayed across 1,000 usernames, and the alert is not mailed twice within the hour", async () => {
    const { owner, device } = await ownerWithTrustedBrowser("sakai-clinic");
    const sprayIp = "203.0.113.99";
    const guesses: Outcome[] = [];
    for (let i = 0; i < GUESSES; i += 1) {
      guesses.push(
        await outcomeOf({
          username: `spray${i}`,
          password: "Spring2026!",
          ip: sprayIp,
          now: at(T0, i * 100),
        }),
      );
    }
    const now = at(T0, GUESSES * 100);
    expect(tally(guesses)).toEqual({ signed_in: 0, invalid_credentials: 50, throttled: 950 });
    expect(await passwordChecks(null, "spray")).toBe(50);
    // The owner, from the same address with the trusted browser, gets in.
    const owned = await attempt({
      username: owner.username,
      password: GOOD_PASSWORD,
      ip: sprayIp,
      now,
      deviceTokens: device,
    });
    expect(owned.ok).toBe(true);

    const alerts = await testDb.db
      .selectFrom("signInAlerts")
      .selectAll()
      .where("scope", "=", "ip")
      .execute();
    expect(alerts).toEqual([
      expect.objectContaining({ subject: sprayIp, attempts: 100, mailed: false }),
    ]);
    // The first test's mail went out less than an hour ago: still two mails in all.
    expect(await alertMails()).toHaveLength(2);
  });

  it("reach the password check about once per 15 minutes when spread out over hours", async () => {
    const owner = await insertUser(testDb.db, { username: "slow-target", role: "vendor" });
    const guesses: Outcome[] = [];
    for (let i = 0; i < GUESSES; i += 1) {
      guesses.push(
        await outcomeOf({
          username: owner.username,
          password: `Slow-${i}-Passw0rd`,
          ip: "203.0.113.150",
          now: at(T0, i * 10 * SECOND), // one guess every ten seconds, 2 h 46 min in all
        }),
      );
    }
    const counts = tally(guesses);
    // 5 at once, one after each block of 1, 2, 4 and 8 minutes, then one every 15 minutes.
    expect(counts).toEqual({ signed_in: 0, invalid_credentials: 19, throttled: 981 });
  });
});

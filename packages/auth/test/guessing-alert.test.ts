import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import { GUESSING_ALERT_MAIL_KIND } from "../src/guessing-alert-mail";
import { signIn } from "../src/sign-in";
import {
  addressSequence,
  at,
  auditRows,
  HOUR,
  insertUser,
  MAIL_FROM,
  MINUTE,
  uniqueUsername,
  useTestDatabase,
} from "./fixtures";

const testDb = useTestDatabase();
const T0 = new Date("2026-06-03T01:00:00.000Z");
const freshIp = addressSequence("192.0.2");
// A low threshold, so a handful of failures stand for a long guessing run.
const config = { guessingAlertAttempts: 3 };

beforeAll(async () => {
  await insertUser(testDb.db, { username: "mhlw-alerts", role: "ministry" });
});

async function fail(username: string, now: Date, ip = freshIp()) {
  await signIn(testDb.db, {
    username,
    password: "Wrong-Passw0rd",
    ip,
    userAgent: "vitest",
    now,
    mailFrom: MAIL_FROM,
    config,
  });
}

async function alerts() {
  return testDb.db.selectFrom("signInAlerts").selectAll().orderBy("id").execute();
}

describe("alert on sustained guessing", () => {
  it("alerts once a day per key, and mails the ministry at most once an hour", async () => {
    const target = uniqueUsername("target");
    for (let i = 0; i < 4; i += 1) await fail(target, at(T0, i * MINUTE));
    expect(await alerts()).toEqual([
      expect.objectContaining({ scope: "account", subject: target, attempts: 3, mailed: true }),
    ]);

    // Ten minutes on, another name alerts too, but only into the record.
    const other = uniqueUsername("target");
    for (let i = 0; i < 3; i += 1) await fail(other, at(T0, 10 * MINUTE + i * MINUTE));
    // A day later the first name is guessed again: a new alert, and a new mail.
    const dayLater = at(T0, 25 * HOUR);
    for (let i = 0; i < 3; i += 1) await fail(target, at(dayLater, i * MINUTE));

    expect((await alerts()).map((a) => [a.subject, a.mailed])).toEqual([
      [target, true],
      [other, false],
      [target, true],
    ]);
    const mails = await testDb.db
      .selectFrom("mailOutbox")
      .select(["toAddress", "textBody"])
      .where("kind", "=", GUESSING_ALERT_MAIL_KIND)
      .execute();
    expect(mails.map((m) => m.toAddress)).toEqual([
      "mhlw-alerts@example.jp",
      "mhlw-alerts@example.jp",
    ]);
    expect(mails[0]?.textBody).toContain("このお知らせは60分に1回までお送りします");
    const audit = await auditRows(testDb.db, AUTH_AUDIT_ACTIONS.guessingAlert);
    expect(audit.map((row) => (row.details as { mailedTo: number }).mailedTo)).toEqual([1, 0, 1]);
  });

  it("names the address when one client sprays many names", async () => {
    const ip = "198.51.100.77";
    const start = at(T0, 3 * 24 * HOUR);
    for (let i = 0; i < 3; i += 1) await fail(uniqueUsername("spray"), start, ip);
    expect((await alerts()).at(-1)).toMatchObject({ scope: "ip", subject: ip, attempts: 3 });
    const mail = await testDb.db
      .selectFrom("mailOutbox")
      .select("textBody")
      .where("kind", "=", GUESSING_ALERT_MAIL_KIND)
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    expect(mail.textBody).toContain(`対象：接続元アドレス ${ip}`);
  });
});

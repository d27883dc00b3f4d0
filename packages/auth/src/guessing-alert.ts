import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { sql } from "kysely";
import { AUTH_AUDIT_ACTIONS } from "./audit-actions";
import type { AuthConfig } from "./config";
import { guessingAlertMail } from "./guessing-alert-mail";
import { inetOrNull } from "./ip";
import type { KeyPressure, ThrottleScope } from "./throttle";

/** Serialises alerts while one decides whether the hourly mail is due. */
const ALERT_MAIL_LOCK = sql`hashtext('sos.sign_in_guessing_alert_mail')`;

export interface GuessingAlertContext {
  now: Date;
  config: AuthConfig;
  mailFrom: string;
  /** The address of the attempt that tipped the count (for the audit entry). */
  ip: string;
  /** What each scope's key stands for, as the ministry reads it (username, address). */
  subjects: Readonly<Record<ThrottleScope, string>>;
}

function isDue(pressure: KeyPressure, { now, config }: GuessingAlertContext): boolean {
  if (pressure.attempts < config.guessingAlertAttempts) return false;
  return (
    pressure.alertedAt === null ||
    pressure.alertedAt.getTime() <= now.getTime() - config.guessingAlertRepeatMs
  );
}

/**
 * Tells the ministry when one account, address or trusted browser has drawn the
 * configured number of attempts (failed or turned away): an audit entry and a
 * sign_in_alerts row every time (at most once a day per key), and a mail to
 * every active ministry user at most once per mail interval, so a spray across
 * thousands of names cannot flood their inboxes.
 */
export async function alertOnSustainedGuessing(
  db: Db,
  pressure: readonly KeyPressure[],
  context: GuessingAlertContext,
): Promise<void> {
  for (const due of pressure.filter((p) => isDue(p, context))) {
    await raiseAlert(db, due, context);
  }
}

async function raiseAlert(db: Db, pressure: KeyPressure, context: GuessingAlertContext) {
  const { now, config } = context;
  // Bounded and never empty, as sign_in_alerts.subject requires: the input is anyone's.
  const subject = (context.subjects[pressure.scope] || "-").slice(0, 200);
  // A concurrent request whose clock read came a moment later may have started the count.
  const since = pressure.since.getTime() > now.getTime() ? now : pressure.since;
  await db.transaction().execute(async (trx) => {
    // Compare-and-set on alerted_at: of concurrent attempts that saw the same count, one alerts.
    const claimed = await trx
      .updateTable("signInThrottle")
      .set({ alertedAt: now })
      .where("key", "=", pressure.key)
      .where(sql<boolean>`alerted_at is not distinct from ${pressure.alertedAt}`)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;

    await sql`select pg_advisory_xact_lock(${ALERT_MAIL_LOCK})`.execute(trx);
    const lastMailed = await trx
      .selectFrom("signInAlerts")
      .select("id")
      .where("mailed", "=", true)
      .where("raisedAt", ">", new Date(now.getTime() - config.guessingAlertMailIntervalMs))
      .executeTakeFirst();
    const recipients = lastMailed
      ? []
      : await trx
          .selectFrom("users")
          .select("email")
          .where("role", "=", "ministry")
          .where("disabledAt", "is", null)
          .orderBy("email")
          .execute();
    for (const { email } of recipients) {
      await enqueueMail(
        trx,
        guessingAlertMail({
          to: email,
          from: context.mailFrom,
          scope: pressure.scope,
          subject,
          attempts: pressure.attempts,
          since,
          raisedAt: now,
          mailIntervalMinutes: Math.round(config.guessingAlertMailIntervalMs / 60_000),
        }),
      );
    }
    await trx
      .insertInto("signInAlerts")
      .values({
        raisedAt: now,
        scope: pressure.scope,
        subject,
        attempts: pressure.attempts,
        since,
        mailed: recipients.length > 0,
      })
      .execute();
    await appendAudit(trx, {
      action: AUTH_AUDIT_ACTIONS.guessingAlert,
      targetType: "sign_in_throttle",
      targetId: pressure.key,
      ip: inetOrNull(context.ip),
      details: {
        scope: pressure.scope,
        subject,
        attempts: pressure.attempts,
        since: since.toISOString(),
        mailedTo: recipients.length,
      },
    });
  });
}

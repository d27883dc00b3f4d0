import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { registrationVouched } from "@sos/db/repositories/registration";
import { sql } from "kysely";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { RemindOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { registrationReminderMail, registrationUrl } from "./mails";

/** Serialises reminders per batch (with the batch id): a double click sends once. */
const REMINDER_LOCK = 742_301;

/** A second reminder within this time is taken for a double submission and skipped. */
export const REMINDER_QUIET_MS = 10 * 60 * 1000;

export type ReminderResult = RemindOutput;

/**
 * 未登録: an institution on the list that has no registration gets no purchase
 * link, so the vendor reminds it to register, at the address from the
 * ministry's list (the only one the vendor has for it). The same goes for a
 * registration nobody confirmed (要確認): it may not even be the institution's,
 * and registering again (confirmed by the link mailed to that address) replaces
 * it. Each reminder is recorded per item, so the list shows when it was last
 * reminded.
 */
export async function remindUnregistered(
  db: Db,
  {
    batchId,
    itemIds,
    actor,
    now,
    config,
  }: {
    batchId: string;
    itemIds: readonly string[] | null;
    actor: VendorActor;
    now: Date;
    config: ApiConfig;
  },
): Promise<ReminderResult> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom("targetBatches")
      .select("id")
      .where("id", "=", batchId)
      .executeTakeFirst();
    if (batch === undefined) throw new DomainError("NOT_FOUND");
    await sql`select pg_advisory_xact_lock(${REMINDER_LOCK}, hashtext(${batchId}))`.execute(trx);

    const quietSince = new Date(now.getTime() - REMINDER_QUIET_MS);
    const items = await sql<{
      id: string;
      institutionCode: string;
      name: string;
      contactName: string;
      email: string;
      limitSets: number;
      recentlyReminded: boolean;
    }>`
      select t.id, t.institution_code, t.name, t.contact_name, t.email, t.limit_sets,
        exists (
          select 1 from registration_reminders rr
          where rr.target_item_id = t.id and rr.at > ${quietSince}
        ) as recently_reminded
      from target_items t
      where t.batch_id = ${batchId}
        ${itemIds === null ? sql`` : sql`and t.id = any(${[...itemIds]}::uuid[])`}
        and not exists (
          select 1 from vendor_registrations r
          where r.institution_code = t.institution_code and ${registrationVouched}
        )
        and not exists (select 1 from orders o where o.target_item_id = t.id)
      order by t.prefecture_code, t.institution_code`.execute(trx);

    const url = registrationUrl(config.publicBaseUrl);
    let sent = 0;
    for (const item of items.rows) {
      if (item.recentlyReminded) continue;
      const mail = registrationReminderMail({
        name: item.name,
        institutionCode: item.institutionCode,
        contactName: item.contactName,
        limitSets: item.limitSets,
        registrationUrl: url,
      });
      const mailId = await enqueueMail(trx, {
        kind: "vendor_registration_reminder",
        to: item.email,
        from: config.vendorMailFrom,
        subject: mail.subject,
        text: mail.text,
      });
      await trx
        .insertInto("registrationReminders")
        .values({ targetItemId: item.id, mailId, sentBy: actor.userId, at: now })
        .execute();
      sent += 1;
    }
    const result = {
      sent,
      skippedRecent: items.rows.length - sent,
      notRegistered: items.rows.length,
    };
    await appendAudit(trx, {
      action: "vendor_registration.remind",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "target_batch",
      targetId: batchId,
      ip: actor.ip,
      details: result,
    });
    return result;
  });
}

import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  insertReminder,
  lockBatchReminders,
  targetBatchExists,
  unvouchedItems,
} from "@sos/db/repositories/registration";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { RemindOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { registrationReminderMail, registrationUrl } from "./mails";

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
    if (!(await targetBatchExists(trx, batchId))) throw new DomainError("NOT_FOUND");
    await lockBatchReminders(trx, batchId);

    const quietSince = new Date(now.getTime() - REMINDER_QUIET_MS);
    const items = await unvouchedItems(trx, batchId, { itemIds, quietSince });

    const url = registrationUrl(config.publicBaseUrl);
    let sent = 0;
    for (const item of items) {
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
      await insertReminder(trx, { targetItemId: item.id, mailId, sentBy: actor.userId, at: now });
      sent += 1;
    }
    const result = {
      sent,
      skippedRecent: items.length - sent,
      notRegistered: items.length,
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

import { generateSecureToken, hashToken } from "@sos/auth";
import { appendAudit, type Db, enqueueMail, type PurchaseLinkSkipReason } from "@sos/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { VendorActor } from "./actor";
import { getVendorItem, type VendorItemView } from "./batches";
import { purchaseLinkMail, purchaseUrl } from "./mails";
import { emailMatches, type MatchStatus, matchStatusSql, registrationVouched } from "./matching";
import { purchaseLinkExpiry } from "./settings";

/**
 * ⑤ purchase links. A target item is one purchase right (orders.target_item_id
 * is unique); a link is only a key to it. A link's token is random (160 bits),
 * mailed once and stored as its SHA-256 only, so a link cannot be mailed again:
 * a resend revokes the live link and mails a new one, and the old URL stops
 * working. Whatever is sent or resent, the right stays one.
 *
 * Locking, the same order everywhere: the target item (FOR NO KEY UPDATE, which
 * still lets an order's foreign key take its KEY SHARE lock), then its live link
 * (FOR UPDATE, as a purchase does), and only then a look at its order. A send
 * racing a purchase therefore either revokes the link before the purchase locks
 * it (the purchase is refused) or sees the order (the send is skipped).
 */

export const SKIP_REASON_LABELS: Readonly<Record<PurchaseLinkSkipReason, string>> = {
  not_registered: "購入サイトに未登録",
  mismatched: "登録内容が国のリストと一致しない（確認のうえ個別に送信してください）",
  needs_check:
    "要確認：施設登録が確認されていない、またはメールアドレスが国のリストと異なる（一括では送信しません）",
  already_sent: "送信済みで有効なリンクがある",
  ordered: "購入済み",
  error: "送信中にエラーが発生した（再度送信してください）",
};

export type SendOutcome =
  | { kind: "sent"; linkId: string; reissued: boolean }
  | { kind: "skipped"; reason: Exclude<PurchaseLinkSkipReason, "error"> };

export interface SendOptions {
  actor: VendorActor;
  now: Date;
  config: ApiConfig;
  /** Revoke a live link and send a new one (otherwise a live link means "already sent"). */
  resend: boolean;
  /** Send although the registration differs from the ministry's list (checked by the vendor). */
  allowMismatched: boolean;
  /**
   * Send to a confirmed registration whose address is not the list's, after the
   * vendor checked it with the institution: one item at a time, never in a run.
   * An unconfirmed registration is never sent to, whatever this says.
   */
  allowEmailDiffers: boolean;
  /** The link's expiry, computed once per action so one run's links all end together. */
  expiresAt: Date;
}

interface LockedItem {
  id: string;
  batchId: string;
  institutionCode: string;
  limitSets: number;
  matchStatus: MatchStatus;
  registrationVouched: boolean | null;
  emailMatches: boolean | null;
  registrationName: string | null;
  registrationEmail: string | null;
}

async function lockItem(trx: Db, itemId: string): Promise<LockedItem | undefined> {
  const result = await sql<LockedItem>`
    select t.id, t.batch_id, t.institution_code, t.limit_sets, ${matchStatusSql} as match_status,
      ${registrationVouched} as registration_vouched, ${emailMatches} as email_matches,
      r.facility_name as registration_name, r.email as registration_email
    from target_items t
    left join vendor_registrations r on r.institution_code = t.institution_code
    where t.id = ${itemId}
    for no key update of t`.execute(trx);
  return result.rows[0];
}

async function lockLiveLink(trx: Db, itemId: string) {
  return trx
    .selectFrom("purchaseLinks")
    .select(["id", "expiresAt"])
    .where("targetItemId", "=", itemId)
    .where("revokedAt", "is", null)
    .forUpdate()
    .executeTakeFirst();
}

async function hasOrder(trx: Db, itemId: string): Promise<boolean> {
  const order = await trx
    .selectFrom("orders")
    .select("id")
    .where("targetItemId", "=", itemId)
    .executeTakeFirst();
  return order !== undefined;
}

/**
 * Sends (or resends) the purchase link of one item inside the caller's
 * transaction, or says why not. The mail goes to the REGISTERED address.
 */
export async function sendLinkForItem(
  trx: Db,
  itemId: string,
  options: SendOptions,
): Promise<SendOutcome> {
  const item = await lockItem(trx, itemId);
  if (item === undefined) throw new DomainError("NOT_FOUND");
  const live = await lockLiveLink(trx, itemId);
  if (await hasOrder(trx, itemId)) return { kind: "skipped", reason: "ordered" };
  if (item.matchStatus === "not_registered" || item.registrationEmail === null) {
    return { kind: "skipped", reason: "not_registered" };
  }
  if (item.matchStatus === "needs_check") {
    // Only a vouched registration under another address may be sent to, by hand.
    const vendorChecked =
      options.allowEmailDiffers && item.registrationVouched === true && item.emailMatches === false;
    if (!vendorChecked) return { kind: "skipped", reason: "needs_check" };
  }
  if (item.matchStatus === "mismatched" && !options.allowMismatched) {
    return { kind: "skipped", reason: "mismatched" };
  }
  const { now } = options;
  const liveAndValid = live !== undefined && live.expiresAt.getTime() > now.getTime();
  if (liveAndValid && !options.resend) return { kind: "skipped", reason: "already_sent" };

  const previous = await trx
    .selectFrom("purchaseLinks")
    .select("id")
    .where("targetItemId", "=", itemId)
    .executeTakeFirst();
  if (live !== undefined) {
    await trx
      .updateTable("purchaseLinks")
      .set({ revokedAt: now })
      .where("id", "=", live.id)
      .execute();
  }
  const token = generateSecureToken();
  const link = await trx
    .insertInto("purchaseLinks")
    .values({
      targetItemId: itemId,
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt,
      createdAt: now,
      createdBy: options.actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reissued = previous !== undefined;
  const mail = purchaseLinkMail({
    facilityName: item.registrationName ?? "",
    institutionCode: item.institutionCode,
    limitSets: item.limitSets,
    url: purchaseUrl(options.config.publicBaseUrl, token),
    expiresAt: options.expiresAt,
    reissued,
  });
  const mailId = await enqueueMail(trx, {
    kind: "purchase_link",
    to: item.registrationEmail,
    from: options.config.vendorMailFrom,
    subject: mail.subject,
    text: mail.text,
    secret: true,
  });
  await trx
    .insertInto("purchaseLinkSends")
    .values({ purchaseLinkId: link.id, mailId, sentBy: options.actor.userId, at: now })
    .execute();
  await appendAudit(trx, {
    action: reissued ? "purchase_link.reissue" : "purchase_link.send",
    actorUserId: options.actor.userId,
    actorRole: "vendor",
    targetType: "target_item",
    targetId: itemId,
    ip: options.actor.ip,
    details: {
      batchId: item.batchId,
      linkId: link.id,
      revokedLinkId: live?.id ?? null,
      expiresAt: options.expiresAt.toISOString(),
      matchStatus: item.matchStatus,
      // The address is recorded: a link to an address not on the ministry's list is the vendor's decision.
      to: item.registrationEmail,
      emailMatchesList: item.emailMatches,
    },
  });
  return { kind: "sent", linkId: link.id, reissued };
}

const REISSUE_REFUSALS: Readonly<Record<Exclude<PurchaseLinkSkipReason, "error">, string>> = {
  not_registered:
    "この医療機関は購入サイトに登録されていないため、購入リンクを送信できません。登録のお願いを送信してください。",
  mismatched:
    "登録内容が国のリストと一致しません。内容を確認し、同一の施設であることを確かめたうえで「不一致を確認して送信」を選んでください。",
  needs_check:
    "この施設登録は要確認のため、購入リンクを送信できません。施設登録が確認されていない場合は、医療機関に登録の確認（確認メールのリンク）を依頼してください。メールアドレスが国のリストと異なる場合は、医療機関に確認したうえで「メールアドレスを確認して送信」を選んでください。",
  already_sent: "有効な購入リンクが既にあります。",
  ordered: "この医療機関は既に購入済みのため、購入リンクを再発行できません。",
};

/** Revokes the live link and mails a new one (a lost or mistyped mail, a corrected address). */
export async function reissueLink(
  db: Db,
  {
    itemId,
    allowMismatched,
    allowEmailDiffers,
    actor,
    now,
    config,
  }: {
    itemId: string;
    allowMismatched: boolean;
    allowEmailDiffers: boolean;
    actor: VendorActor;
    now: Date;
    config: ApiConfig;
  },
): Promise<VendorItemView> {
  const expiresAt = purchaseLinkExpiry(config, now);
  const outcome = await db.transaction().execute((trx) =>
    sendLinkForItem(trx, itemId, {
      actor,
      now,
      config,
      resend: true,
      allowMismatched,
      allowEmailDiffers,
      expiresAt,
    }),
  );
  if (outcome.kind === "skipped") {
    throw new DomainError("INVALID_STATE", { messageJa: REISSUE_REFUSALS[outcome.reason] });
  }
  return getVendorItem(db, itemId, now);
}

/** Ends the live link without a replacement (e.g. the facility asked to cancel). */
export async function revokeLink(
  db: Db,
  { itemId, actor, now }: { itemId: string; actor: VendorActor; now: Date },
): Promise<VendorItemView> {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, itemId);
    if (item === undefined) throw new DomainError("NOT_FOUND");
    const live = await lockLiveLink(trx, itemId);
    if (await hasOrder(trx, itemId)) {
      throw new DomainError("INVALID_STATE", {
        messageJa: "この医療機関は既に購入済みのため、購入リンクを取り消せません。",
      });
    }
    if (live === undefined) {
      throw new DomainError("INVALID_STATE", { messageJa: "取り消す購入リンクがありません。" });
    }
    await trx
      .updateTable("purchaseLinks")
      .set({ revokedAt: now })
      .where("id", "=", live.id)
      .execute();
    await appendAudit(trx, {
      action: "purchase_link.revoke",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "target_item",
      targetId: itemId,
      ip: actor.ip,
      details: { batchId: item.batchId, linkId: live.id },
    });
  });
  return getVendorItem(db, itemId, now);
}

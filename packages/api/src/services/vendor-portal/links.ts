import { randomUUID } from "node:crypto";
import { generateSecureToken, hashToken } from "@sos/auth";
import { appendAudit, type Db, enqueueMailBatch, type PurchaseLinkSkipReason } from "@sos/db";
import { allocationsOfTargetItems } from "@sos/db/repositories/allocation";
import {
  insertLinksSendsAndAudit,
  type LiveLink,
  type LockedItem,
  lockItems,
  lockLiveLinks,
  ordersAndLinks,
  revokeLinkById,
  revokeLinks,
} from "@sos/db/repositories/purchase-link";
import type { GloveSize } from "@sos/domain";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { VendorActor } from "./actor";
import { getVendorItem, type VendorItemView } from "./batches";
import { purchaseLinkMail, purchaseUrl } from "./mails";
import { purchaseLinkExpiry } from "./settings";

/**
 * ⑤ purchase links. A target item is one purchase right (orders.target_item_id
 * is unique); a link is only a key to it. A link's token is random (160 bits),
 * mailed once and stored as its SHA-256 only, so a link cannot be mailed again:
 * a resend revokes the live link and mails a new one, and the old URL stops
 * working. Whatever is sent or resent, the right stays one.
 *
 * Locking, the same order everywhere: the target items (FOR NO KEY UPDATE, which
 * still lets an order's foreign key take its KEY SHARE lock; several in id
 * order, so two runs over the same items queue instead of deadlocking), then
 * their live links (FOR UPDATE, as a purchase does), and only then a look at
 * their orders. A send racing a purchase therefore either revokes the link
 * before the purchase locks it (the purchase is refused) or sees the order (the
 * send is skipped).
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
  /**
   * Mail the registry's address now instead of the registration's: the address
   * the ministry vouches for, after an import changed it. One item at a time, by
   * hand; the registration must still be vouched.
   */
  toRegistryAddress?: boolean;
  /** The link's expiry, computed once per action so one run's links all end together. */
  expiresAt: Date;
}

/** Why an item is not sent to, or null when it is: the rules of 照合 and 要確認, in one place. */
function skipReason(
  item: LockedItem,
  live: LiveLink | undefined,
  ordered: boolean,
  options: SendOptions,
): Exclude<PurchaseLinkSkipReason, "error"> | null {
  if (ordered) return "ordered";
  if (item.matchStatus === "not_registered" || item.registrationEmail === null) {
    return "not_registered";
  }
  if (item.matchStatus === "needs_check") {
    // Only a vouched registration under another address may be sent to, by hand:
    // at the registration's address once the vendor checked it, or at the registry's.
    const vouchedElsewhere = item.registrationVouched === true && item.emailMatches === false;
    const byHand = options.allowEmailDiffers || options.toRegistryAddress === true;
    if (!(byHand && vouchedElsewhere)) return "needs_check";
  }
  if (item.matchStatus === "mismatched" && !options.allowMismatched) return "mismatched";
  const liveAndValid = live !== undefined && live.expiresAt.getTime() > options.now.getTime();
  if (liveAndValid && !options.resend) return "already_sent";
  return null;
}

/**
 * Sends (or resends) the purchase links of many items inside the caller's
 * transaction, or says for each why not; the mail goes to the REGISTERED
 * address. Set-based: the same few statements whether one item or hundreds
 * (lock the items, lock their live links, look at orders, revoke what is
 * replaced, write the outbox and one batch job, then links, sends and audit
 * entries in one statement), tokens made and hashed here.
 */
export async function sendLinksForItems(
  trx: Db,
  itemIds: readonly string[],
  options: SendOptions,
): Promise<Map<string, SendOutcome>> {
  const ids = [...new Set(itemIds)];
  const outcomes = new Map<string, SendOutcome>();
  if (ids.length === 0) return outcomes;
  const items = await lockItems(trx, ids);
  if (items.length !== ids.length) throw new DomainError("NOT_FOUND");
  const live = await lockLiveLinks(trx, ids);
  const { ordered, linked } = await ordersAndLinks(trx, ids);

  const toSend: LockedItem[] = [];
  for (const item of items) {
    const reason = skipReason(item, live.get(item.id), ordered.has(item.id), options);
    if (reason === null) toSend.push(item);
    else outcomes.set(item.id, { kind: "skipped", reason });
  }
  if (toSend.length === 0) return outcomes;

  const { now, expiresAt, actor } = options;
  const toRegistry = options.toRegistryAddress === true;
  const addressOf = (item: LockedItem) =>
    toRegistry ? item.registryEmail : (item.registrationEmail ?? "");
  const revoked = toSend.flatMap((item) => live.get(item.id)?.id ?? []);
  if (revoked.length > 0) {
    // Before the new links: at most one live link per item (purchase_links_one_live).
    await revokeLinks(trx, revoked, now);
  }
  // Issue 17: an allocated item's mail tells its sets per size, as its purchase page does.
  const allocations = new Map<string, Array<{ size: GloveSize; sets: number }>>();
  for (const line of await allocationsOfTargetItems(
    trx,
    toSend.map((item) => item.id),
  )) {
    const own = allocations.get(line.targetItemId) ?? [];
    own.push({ size: line.size, sets: line.sets });
    allocations.set(line.targetItemId, own);
  }
  const sends = toSend.map((item) => {
    const token = generateSecureToken();
    const reissued = linked.has(item.id);
    const mail = purchaseLinkMail({
      facilityName: item.registrationName ?? "",
      institutionCode: item.institutionCode,
      limitSets: item.limitSets,
      url: purchaseUrl(options.config.publicBaseUrl, token),
      expiresAt,
      reissued,
      toRegistryAddress: toRegistry,
      allocated: allocations.get(item.id) ?? [],
    });
    return { item, linkId: randomUUID(), tokenHash: hashToken(token), reissued, mail };
  });
  const mailIds = await enqueueMailBatch(
    trx,
    sends.map(({ item, mail }) => ({
      kind: "purchase_link",
      to: addressOf(item),
      from: options.config.vendorMailFrom,
      subject: mail.subject,
      text: mail.text,
      secret: true,
    })),
  );
  const audit = sends.map(({ item, linkId, reissued }) => ({
    action: reissued ? "purchase_link.reissue" : "purchase_link.send",
    details: JSON.stringify({
      batchId: item.batchId,
      linkId,
      revokedLinkId: live.get(item.id)?.id ?? null,
      expiresAt: expiresAt.toISOString(),
      matchStatus: item.matchStatus,
      // The address is recorded: a link to an address not on the ministry's list is the vendor's decision.
      to: addressOf(item),
      emailMatchesList: item.emailMatches,
      toRegistryAddress: toRegistry,
    }),
  }));
  await insertLinksSendsAndAudit(trx, {
    linkIds: sends.map((send) => send.linkId),
    itemIds: sends.map((send) => send.item.id),
    tokenHashes: sends.map((send) => send.tokenHash),
    mailIds,
    actions: audit.map((a) => a.action),
    details: audit.map((a) => a.details),
    expiresAt,
    now,
    actor,
  });
  for (const { item, linkId, reissued } of sends) {
    outcomes.set(item.id, { kind: "sent", linkId, reissued });
  }
  return outcomes;
}

/** One item's send (a reissue by hand), as sendLinksForItems does it for many. */
export async function sendLinkForItem(
  trx: Db,
  itemId: string,
  options: SendOptions,
): Promise<SendOutcome> {
  const outcome = (await sendLinksForItems(trx, [itemId], options)).get(itemId);
  if (outcome === undefined) throw new DomainError("NOT_FOUND");
  return outcome;
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
    toRegistryAddress = false,
    actor,
    now,
    config,
  }: {
    itemId: string;
    allowMismatched: boolean;
    allowEmailDiffers: boolean;
    toRegistryAddress?: boolean;
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
      toRegistryAddress,
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
    const [item] = await lockItems(trx, [itemId]);
    if (item === undefined) throw new DomainError("NOT_FOUND");
    const live = (await lockLiveLinks(trx, [itemId])).get(itemId);
    if ((await ordersAndLinks(trx, [itemId])).ordered.has(itemId)) {
      throw new DomainError("INVALID_STATE", {
        messageJa: "この医療機関は既に購入済みのため、購入リンクを取り消せません。",
      });
    }
    if (live === undefined) {
      throw new DomainError("INVALID_STATE", { messageJa: "取り消す購入リンクがありません。" });
    }
    await revokeLinkById(trx, live.id, now);
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

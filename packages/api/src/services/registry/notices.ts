import { type Db, enqueueMailBatch, type OutgoingMail } from "@sos/db";
import { prefectureName } from "@sos/domain";
import { formatPostcode } from "@sos/rules";
import type { RegistryContactChange } from "./compare";

/**
 * The registry's e-mail address is the one the vendor's 照合 and the purchase
 * link trust, so a change to it (or to the postal address deliveries go to) is
 * told to the institution: an e-mail change at both the old and the new address
 * (whoever holds the old mailbox learns of it), a postal change at its address.
 * Queued in the apply's transaction: sent after it commits, never if it rolls back.
 */

const NOTICE_BATCH = 500;

const FOOTER = "※このメールは SOS Supply から自動送信されています。このメールには返信できません。";

function postal(values: { prefectureCode: number; postcode: string; address: string }): string {
  return `〒${formatPostcode(values.postcode)} ${prefectureName(values.prefectureCode) ?? ""}${values.address}`;
}

function noticeText(
  change: RegistryContactChange,
  to: "old" | "new" | "only",
  revokedLinks: number,
): string {
  const { before, after } = change;
  const emailChanged = before.email !== after.email;
  const postalChanged = before.postcode !== after.postcode || before.address !== after.address;
  const lines = [`${change.name} 御中`, ""];
  lines.push(
    "厚生労働省の医療機関名簿で、貴院（医療機関コード：" +
      `${change.code}）の登録内容が次のとおり変更されました。`,
    "",
  );
  if (emailChanged) {
    lines.push("■メールアドレス", `  変更前：${before.email}`, `  変更後：${after.email}`);
  }
  if (postalChanged) {
    lines.push("■住所", `  変更前：${postal(before)}`, `  変更後：${postal(after)}`);
  }
  lines.push("");
  if (emailChanged) {
    lines.push(
      "今後のお知らせと、販売業者からの購入用URLのご案内は、変更後のメールアドレスにお送りします。",
      "販売業者への施設登録が変更前のアドレスのままの場合は「要確認」となります。変更後のアドレスで登録を確認してください。",
    );
    if (revokedLinks > 0) {
      lines.push(
        "",
        `変更前のアドレスにお送りしていた購入用URL（${revokedLinks}件）は、この変更により無効になりました。`,
        "販売業者が変更後のアドレスに新しい購入用URLをお送りします。以前のURLからは購入できません。",
      );
    }
    if (to === "old") {
      lines.push("このメールは、変更前のアドレスにもお知らせするためにお送りしています。");
    }
  } else {
    lines.push(
      "購入した手袋は、販売業者への施設登録の住所に届きます。登録の住所もご確認ください。",
    );
  }
  lines.push(
    "",
    "この変更に心当たりがない場合は、至急、所在地の都道府県の担当窓口にご連絡ください。",
    "",
    FOOTER,
  );
  return `${lines.join("\n")}\n`;
}

export function registryNoticeMails(
  changes: readonly RegistryContactChange[],
  mailFrom: string,
  /** Purchase links the apply revoked, by institution code. */
  revokedLinks: ReadonlyMap<string, number> = new Map(),
): Array<Omit<OutgoingMail, "sendAt">> {
  const mails: Array<Omit<OutgoingMail, "sendAt">> = [];
  for (const change of changes) {
    if (change.before.email !== change.after.email) {
      const subject = `【SOS Supply】医療機関名簿のメールアドレスが変更されました（${change.name}）`;
      for (const [to, side] of [
        [change.before.email, "old"],
        [change.after.email, "new"],
      ] as const) {
        mails.push({
          kind: "registry_email_changed",
          to,
          from: mailFrom,
          subject,
          text: noticeText(change, side, revokedLinks.get(change.code) ?? 0),
        });
      }
    } else {
      mails.push({
        kind: "registry_address_changed",
        to: change.after.email,
        from: mailFrom,
        subject: `【SOS Supply】医療機関名簿の住所が変更されました（${change.name}）`,
        text: noticeText(change, "only", 0),
      });
    }
  }
  return mails;
}

/** Queues the notices in the caller's transaction; returns how many mails. */
export async function queueRegistryNotices(
  trx: Db,
  changes: readonly RegistryContactChange[],
  mailFrom: string,
  revokedLinks: ReadonlyMap<string, number>,
): Promise<number> {
  const mails = registryNoticeMails(changes, mailFrom, revokedLinks);
  // One send job per few hundred mails: a registry-wide change of domain stays many small jobs.
  for (let at = 0; at < mails.length; at += NOTICE_BATCH) {
    await enqueueMailBatch(trx, mails.slice(at, at + NOTICE_BATCH));
  }
  return mails.length;
}

import { formatJaDateTime, formatSets, LinkButton } from "@sos/ui";
import type { PurchaseStatus } from "../api-types";
import { VENDOR_REGISTER_URL } from "../paths";

/** Instants come over the wire as ISO strings. */
function at(iso: string): string {
  return formatJaDateTime(new Date(iso));
}

/**
 * Where the purchase stands before an order exists, and what the institution does
 * next: wait for the list, register with the vendor, read its mail, or ask.
 */
export function PurchaseStep({ status }: { status: PurchaseStatus }) {
  if (!status.handedOver) {
    return (
      <p>
        販売業者への引き渡しを待っています。国が対象医療機関リストを販売業者に渡すと、販売業者から購入用URLがメールで届きます。
      </p>
    );
  }
  const limit =
    status.limitSets === null ? null : (
      <p>
        購入できる上限：<strong>{formatSets(status.limitSets)}</strong>
      </p>
    );
  if (!status.registeredWithVendor && status.link.state === "not_sent") {
    return (
      <>
        <p className="inst-late">
          販売業者の購入サイトへの施設登録がまだです。購入用URLは登録したメールアドレスに届くため、施設登録を行ってください。
        </p>
        {limit}
        <LinkButton href={VENDOR_REGISTER_URL} variant="secondary" fullWidth>
          購入サイトで施設登録する
        </LinkButton>
      </>
    );
  }
  const { link } = status;
  return (
    <>
      <p className="inst-purchase">
        {link.state === "sent" && link.lastSentAt !== null
          ? `購入用URLを${at(link.lastSentAt)}にメールで送信しました。`
          : `${link.label}。`}
      </p>
      {link.state === "not_sent" && (
        <p>施設登録済みです。販売業者から購入用URLがメールで届くまでお待ちください。</p>
      )}
      {link.state === "sent" && (
        <p>
          施設登録のメールアドレスに届いたメールを確認し、URLから購入手続きを行ってください。
          {link.expiresAt !== null && <>有効期限は{at(link.expiresAt)}までです。</>}
        </p>
      )}
      {link.state === "expired" && (
        <p>
          {link.expiresAt !== null && <>有効期限は{at(link.expiresAt)}でした。</>}
          購入を希望する場合は、販売業者にお問い合わせください。
        </p>
      )}
      {link.state === "revoked" && (
        <p>
          販売業者が購入用URLを無効にしました。新しいURLがメールで届くまでお待ちいただくか、販売業者にお問い合わせください。
        </p>
      )}
      {limit}
    </>
  );
}

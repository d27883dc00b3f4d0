import { formatPhone } from "@sos/rules";
import { formatJaDateTime, formatNumber, formatSets, OrderStatusBadge } from "@sos/ui";
import type { VendorItem } from "../api-types";
import { ItemActions } from "./item-actions";
import { MatchStatusBadge } from "./match-status-badge";
import { SideBySideDiff } from "./side-by-side-diff";

const when = (iso: string | null) => (iso === null ? "—" : formatJaDateTime(new Date(iso)));

/** One institution of a list: who, its limit, the match, its link and its order. */
export function ItemCard({
  item,
  batchId,
  selected,
  onSelect,
  onDone,
}: {
  item: VendorItem;
  batchId: string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDone: (message: string) => void;
}) {
  const headingId = `item-${item.id}`;
  const { link, registration, order } = item;
  return (
    <li className="vendor-item" aria-labelledby={headingId}>
      <input
        type="checkbox"
        className="vendor-item__select"
        checked={selected}
        onChange={(event) => onSelect(event.currentTarget.checked)}
        aria-label={`${item.ministry.name}を選択`}
      />
      <div className="vendor-item__body">
        <div className="vendor-item__head">
          <h3 id={headingId} className="vendor-item__name">
            {item.ministry.name}
          </h3>
          <MatchStatusBadge
            status={item.match.status}
            differenceCount={item.match.differences.length}
          />
        </div>
        <p className="vendor-muted">
          医療機関コード {item.institutionCode}・{item.prefectureName}・上限{" "}
          {formatSets(item.limitSets)}
        </p>
        <dl className="vendor-item__facts">
          <div>
            <dt>購入リンク</dt>
            <dd>
              <span className="vendor-pill" data-state={link.state}>
                {link.label}
              </span>
              {link.sendCount > 0 && (
                <span className="vendor-muted">
                  送信 {formatNumber(link.sendCount)}回・最終 {when(link.lastSentAt)}
                  {link.expiresAt !== null &&
                    link.state === "live" &&
                    `・${when(link.expiresAt)}まで有効`}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>注文</dt>
            <dd>
              {order === null ? (
                "なし"
              ) : (
                <>
                  <OrderStatusBadge status={order.status} />
                  <span>
                    {order.orderNumber}（{formatSets(order.totalSets)}・{when(order.orderedAt)}）
                  </span>
                </>
              )}
            </dd>
          </div>
          {registration !== null ? (
            <div>
              <dt>{item.match.status === "needs_check" ? "登録のメールアドレス" : "送信先"}</dt>
              <dd>
                {registration.email}（{registration.paymentMethodLabel}）
              </dd>
            </div>
          ) : (
            <div>
              <dt>連絡先（国のリスト）</dt>
              <dd>
                {[item.ministry.contactName, item.ministry.email, formatPhone(item.ministry.phone)]
                  .filter(Boolean)
                  .join("・")}
                {item.reminders.count > 0 && (
                  <span className="vendor-muted">
                    登録依頼 {formatNumber(item.reminders.count)}回・最終{" "}
                    {when(item.reminders.lastAt)}
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
        {link.state === "address_changed" && (
          <div className="vendor-item__check" role="note" aria-label="購入リンクの再送信が必要">
            <p className="vendor-item__check-title">購入リンクの再送信が必要です</p>
            <p>
              国の医療機関名簿でメールアドレスが変更されたため、変更前のアドレスに送った購入リンクは無効になりました。変更後のアドレス（
              {link.resendTo}）に送り直してください。
            </p>
          </div>
        )}
        {item.match.reasons.length > 0 && (
          <div className="vendor-item__check" role="note" aria-label="要確認の理由">
            <p className="vendor-item__check-title">要確認：購入リンクは自動では送信しません</p>
            <ul className="vendor-list">
              {item.match.reasons.map((reason) => (
                <li key={reason.reason}>{reason.label}</li>
              ))}
            </ul>
          </div>
        )}
        {(item.match.status === "mismatched" || item.match.status === "needs_check") && (
          <details className="vendor-item__diff" open>
            <summary>国のリストと施設登録の比較</summary>
            <SideBySideDiff
              ministry={item.ministry}
              registration={registration && { ...registration, name: registration.facilityName }}
              differences={item.match.differences}
              emailDiffers={item.match.reasons.some((r) => r.reason === "email_differs")}
            />
          </details>
        )}
        <ItemActions item={item} batchId={batchId} onDone={onDone} />
      </div>
    </li>
  );
}

import { GLOVE_SIZE_LABELS, GLOVE_SIZES, type GloveSize } from "@sos/domain";
import { formatPhone, formatPostcode, PIECES_PER_SET } from "@sos/rules";
import { Button, formatJaDateTime, formatNumber, formatSets } from "@sos/ui";
import type { VendorOrder } from "../api-types";
import "./picking-list.css";

/** The sizes the orders hold, in the catalogue's order, with their sets in all. */
function sizeTotals(orders: readonly VendorOrder[]): Array<{ size: GloveSize; sets: number }> {
  const totals = new Map<GloveSize, number>();
  for (const order of orders) {
    for (const line of order.lines) totals.set(line.size, (totals.get(line.size) ?? 0) + line.sets);
  }
  return GLOVE_SIZES.filter((size) => totals.has(size)).map((size) => ({
    size,
    sets: totals.get(size) ?? 0,
  }));
}

function setsOf(order: VendorOrder, size: GloveSize): number {
  return order.lines.find((line) => line.size === size)?.sets ?? 0;
}

/**
 * ピッキングリスト: the selected orders by size, to pick and pack from on paper.
 * On screen it is a preview; printed (@media print in picking-list.css) it is the
 * only thing on the page, with the sizes in columns and a box to tick per order.
 */
export function PickingList({
  orders,
  printedAt,
  onClose,
}: {
  orders: readonly VendorOrder[];
  printedAt: Date;
  onClose: () => void;
}) {
  const sizes = sizeTotals(orders);
  const totalSets = sizes.reduce((sum, size) => sum + size.sets, 0);
  return (
    <section className="vendor-picking-list sos-stack" aria-labelledby="vendor-picking-list-title">
      <div className="vendor-heading-group">
        <h2 id="vendor-picking-list-title" className="vendor-section-title">
          ピッキングリスト（{formatNumber(orders.length)}件）
        </h2>
        <p className="vendor-muted">
          作成 {formatJaDateTime(printedAt)}・合計 {formatSets(totalSets)}
        </p>
      </div>
      <div className="vendor-picking-list__actions">
        <Button onClick={() => window.print()}>印刷する</Button>
        <Button variant="tertiary" onClick={onClose}>
          閉じる
        </Button>
      </div>
      <table className="vendor-picking-list__table">
        <caption>選択した注文のサイズ別合計</caption>
        <thead>
          <tr>
            <th scope="col">サイズ</th>
            <th scope="col">セット数</th>
            <th scope="col">枚数</th>
          </tr>
        </thead>
        <tbody>
          {sizes.map(({ size, sets }) => (
            <tr key={size}>
              <th scope="row">{GLOVE_SIZE_LABELS.ja[size]}</th>
              <td>{formatNumber(sets)}セット</td>
              <td>{formatNumber(sets * PIECES_PER_SET)}枚</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="vendor-picking-list__table">
        <caption>注文ごとのサイズ別セット数</caption>
        <thead>
          <tr>
            <th scope="col">確認</th>
            <th scope="col">注文番号</th>
            <th scope="col">お届け先</th>
            {sizes.map(({ size }) => (
              <th scope="col" key={size}>
                {GLOVE_SIZE_LABELS.ja[size]}
              </th>
            ))}
            <th scope="col">計</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="vendor-picking-list__tick" aria-label="確認欄">
                □
              </td>
              <th scope="row">{order.orderNumber}</th>
              <td>
                <span className="vendor-cell-stack">
                  <span>{order.institution.name}</span>
                  <span>
                    〒{formatPostcode(order.delivery.postcode)} {order.delivery.address}
                  </span>
                  <span>
                    {order.delivery.name}・{formatPhone(order.delivery.phone)}
                  </span>
                </span>
              </td>
              {sizes.map(({ size }) => (
                <td key={size}>
                  {setsOf(order, size) === 0 ? "—" : formatNumber(setsOf(order, size))}
                </td>
              ))}
              <td>{formatNumber(order.totalSets)}セット</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { Alert, Button, formatNumber, formatSets } from "@sos/ui";
import { type ReactNode, useState } from "react";
import type { VendorOrder } from "../api-types";
import { BulkShipDialog, type BulkShipOutcome } from "./bulk-ship-dialog";
import { PickingList } from "./picking-list";

/**
 * The vendor's selection on the orders page: 注文済み orders ticked across pages and
 * filters, shipped together (一括出荷) or printed as a picking list.
 */
export function useBulkShipping(onShipped: () => void): {
  selected: ReadonlySet<string>;
  toggle: (order: VendorOrder) => void;
  bar: ReactNode;
  dialog: ReactNode;
  pickingList: ReactNode;
  result: ReactNode;
} {
  const [selected, setSelected] = useState<ReadonlyMap<string, VendorOrder>>(new Map());
  const [shipping, setShipping] = useState(false);
  const [pickingAt, setPickingAt] = useState<Date | null>(null);
  const [outcome, setOutcome] = useState<BulkShipOutcome | null>(null);
  const orders = [...selected.values()];

  const toggle = (order: VendorOrder) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(order.id)) next.delete(order.id);
      else next.set(order.id, order);
      return next;
    });

  const done = (result: BulkShipOutcome) => {
    setShipping(false);
    setOutcome(result);
    // The refused stay selected, to be looked at again; the shipped leave the selection.
    setSelected(new Map(result.refused.map(({ order }) => [order.id, order])));
    setPickingAt(null);
    onShipped();
  };

  return {
    selected: new Set(selected.keys()),
    toggle,
    bar:
      orders.length === 0 ? null : (
        <section className="vendor-selection-bar" aria-label="選択した注文">
          <p aria-live="polite" aria-atomic="true">
            <strong>{formatNumber(orders.length)}件を選択中</strong>（合計{" "}
            {formatSets(orders.reduce((sum, order) => sum + order.totalSets, 0))}）
          </p>
          <div className="vendor-selection-bar__actions">
            <Button onClick={() => setShipping(true)}>まとめて出荷済みにする</Button>
            <Button variant="secondary" onClick={() => setPickingAt(new Date())}>
              ピッキングリストを表示
            </Button>
            <Button variant="tertiary" onClick={() => setSelected(new Map())}>
              選択を解除
            </Button>
          </div>
        </section>
      ),
    dialog: (
      <BulkShipDialog
        orders={orders}
        open={shipping}
        onCancel={() => setShipping(false)}
        onDone={done}
      />
    ),
    pickingList:
      pickingAt === null || orders.length === 0 ? null : (
        <PickingList orders={orders} printedAt={pickingAt} onClose={() => setPickingAt(null)} />
      ),
    result: outcome === null ? null : <BulkShipResult outcome={outcome} />,
  };
}

/** Which orders shipped, and each refused one with its reason. */
function BulkShipResult({ outcome }: { outcome: BulkShipOutcome }) {
  const { shipped, refused } = outcome;
  if (refused.length === 0) {
    return (
      <Alert tone="success" title={`${formatNumber(shipped.length)}件の注文を出荷済みにしました`}>
        <p>各医療機関に出荷のお知らせを送信します。</p>
      </Alert>
    );
  }
  return (
    <Alert
      tone="warning"
      title={`${formatNumber(shipped.length)}件を出荷済みにしました。${formatNumber(refused.length)}件は出荷済みにできませんでした`}
    >
      <ul>
        {refused.map(({ order, message }) => (
          <li key={order.id}>
            {order.orderNumber}（{order.institution.name}）：{message}
          </li>
        ))}
      </ul>
      <p>出荷済みにできなかった注文は選択したままです。状態を確認してください。</p>
    </Alert>
  );
}

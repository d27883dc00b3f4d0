import { Button, buttonClassName, ConfirmDialog, formatNumber, formatSets } from "@sos/ui";
import { useState } from "react";
import type { QueueRow } from "../api-types";
import { approvalSetsOf } from "../common/format";
import "../common/review-parts.css";
import "./batch-approve-bar.css";

/** One selected request, with the quantity the approval will use. */
export interface BatchApproveItem {
  id: string;
  institutionName: string;
  quantitySets: number;
}

export interface BatchApproveBarProps {
  /** The selected requests; the bar is not shown while there are none. */
  items: ReadonlyArray<BatchApproveItem>;
  /**
   * Approves them all in one transaction (review.approve). Resolve once approved; the
   * caller then clears the selection. A rejection keeps the dialog open; pass the
   * server's words (e.g. 「…いずれの要請も承認していません。」) in `error`.
   */
  onApprove: () => Promise<void>;
  onClear: () => void;
  /** The API approves at most this many at once. */
  maxItems?: number | undefined;
  error?: string | null | undefined;
}

/** Queue rows as the bar lists them: each approved at the prefecture's quantity. */
export function batchItemsOf(rows: ReadonlyArray<QueueRow>): BatchApproveItem[] {
  return rows.map((row) => ({
    id: row.id,
    institutionName: row.institution.name,
    quantitySets: approvalSetsOf(row),
  }));
}

/**
 * The ministry's batch approval: a bar that stays at the bottom of the screen while
 * requests are selected, with how many and how many sets in all, and a confirmation
 * listing every request before anything is approved.
 */
export function BatchApproveBar({
  items,
  onApprove,
  onClear,
  maxItems = 200,
  error,
}: BatchApproveBarProps) {
  const [confirming, setConfirming] = useState(false);
  if (items.length === 0) return null;

  const count = items.length;
  const totalSets = items.reduce((sum, item) => sum + item.quantitySets, 0);
  const tooMany = count > maxItems;
  const countText = `${formatNumber(count)}件`;

  const approve = async () => {
    await onApprove();
    setConfirming(false);
  };

  return (
    <section className="sos-batch-bar" aria-label="選択した要請の一括承認">
      <div className="sos-batch-bar__inner">
        <p className="sos-batch-bar__summary" aria-live="polite" aria-atomic="true">
          <strong>{countText}を選択中</strong>
          <span>合計 {formatSets(totalSets)}</span>
        </p>
        {tooMany && (
          <p className="sos-batch-bar__limit">
            一度に承認できるのは{formatNumber(maxItems)}件までです。選択を減らしてください。
          </p>
        )}
        <div className="sos-batch-bar__actions">
          <Button variant="tertiary" onClick={onClear}>
            選択を解除
          </Button>
          {/* aria-disabled keeps it focusable, so the reason beside it can be found. */}
          <button
            type="button"
            className={buttonClassName()}
            aria-disabled={tooMany || undefined}
            onClick={() => {
              if (!tooMany) setConfirming(true);
            }}
          >
            {countText}を承認
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`${countText}の要請を承認します`}
        description={
          <>
            <p>
              承認すると、選択した要請はすべて受付完了となり、数量は変更できなくなります。数量は都道府県が入力したとおりです。
            </p>
            <dl className="sos-review-facts">
              <dt>件数</dt>
              <dd>{countText}</dd>
              <dt>合計数量</dt>
              <dd>{formatSets(totalSets)}</dd>
            </dl>
          </>
        }
        confirmLabel={`${countText}を承認する`}
        pendingLabel="承認中"
        onConfirm={approve}
        onCancel={() => setConfirming(false)}
        error={error}
      >
        <ol className="sos-batch-bar__list" aria-label="承認する要請">
          {items.map((item) => (
            <li key={item.id}>
              <span className="sos-batch-bar__name">{item.institutionName}</span>
              <span className="sos-batch-bar__sets">{formatSets(item.quantitySets)}</span>
            </li>
          ))}
        </ol>
      </ConfirmDialog>
    </section>
  );
}

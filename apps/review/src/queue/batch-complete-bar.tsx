import { Button, buttonClassName, ConfirmDialog, formatNumber, formatSets } from "@sos/ui";
import { useState } from "react";
import type { QueueRow } from "../api-types";
import "../common/review-parts.css";
import "./batch-approve-bar.css";

/** One selected request, as its completion will hand it to the ministry. */
export interface BatchCompleteItem {
  id: string;
  institutionName: string;
  /** 配送要否 as it will be completed. */
  supplyNeeded: boolean;
  /** 0 when supply is not needed. */
  quantitySets: number;
  /** Where the quantity comes from: the officer's saved input, or the computed limit. */
  source: "input" | "computed";
}

export interface BatchCompleteBarProps {
  /** The selected requests; the bar is not shown while there are none. */
  items: ReadonlyArray<BatchCompleteItem>;
  /**
   * Completes them all in one transaction (review.completePrefectureBatch). Resolve
   * once done; a rejection keeps the dialog open with the server's words in `error`.
   */
  onComplete: () => Promise<void>;
  onClear: () => void;
  /** The API completes at most this many at once. */
  maxItems?: number | undefined;
  error?: string | null | undefined;
}

/**
 * Queue rows as the completion will treat them (the server's rule, shown first):
 * the saved 配送要否 and quantity, or where nothing was answered, 配送要 at the
 * saved quantity or the computed limit.
 */
export function completeItemsOf(rows: ReadonlyArray<QueueRow>): BatchCompleteItem[] {
  return rows.map((row) => {
    const review = row.prefectureReview;
    const supplyNeeded = review.supplyNeeded !== false;
    return {
      id: row.id,
      institutionName: row.institution.name,
      supplyNeeded,
      quantitySets: supplyNeeded ? (review.quantitySets ?? row.limitSets) : 0,
      source: review.supplyNeeded === null && review.quantitySets === null ? "computed" : "input",
    };
  });
}

function itemText(item: BatchCompleteItem): string {
  if (!item.supplyNeeded) return "配送不要";
  const origin = item.source === "computed" ? "算定値" : "入力済み";
  return `配送要 ${formatSets(item.quantitySets)}（${origin}）`;
}

/**
 * The prefecture's batch completion (都道府県確認の一括完了): a bar at the bottom of
 * the queue while requests are selected, and a confirmation that lists each
 * request with what it will be completed as, before anything is written.
 */
export function BatchCompleteBar({
  items,
  onComplete,
  onClear,
  maxItems = 200,
  error,
}: BatchCompleteBarProps) {
  const [confirming, setConfirming] = useState(false);
  if (items.length === 0) return null;

  const count = items.length;
  const needed = items.filter((item) => item.supplyNeeded);
  const totalSets = needed.reduce((sum, item) => sum + item.quantitySets, 0);
  const computed = items.filter((item) => item.source === "computed").length;
  const tooMany = count > maxItems;
  const countText = `${formatNumber(count)}件`;

  const complete = async () => {
    await onComplete();
    setConfirming(false);
  };

  return (
    <section className="sos-batch-bar" aria-label="選択した要請の一括確認完了">
      <div className="sos-batch-bar__inner">
        <p className="sos-batch-bar__summary" aria-live="polite" aria-atomic="true">
          <strong>{countText}を選択中</strong>
          <span>配送要 合計 {formatSets(totalSets)}</span>
        </p>
        {tooMany && (
          <p className="sos-batch-bar__limit">
            一度に確認完了にできるのは{formatNumber(maxItems)}
            件までです。選択を減らしてください。
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
            {countText}の確認を完了
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`${countText}の都道府県確認を完了します`}
        description={
          <>
            <p>
              完了すると、選択した要請は国確認中となり、国から差し戻されない限り変更できません。
              {computed > 0 &&
                `配送要否を入力していない${formatNumber(computed)}件は、配送要・購入上限数（算定値）で完了します。`}
            </p>
            <dl className="sos-review-facts">
              <dt>件数</dt>
              <dd>{countText}</dd>
              <dt>配送要</dt>
              <dd>
                {formatNumber(needed.length)}件（合計 {formatSets(totalSets)}）
              </dd>
              <dt>配送不要</dt>
              <dd>{formatNumber(count - needed.length)}件</dd>
            </dl>
          </>
        }
        confirmLabel={`${countText}の確認を完了する`}
        pendingLabel="完了処理中"
        onConfirm={complete}
        onCancel={() => setConfirming(false)}
        error={error}
      >
        <ol className="sos-batch-bar__list" aria-label="確認を完了する要請">
          {items.map((item) => (
            <li key={item.id}>
              <span className="sos-batch-bar__name">{item.institutionName}</span>
              <span className="sos-batch-bar__sets">{itemText(item)}</span>
            </li>
          ))}
        </ol>
      </ConfirmDialog>
    </section>
  );
}

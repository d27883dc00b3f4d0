import { Alert, formatNumber, formatSets } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { QueueRow } from "../api-types";
import { useRefreshReviewData } from "../common/refresh";
import { BatchCompleteBar, completeItemsOf } from "./batch-complete-bar";
import { isCompletable } from "./review-queue-table";
import { useHeldSelection } from "./use-held-selection";

interface Completed {
  count: number;
  sets: number;
  notNeeded: number;
}

/**
 * The prefecture officer's selection on the queue and its batch completion
 * (review.completePrefectureBatch, one transaction: all of them or none).
 */
export function useBatchCompletion(rows: readonly QueueRow[]): {
  selectedIds: ReadonlySet<string>;
  select: (ids: ReadonlySet<string>) => void;
  bar: ReactNode;
  result: ReactNode;
} {
  const trpc = useTRPC();
  const refresh = useRefreshReviewData();
  const completeBatch = useMutation(trpc.review.completePrefectureBatch.mutationOptions());
  const held = useHeldSelection(rows, isCompletable);
  const [error, setError] = useState<string | null>(null);
  const [completed, setCompleted] = useState<Completed | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (completed !== null) resultRef.current?.focus();
  }, [completed]);

  const select = (ids: ReadonlySet<string>) => {
    held.select(ids);
    setError(null);
  };

  const onComplete = async () => {
    const items = [...held.selected.values()];
    try {
      const result = await completeBatch.mutateAsync({
        items: items.map((row) => ({ id: row.id, expectedVersion: row.version })),
      });
      held.clear();
      setError(null);
      setCompleted({
        count: result.completed.length,
        sets: result.completed.reduce((sum, item) => sum + item.quantitySets, 0),
        notNeeded: result.completed.filter((item) => !item.supplyNeeded).length,
      });
    } catch (failure) {
      setError(errorMessageJa(failure));
      throw failure;
    } finally {
      // Completed or refused (someone changed one of them): the queue and counts are re-read.
      await refresh();
    }
  };

  return {
    selectedIds: new Set(held.selected.keys()),
    select,
    bar: (
      <BatchCompleteBar
        items={completeItemsOf([...held.selected.values()])}
        onComplete={onComplete}
        onClear={() => select(new Set())}
        error={error}
      />
    ),
    result: (
      <div ref={resultRef} tabIndex={-1} className="rev-result">
        {completed !== null && (
          <Alert
            tone="success"
            title={`${formatNumber(completed.count)}件の都道府県確認を完了しました`}
          >
            <p>
              国確認中となりました（配送要 合計 {formatSets(completed.sets)}
              {completed.notNeeded > 0 && `、配送不要 ${formatNumber(completed.notNeeded)}件`}
              ）。変更が必要な場合は、国に差戻しを依頼してください。
            </p>
          </Alert>
        )}
      </div>
    ),
  };
}

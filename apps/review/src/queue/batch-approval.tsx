import { Alert, formatNumber, formatSets } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { QueueRow } from "../api-types";
import { useRefreshReviewData } from "../common/refresh";
import { BatchApproveBar, batchItemsOf } from "./batch-approve-bar";
import { isApprovable } from "./review-queue-table";
import { useHeldSelection } from "./use-held-selection";

interface Approved {
  count: number;
  sets: number;
}

/**
 * The ministry's selection on the queue and its batch approval (one transaction:
 * all of them or none). The selection outlives paging (useHeldSelection).
 */
export function useBatchApproval(rows: readonly QueueRow[]): {
  selectedIds: ReadonlySet<string>;
  select: (ids: ReadonlySet<string>) => void;
  bar: ReactNode;
  result: ReactNode;
} {
  const trpc = useTRPC();
  const refresh = useRefreshReviewData();
  const approve = useMutation(trpc.review.approve.mutationOptions());
  const held = useHeldSelection(rows, isApprovable);
  const selected = held.selected;
  const [error, setError] = useState<string | null>(null);
  const [approved, setApproved] = useState<Approved | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (approved !== null) resultRef.current?.focus();
  }, [approved]);

  const select = (ids: ReadonlySet<string>) => {
    held.select(ids);
    setError(null);
  };

  const onApprove = async () => {
    const items = [...selected.values()];
    try {
      const result = await approve.mutateAsync({
        items: items.map((row) => ({ id: row.id, expectedVersion: row.version })),
      });
      held.clear();
      setError(null);
      setApproved({
        count: result.approved.length,
        sets: result.approved.reduce((sum, item) => sum + item.quantitySets, 0),
      });
    } catch (failure) {
      setError(errorMessageJa(failure));
      throw failure;
    } finally {
      // Approved or refused (someone changed one of them): the queue and counts are re-read.
      await refresh();
    }
  };

  return {
    selectedIds: new Set(selected.keys()),
    select,
    bar: (
      <BatchApproveBar
        items={batchItemsOf([...selected.values()])}
        onApprove={onApprove}
        onClear={() => select(new Set())}
        error={error}
      />
    ),
    result: (
      <div ref={resultRef} tabIndex={-1} className="rev-result">
        {approved !== null && (
          <Alert tone="success" title={`${formatNumber(approved.count)}件の要請を承認しました`}>
            <p>
              受付完了となりました（合計 {formatSets(approved.sets)}
              ）。対象医療機関リストの発行を待つ要請になります。
            </p>
          </Alert>
        )}
      </div>
    ),
  };
}

import { Alert, formatNumber, formatSets, PageHeader } from "@sos/ui";
import {
  errorMessageJa,
  KEEP_FOCUS_STATE,
  LoadFailed,
  Loading,
  PageTitle,
  useTRPC,
} from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { TargetBatchList as TargetBatches } from "../api-types";
import { targetBatchPath } from "../paths";
import { CsvPanel } from "./csv-panel";
import { TargetBatchList } from "./target-batch-list";

type Batch = TargetBatches["batches"][number];

/**
 * ④ 対象医療機関リスト: the numbered lists handed to the vendor, issuing the next
 * one (after a confirmation), and each list's files. The list whose files are shown
 * is in the address (?batch=…).
 */
export function TargetListsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Read afresh on every visit: what waits for the next list changes with every approval.
  const lists = useQuery(trpc.targetList.list.queryOptions(undefined, { staleTime: 0 }));
  const issue = useMutation(trpc.targetList.issue.mutationOptions());
  const [searchParams, setSearchParams] = useSearchParams();
  const [issued, setIssued] = useState<Batch | null>(null);
  const [issueError, setIssueError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const batches = lists.data?.batches ?? [];
  const selected = batches.find((batch) => batch.id === searchParams.get("batch")) ?? null;

  useEffect(() => {
    if (issued !== null) resultRef.current?.focus();
  }, [issued]);

  const select = (batchId: string) =>
    setSearchParams({ batch: batchId }, { state: KEEP_FOCUS_STATE, preventScrollReset: true });

  const onIssue = async () => {
    setIssueError(null);
    try {
      const batch = await issue.mutateAsync();
      setIssued(batch);
      select(batch.id);
    } catch (error) {
      setIssueError(errorMessageJa(error));
      throw error;
    } finally {
      await queryClient.invalidateQueries(trpc.targetList.pathFilter());
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>対象医療機関リスト</PageTitle>
      <PageHeader
        title="対象医療機関リスト"
        description="受付完了となった要請を、番号付きのリストにまとめて販売業者に渡します。販売業者はこのリストをもとに、医療機関へ購入用のメールを送ります。"
      />
      <div ref={resultRef} tabIndex={-1} className="rev-result">
        {issued !== null && (
          <Alert tone="success" title={`第${formatNumber(issued.number)}号のリストを発行しました`}>
            <p>
              {formatNumber(issued.itemCount)}件（合計 {formatSets(issued.totalSets)}
              ）を販売業者に渡しました。販売業者の担当者にメールで通知しています。
            </p>
          </Alert>
        )}
      </div>
      {lists.data === undefined ? (
        lists.isError ? (
          <LoadFailed
            title="対象医療機関リストを表示できませんでした"
            error={lists.error}
            onRetry={() => void lists.refetch()}
          />
        ) : (
          <Loading>対象医療機関リストを読み込んでいます…</Loading>
        )
      ) : (
        <TargetBatchList
          batches={batches}
          pending={lists.data.pending}
          onIssue={onIssue}
          issueError={issueError}
          selectedBatchId={selected?.id ?? null}
          onSelectBatch={select}
        />
      )}
      {selected !== null && (
        <div className="sos-stack">
          <CsvPanel batch={selected} headingLevel={2} />
          <Link to={targetBatchPath(selected.id)}>
            第{formatNumber(selected.number)}号に載せた医療機関の一覧を見る
          </Link>
        </div>
      )}
    </div>
  );
}

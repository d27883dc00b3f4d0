import { surveyWeekTitle } from "@sos/domain";
import { Alert, Button, DataTable, formatJaDateTime, formatNumber } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AllocationRun } from "../api-types";
import { SummaryTables } from "./summary-tables";

/**
 * Committed runs, and the check anyone can make with the published files:
 * re-running the rule on the recorded input gives the recorded result, byte for byte.
 */
export function RunsPanel() {
  const trpc = useTRPC();
  const runs = useQuery(trpc.allocation.runs.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const replay = useQuery({
    ...trpc.allocation.replay.queryOptions({ runId: chosen ?? "" }),
    enabled: chosen !== null,
    retry: false,
  });

  return (
    <section className="sos-stack" aria-labelledby="allocation-runs">
      <h2 id="allocation-runs">確定した割当（過去の週）</h2>
      {runs.isPending ? (
        <Loading>確定した割当を読み込んでいます</Loading>
      ) : runs.isError ? (
        <LoadFailed
          title="確定した割当を表示できません"
          error={runs.error}
          onRetry={() => void runs.refetch()}
        />
      ) : (
        <DataTable<AllocationRun>
          caption="確定した割当"
          hideCaption
          rows={runs.data}
          rowKey={(run) => run.id}
          emptyMessage="まだ確定した割当はありません。"
          columns={[
            {
              key: "week",
              header: "週",
              rowHeader: true,
              cell: (run) => surveyWeekTitle(run.weekStart),
            },
            { key: "rule", header: "ルール", cell: (run) => run.rule },
            {
              key: "committed",
              header: "確定",
              cell: (run) =>
                `${formatJaDateTime(new Date(run.committedAt))}（${run.committedBy.displayName}）`,
            },
            {
              key: "reason",
              header: "パラメータ変更の理由",
              cell: (run) => run.reason ?? "（既定値）",
            },
            {
              key: "replay",
              header: "再計算",
              cell: (run) => (
                <Button
                  variant="secondary"
                  aria-label={`${surveyWeekTitle(run.weekStart)}の割当を再計算して確かめる`}
                  onClick={() => setChosen(run.id)}
                >
                  再計算して確かめる
                </Button>
              ),
            },
          ]}
        />
      )}
      {chosen !== null && replay.isFetching && <Loading>記録した入力から再計算しています</Loading>}
      {chosen !== null && replay.isError && (
        <Alert tone="error" title="再計算できませんでした">
          <p>{errorMessageJa(replay.error)}</p>
        </Alert>
      )}
      {replay.data !== undefined && chosen === replay.data.id && (
        <section className="sos-stack" aria-label="再計算の結果">
          {replay.data.identical ? (
            <Alert tone="success" title="記録した結果とバイト単位で一致しました">
              <p>
                {surveyWeekTitle(replay.data.weekStart)}（{formatNumber(replay.data.bytes)}
                バイト）。SHA-256: <code className="rev-hash">{replay.data.replayedSha256}</code>
              </p>
            </Alert>
          ) : (
            <Alert tone="error" title="記録した結果と一致しません">
              <p>
                記録: <code className="rev-hash">{replay.data.storedSha256}</code>
                <br />
                再計算: <code className="rev-hash">{replay.data.replayedSha256}</code>
              </p>
              <p>記録が書き換えられた可能性があります。システム管理者に連絡してください。</p>
            </Alert>
          )}
          <SummaryTables summary={replay.data.summary} />
        </section>
      )}
    </section>
  );
}

import { MATCH_STATUS_LABELS } from "@sos/domain";
import { DataTable, formatNumber, formatSets, PageHeader } from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { BatchSummary } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { batchPath } from "../paths";
import { batchTitle, issuedText } from "./batch-name";

const count = (value: number) => `${formatNumber(value)}件`;

/** ④ the lists the ministry handed over, newest first, with how far each has got. */
export function BatchesPage() {
  const trpc = useTRPC();
  const batches = useQuery({ ...trpc.vendorPortal.batches.queryOptions(), ...READ_ON_OPEN });
  return (
    <div className="sos-stack">
      <PageTitle>対象医療機関リスト</PageTitle>
      <PageHeader
        title="対象医療機関リスト"
        description="国から引き渡された販売対象の医療機関のリストです。施設登録と医療機関コードで照合し、購入リンクを送信します。"
      />
      {batches.isPending ? (
        <Loading>リストを読み込んでいます…</Loading>
      ) : batches.isError ? (
        <LoadFailed
          title="リストを表示できませんでした"
          error={batches.error}
          onRetry={() => void batches.refetch()}
        />
      ) : (
        <DataTable<BatchSummary>
          caption="引き渡されたリスト（新しい順）"
          rows={batches.data}
          rowKey={(batch) => batch.id}
          emptyMessage="国から引き渡されたリストはまだありません。"
          columns={[
            {
              key: "batch",
              header: "リスト",
              rowHeader: true,
              cell: (batch) => (
                <span className="vendor-cell-stack">
                  <Link to={batchPath(batch.id)}>{batchTitle(batch.number)}</Link>
                  <span className="vendor-muted">{issuedText(batch.issuedAt)}</span>
                </span>
              ),
            },
            { key: "items", header: "医療機関", align: "end", cell: (b) => count(b.itemCount) },
            {
              key: "sets",
              header: "上限数の合計",
              align: "end",
              cell: (b) => formatSets(b.totalSets),
            },
            {
              key: "matched",
              header: MATCH_STATUS_LABELS.matched,
              align: "end",
              cell: (b) => count(b.matched),
            },
            {
              key: "mismatched",
              header: MATCH_STATUS_LABELS.mismatched,
              align: "end",
              cell: (b) => count(b.mismatched),
            },
            {
              key: "needsCheck",
              header: MATCH_STATUS_LABELS.needs_check,
              align: "end",
              cell: (b) => count(b.needsCheck),
            },
            {
              key: "notRegistered",
              header: MATCH_STATUS_LABELS.not_registered,
              align: "end",
              cell: (b) => `${count(b.notRegistered)}（依頼済み ${count(b.reminded)}）`,
            },
            {
              key: "sent",
              header: "リンク送信済み",
              align: "end",
              cell: (b) => count(b.linksSent),
            },
            { key: "ordered", header: "購入済み", align: "end", cell: (b) => count(b.ordered) },
          ]}
        />
      )}
    </div>
  );
}

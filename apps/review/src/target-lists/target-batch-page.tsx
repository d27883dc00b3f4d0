import { formatPhone, formatPostcode } from "@sos/rules";
import {
  DataTable,
  type DataTableColumn,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  formatSets,
  PageHeader,
} from "@sos/ui";
import { BackLink, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { TargetBatch } from "../api-types";
import { PATHS, requestPath } from "../paths";
import { CsvPanel } from "./csv-panel";

type Item = TargetBatch["items"][number];

/** The columns the vendor receives, in the CSV's order, each request linked to its page. */
const COLUMNS: ReadonlyArray<DataTableColumn<Item>> = [
  {
    key: "name",
    header: "医療機関名",
    rowHeader: true,
    cell: (item) => <Link to={requestPath(item.requestId)}>{item.name}</Link>,
  },
  { key: "code", header: "医療機関コード", cell: (item) => item.institutionCode },
  { key: "prefecture", header: "都道府県", cell: (item) => item.prefectureName },
  {
    key: "address",
    header: "住所",
    cell: (item) => `〒${formatPostcode(item.postcode)} ${item.address}`,
  },
  { key: "phone", header: "電話番号", cell: (item) => formatPhone(item.phone) },
  { key: "contact", header: "担当者", cell: (item) => item.contactName },
  { key: "email", header: "メールアドレス", cell: (item) => item.email },
  {
    key: "limit",
    header: "購入上限数",
    align: "end",
    cell: (item) => (
      <>
        {formatNumber(item.limitSets)}セット
        <br />
        <span className="rev-muted">{formatPieces(item.limitPieces)}</span>
      </>
    ),
  },
];

/** One numbered list as the vendor receives it, with its files. */
export function TargetBatchPage() {
  const { batchId = "" } = useParams();
  const trpc = useTRPC();
  const batch = useQuery(trpc.targetList.get.queryOptions({ batchId }));
  const back = <BackLink to={PATHS.targetLists}>対象医療機関リストへ</BackLink>;

  if (batch.data === undefined) {
    return (
      <div className="sos-stack">
        <PageTitle>対象医療機関リスト</PageTitle>
        {back}
        <PageHeader title="対象医療機関リスト" />
        {batch.isError ? (
          <LoadFailed
            title="対象医療機関リストを表示できませんでした"
            error={batch.error}
            onRetry={() => void batch.refetch()}
            back={{ to: PATHS.targetLists, label: "対象医療機関リストへ戻る" }}
          />
        ) : (
          <Loading>対象医療機関リストを読み込んでいます…</Loading>
        )}
      </div>
    );
  }

  const data = batch.data;
  const title = `対象医療機関リスト 第${formatNumber(data.number)}号`;
  return (
    <div className="sos-stack rev-wide">
      <PageTitle>{title}</PageTitle>
      {back}
      <PageHeader
        title={title}
        description={`${formatJaDateTime(new Date(data.issuedAt))}に${data.issuedBy.displayName}さんが発行`}
      />
      <dl className="sos-review-facts">
        <dt>件数</dt>
        <dd>{formatNumber(data.itemCount)}件</dd>
        <dt>合計数量</dt>
        <dd>{formatSets(data.totalSets)}</dd>
      </dl>
      <CsvPanel batch={data} headingLevel={2} />
      <DataTable
        caption={`第${formatNumber(data.number)}号に載せた医療機関`}
        columns={COLUMNS}
        rows={data.items}
        rowKey={(item) => item.id}
        emptyMessage="このリストに載せた医療機関はありません。"
      />
    </div>
  );
}

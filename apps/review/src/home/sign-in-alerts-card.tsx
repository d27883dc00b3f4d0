import { Card, DataTable, type DataTableColumn, formatJaDateTime, formatNumber } from "@sos/ui";
import { LoadFailed, Loading, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import type { SignInAlert } from "../api-types";

const KIND_JA: Readonly<Record<SignInAlert["scope"], string>> = {
  account: "ユーザー名",
  ip: "接続元アドレス",
  device: "ログイン済みのブラウザ",
};

const COLUMNS: ReadonlyArray<DataTableColumn<SignInAlert>> = [
  {
    key: "raisedAt",
    header: "検知日時（日本時間）",
    cell: (alert) => formatJaDateTime(new Date(alert.raisedAt)),
    rowHeader: true,
  },
  { key: "scope", header: "種類", cell: (alert) => KIND_JA[alert.scope] },
  { key: "subject", header: "対象", cell: (alert) => alert.subject },
  {
    key: "attempts",
    header: "試行回数",
    cell: (alert) => `${formatNumber(alert.attempts)}回`,
    align: "end",
  },
];

/**
 * Sustained sign-in guessing the server has seen (one account, one address, or
 * one trusted browser drawing many attempts): the same alerts that are mailed to
 * the ministry at most once an hour, all of them here.
 */
export function SignInAlertsCard() {
  const trpc = useTRPC();
  const alerts = useQuery(trpc.operations.signInAlerts.queryOptions());
  return (
    <Card title="ログイン試行の警告" className="rev-grid__wide">
      <p className="rev-muted">
        同じ対象へのログイン失敗が続くと記録されます。該当する利用者に心当たりがないか確認し、必要に応じてパスワードの再設定を案内してください。
      </p>
      {alerts.data === undefined ? (
        alerts.isError ? (
          <LoadFailed
            title="ログイン試行の警告を表示できませんでした"
            error={alerts.error}
            onRetry={() => void alerts.refetch()}
          />
        ) : (
          <Loading>ログイン試行の警告を読み込んでいます…</Loading>
        )
      ) : (
        <DataTable
          caption="最近の警告（新しい順、最大20件）"
          columns={COLUMNS}
          rows={alerts.data}
          rowKey={(alert) => alert.id}
          emptyMessage="最近の警告はありません。"
        />
      )}
    </Card>
  );
}

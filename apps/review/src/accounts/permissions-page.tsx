import { PageHeader } from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { AccountTable } from "./account-table";

/**
 * 「権限の一覧」: who may act where — per person the role and place, whether a
 * lead officer, whom they manage, their status and last sign-in. The ministry
 * sees its whole staff (ministry, officers, vendor); a lead officer its own
 * prefecture's officers.
 */
export function PermissionsPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.accounts.permissions.queryOptions());
  return (
    <div className="sos-stack">
      <PageTitle>権限の一覧</PageTitle>
      <PageHeader
        title="権限の一覧"
        description="誰がどの範囲で操作できるかの一覧です。利用停止中の人は、どの操作もできません。"
      />
      {list.data === undefined ? (
        list.isError ? (
          <LoadFailed
            title="権限の一覧を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <Loading>権限の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <AccountTable caption="権限の一覧" people={list.data.people} />
      )}
    </div>
  );
}

import { formatJaDateTime } from "@sos/domain";
import { Button, PageHeader } from "@sos/ui";
import { appHref, chooseActingFor, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { DelegationCards } from "./delegation-cards";

/**
 * A delegate's home (医師会, 法人本部): the institutions that consent to its
 * entering for them, and nothing else. Choosing one makes this browser tab act
 * for it; every page then works as the institution's own.
 */
export function DelegateHome() {
  const trpc = useTRPC();
  const clients = useQuery(trpc.delegation.clients.queryOptions(undefined, { staleTime: 0 }));
  return (
    <div className="sos-stack">
      <PageTitle>代理入力する医療機関の選択</PageTitle>
      <PageHeader
        title="代理入力する医療機関の選択"
        description={
          clients.data
            ? `${clients.data.organisation.name}（${clients.data.organisation.kindLabel}）として、代理入力を許可した医療機関の週次調査と緊急配布要請を入力できます。`
            : undefined
        }
      />
      {clients.data === undefined ? (
        clients.isError ? (
          <LoadFailed
            title="医療機関の一覧を表示できませんでした"
            error={clients.error}
            onRetry={() => void clients.refetch()}
          />
        ) : (
          <Loading>医療機関の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <DelegationCards
          label="代理入力を許可している医療機関"
          headingLevel={2}
          rows={clients.data.clients}
          rowKey={(row) => row.institutionId}
          emptyMessage="代理入力を許可している医療機関はありません。医療機関の「代理入力の許可」で許可されると、ここに表示されます。"
          title={(row) => row.name}
          facts={(row) => [
            ["医療機関コード", row.code],
            ["都道府県", row.prefectureName],
            ["許可された日時", formatJaDateTime(new Date(row.grantedAt))],
          ]}
          action={(row) => (
            <Button
              onClick={() =>
                chooseActingFor(
                  { institutionId: row.institutionId, institutionName: row.name },
                  appHref("institution"),
                )
              }
            >
              {row.name} の代理で入力する
            </Button>
          )}
        />
      )}
    </div>
  );
}

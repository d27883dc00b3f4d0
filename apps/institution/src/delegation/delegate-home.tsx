import { formatJaDateTime } from "@sos/domain";
import { Button, DataTable, PageHeader } from "@sos/ui";
import { appHref, chooseActingFor, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";

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
        <DataTable
          caption="代理入力を許可している医療機関"
          rows={clients.data.clients}
          rowKey={(row) => row.institutionId}
          emptyMessage="代理入力を許可している医療機関はありません。医療機関の「代理入力の許可」で許可されると、ここに表示されます。"
          columns={[
            { key: "name", header: "医療機関名", rowHeader: true, cell: (row) => row.name },
            { key: "code", header: "医療機関コード", cell: (row) => row.code },
            { key: "pref", header: "都道府県", cell: (row) => row.prefectureName },
            {
              key: "granted",
              header: "許可された日時",
              cell: (row) => formatJaDateTime(new Date(row.grantedAt)),
            },
            {
              key: "act",
              header: "操作",
              cell: (row) => (
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
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

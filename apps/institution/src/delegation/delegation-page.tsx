import { formatJaDateTime } from "@sos/domain";
import { Alert, Button, ConfirmDialog, PageHeader, TextField } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { DelegateOrganisationView, DelegationList, DelegationView } from "../api-types";
import { DelegationCards } from "./delegation-cards";

type Pending =
  | { kind: "grant"; organisation: DelegateOrganisationView }
  | { kind: "revoke"; delegation: DelegationView };

/**
 * 代理入力の許可: the institution lets a medical association or its head office
 * enter its weekly survey and SOS requests for it, and takes that back at any
 * time (from the delegate's next request on). Current and past grants stay listed.
 */
export function DelegationPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.delegation.list.queryOptions());
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  const search = useQuery({
    ...trpc.delegation.search.queryOptions({ query: submitted ?? "" }),
    enabled: submitted !== null,
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const settle = (next: DelegationList, message: string) => {
    queryClient.setQueryData(trpc.delegation.list.queryKey(), next);
    setPending(null);
    setDone(message);
  };
  const grant = useMutation(trpc.delegation.grant.mutationOptions());
  const revoke = useMutation(trpc.delegation.revoke.mutationOptions());

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setSubmitted(query.trim() === "" ? null : query.trim());
  };
  const confirm = async () => {
    if (pending === null) return;
    if (pending.kind === "grant") {
      const next = await grant.mutateAsync({ organisationId: pending.organisation.id });
      settle(next, `「${pending.organisation.name}」に代理入力を許可しました。`);
    } else {
      const next = await revoke.mutateAsync({ delegationId: pending.delegation.id });
      settle(next, `「${pending.delegation.organisation.name}」の代理入力の許可を取り消しました。`);
    }
  };
  const mutationError = grant.error ?? revoke.error;

  return (
    <div className="sos-stack">
      <PageTitle>代理入力の許可</PageTitle>
      <PageHeader
        title="代理入力の許可"
        description="所属する医師会や法人本部が、この医療機関の代わりに週次調査の回答や緊急配布要請を入力できるようにします。許可はいつでも取り消せます。代理で入力された内容は「○○ が △△ の代理で入力」と表示されます。"
      />
      {done && (
        <Alert tone="success" title={done}>
          <p>一覧に反映しました。</p>
        </Alert>
      )}
      <section aria-labelledby="delegation-search-title" className="sos-stack">
        <h2 id="delegation-search-title">医師会・法人本部を探す</h2>
        <form onSubmit={onSearch} className="inst-delegation-search">
          <TextField
            label="団体名または団体コード"
            hint="例：○○区医師会、D13000001"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            width="full"
          />
          <Button type="submit" variant="secondary">
            検索
          </Button>
        </form>
        {search.isError && (
          <LoadFailed
            title="検索できませんでした"
            error={search.error}
            onRetry={() => void search.refetch()}
          />
        )}
        {search.data && (
          <DelegationCards
            label="検索結果"
            rows={search.data}
            rowKey={(row) => row.id}
            emptyMessage="該当する団体はありません。名称またはコードを確認してください。"
            title={(row) => row.name}
            facts={(row) => [
              ["種別", row.kindLabel],
              ["団体コード", row.code],
            ]}
            action={(row) =>
              list.data?.current.some((g) => g.organisation.id === row.id) ? (
                <p>許可済み</p>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() => setPending({ kind: "grant", organisation: row })}
                >
                  「{row.name}」に許可する
                </Button>
              )
            }
          />
        )}
      </section>
      {list.data === undefined ? (
        list.isError ? (
          <LoadFailed
            title="許可の一覧を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <Loading>許可の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <GrantTables
          list={list.data}
          onRevoke={(delegation) => setPending({ kind: "revoke", delegation })}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === "grant"
            ? `「${pending.organisation.name}」に代理入力を許可しますか`
            : `「${pending?.delegation.organisation.name ?? ""}」の代理入力の許可を取り消しますか`
        }
        description={
          pending?.kind === "grant"
            ? "許可すると、この団体の担当者がこの医療機関の週次調査への回答と緊急配布要請の作成・申請を代わりに行えるようになります。"
            : "取り消すと、この団体はこの医療機関の代理入力ができなくなります（次の操作から拒否されます）。これまでの入力の記録は残ります。"
        }
        confirmLabel={pending?.kind === "grant" ? "許可する" : "許可を取り消す"}
        confirmVariant={pending?.kind === "grant" ? "primary" : "danger"}
        onConfirm={() => confirm().catch(() => undefined)}
        onCancel={() => setPending(null)}
        error={mutationError ? errorMessageJa(mutationError) : null}
      />
    </div>
  );
}

function GrantTables({
  list,
  onRevoke,
}: {
  list: DelegationList;
  onRevoke: (delegation: DelegationView) => void;
}) {
  return (
    <>
      <section aria-labelledby="delegation-current-title" className="sos-stack">
        <h2 id="delegation-current-title">許可している団体</h2>
        <DelegationCards
          label="許可している団体"
          rows={list.current}
          rowKey={(row) => row.id}
          emptyMessage="代理入力を許可している団体はありません。"
          title={(row) => row.organisation.name}
          facts={(row) => [
            ["種別", row.organisation.kindLabel],
            [
              "許可した日時",
              `${formatJaDateTime(new Date(row.grantedAt))}（${row.grantedByName}）`,
            ],
          ]}
          action={(row) => (
            <Button variant="danger-secondary" onClick={() => onRevoke(row)}>
              「{row.organisation.name}」の許可を取り消す
            </Button>
          )}
        />
      </section>
      <section aria-labelledby="delegation-past-title" className="sos-stack">
        <h2 id="delegation-past-title">過去の許可</h2>
        <DelegationCards
          label="過去の許可"
          rows={list.past}
          rowKey={(row) => row.id}
          emptyMessage="取り消した許可はありません。"
          title={(row) => row.organisation.name}
          facts={(row) => [
            [
              "許可した日時",
              `${formatJaDateTime(new Date(row.grantedAt))}（${row.grantedByName}）`,
            ],
            [
              "取り消した日時",
              row.revokedAt === null
                ? ""
                : `${formatJaDateTime(new Date(row.revokedAt))}（${row.revokedByName ?? ""}）`,
            ],
          ]}
        />
      </section>
    </>
  );
}

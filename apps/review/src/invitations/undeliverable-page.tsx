import { formatPhone } from "@sos/rules";
import { Alert, Button, DataTable, formatJaDateTime, PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

const TITLE = "招待メールが届かなかった医療機関";

/**
 * The prefecture's own institutions whose invitation the mail server refused:
 * the prefecture calls them, has the registry's address corrected, and sends
 * the invitation again (the old link stops working). A resend goes to the
 * registry's address as it is now, so the list shows it beside the refused one:
 * the officer sees whether the correction has arrived before pressing 「再送」.
 */
export function UndeliverablePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.invitations.undeliverable.queryOptions());
  const resend = useMutation(trpc.invitations.resend.mutationOptions());
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const onResend = async (institutionId: string, name: string) => {
    setMessage(null);
    try {
      const sent = await resend.mutateAsync({ institutionId });
      setMessage({
        tone: "success",
        text: `${name} に招待メールを再送しました（${sent.email}）。`,
      });
      await queryClient.invalidateQueries(trpc.invitations.undeliverable.pathFilter());
    } catch (error) {
      setMessage({ tone: "error", text: errorMessageJa(error) });
    }
  };

  return (
    <>
      <PageTitle>{TITLE}</PageTitle>
      <PageHeader title={TITLE} />
      <p>
        メールサーバーに受け取りを拒否された招待です。医療機関に電話で連絡し、登録簿のメールアドレスを確認してください。
        登録簿が修正されたら「再送」で新しい招待を送れます。
      </p>
      {message !== null && (
        <Alert
          tone={message.tone}
          title={message.tone === "success" ? "再送しました" : "再送できませんでした"}
        >
          <p>{message.text}</p>
        </Alert>
      )}
      {list.isPending ? (
        <Loading>一覧を読み込んでいます…</Loading>
      ) : list.isError ? (
        <LoadFailed
          title="一覧を読み込めませんでした"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <p>届かなかった招待はありません。</p>
      ) : (
        <DataTable
          caption={TITLE}
          rows={list.data}
          rowKey={(row) => row.invitationId}
          columns={[
            { key: "code", header: "医療機関コード", cell: (row) => row.institutionCode },
            { key: "name", header: "医療機関名", cell: (row) => row.institutionName },
            {
              key: "phone",
              header: "電話番号",
              cell: (row) => <a href={`tel:${row.phone}`}>{formatPhone(row.phone)}</a>,
            },
            { key: "email", header: "届かなかったアドレス", cell: (row) => row.email },
            {
              key: "registry",
              header: "再送先（登録簿の現在のアドレス）",
              cell: (row) =>
                row.registryEmail === row.email ? (
                  <>
                    {row.registryEmail}
                    <br />
                    <small>登録簿は未修正です</small>
                  </>
                ) : (
                  row.registryEmail
                ),
            },
            { key: "error", header: "理由", cell: (row) => row.error },
            {
              key: "at",
              header: "招待日時",
              cell: (row) => formatJaDateTime(new Date(row.createdAt)),
            },
            {
              key: "resend",
              header: "操作",
              cell: (row) => (
                <Button
                  type="button"
                  variant="secondary"
                  aria-label={`${row.institutionName}に再送`}
                  disabled={resend.isPending}
                  onClick={() => void onResend(row.institutionId, row.institutionName)}
                >
                  再送
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

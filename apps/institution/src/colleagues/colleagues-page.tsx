import { Button, Card, ConfirmDialog, formatJaDateTime, PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Colleague } from "../api-types";
import "./colleagues.css";

const STATUS_LABELS: Readonly<Record<Colleague["status"], string>> = {
  active: "利用中",
  disabled: "利用停止中",
  removed: "削除済み",
};

/**
 * 「職員の管理」: the institution's staff who may use this service. A staff member
 * may remove a colleague (or themself) as long as someone remains; the removed
 * person is signed out at once, and what they entered stays on record.
 */
export function ColleaguesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.accounts.people.queryOptions());
  const remove = useMutation(trpc.accounts.remove.mutationOptions());
  const [removing, setRemoving] = useState<Colleague | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onConfirm = async () => {
    if (removing === null) return;
    setError(null);
    try {
      await remove.mutateAsync({ userId: removing.id });
      setDone(`${removing.displayName}さんを削除しました。`);
      setRemoving(null);
    } catch (failure) {
      setError(errorMessageJa(failure));
      throw failure;
    } finally {
      await queryClient.invalidateQueries(trpc.accounts.pathFilter());
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>職員の管理</PageTitle>
      <PageHeader
        title="職員の管理"
        description="この医療機関でサービスを利用できる職員の一覧です。削除した職員はすぐにログアウトされ、再びログインできなくなります（入力した内容は記録に残ります）。"
      />
      {done !== null && <p role="status">{done}</p>}
      {list.data === undefined ? (
        list.isError ? (
          <LoadFailed
            title="職員の一覧を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <Loading>職員の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <ul className="inst-colleagues" aria-label="職員の一覧">
          {list.data.people.map((person) => (
            <li key={person.id}>
              <Card
                title={`${person.displayName}${person.self ? "（あなた）" : ""}`}
                headingLevel={2}
                actions={
                  person.actions.includes("remove") ? (
                    <Button
                      variant="danger-secondary"
                      aria-label={`${person.displayName}さんを削除`}
                      onClick={() => {
                        setError(null);
                        setDone(null);
                        setRemoving(person);
                      }}
                    >
                      削除
                    </Button>
                  ) : undefined
                }
              >
                <dl className="inst-colleagues__facts">
                  <dt>ユーザー名</dt>
                  <dd>{person.username}</dd>
                  <dt>メールアドレス</dt>
                  <dd>{person.email}</dd>
                  <dt>状態</dt>
                  <dd>{STATUS_LABELS[person.status]}</dd>
                  <dt>最終ログイン</dt>
                  <dd>
                    {person.lastSignInAt === null
                      ? "記録なし"
                      : formatJaDateTime(new Date(person.lastSignInAt))}
                  </dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={
          removing === null
            ? ""
            : removing.self
              ? "あなた自身を削除します"
              : `${removing.displayName}さんを削除します`
        }
        description={
          removing?.self === true
            ? "削除すると、すぐにログアウトされ、再びログインできなくなります。"
            : "削除すると、この職員はすぐにログアウトされ、再びログインできなくなります。入力した内容は記録に残ります。"
        }
        confirmLabel="削除する"
        confirmVariant="danger"
        onConfirm={onConfirm}
        onCancel={() => setRemoving(null)}
        error={error}
      />
    </div>
  );
}

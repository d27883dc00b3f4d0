import { Alert, Button, Card, formatJaDateTime, Textarea } from "@sos/ui";
import { errorMessageJa, fieldErrorsOf, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

const REASON_MAX = 200;

/**
 * The ministry's switch for maintenance: while on, every app only shows, and
 * every write answers 「現在メンテナンスのため、閲覧のみ可能です。」. The
 * reason is required and goes to the audit log with who switched it.
 */
export function MaintenanceCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery(trpc.operations.maintenance.queryOptions());
  const setReadOnly = useMutation(trpc.operations.setReadOnly.mutationOptions());
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (state.data === undefined) {
    return (
      <Card title="メンテナンス（閲覧専用モード）">
        {state.isError ? (
          <LoadFailed
            title="メンテナンスの状態を表示できませんでした"
            error={state.error}
            onRetry={() => void state.refetch()}
          />
        ) : (
          <Loading>メンテナンスの状態を読み込んでいます…</Loading>
        )}
      </Card>
    );
  }
  const on = state.data.readOnly;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReasonError(null);
    setServerError(null);
    setDone(null);
    try {
      const result = await setReadOnly.mutateAsync({ readOnly: !on, reason });
      setReason("");
      setDone(
        !result.changed
          ? "すでにその状態になっていました（他の担当者が切り替えた可能性があります）。"
          : result.readOnly
            ? "閲覧専用にしました。すべての画面で更新ができなくなっています。"
            : "閲覧専用を解除しました。通常どおり更新できます。",
      );
    } catch (error) {
      const message = fieldErrorsOf(error).reason?.[0];
      if (message === undefined) setServerError(errorMessageJa(error));
      else setReasonError(message);
    }
    await queryClient.invalidateQueries(trpc.operations.pathFilter());
  };

  const last = state.data;
  return (
    <Card title="メンテナンス（閲覧専用モード）">
      <p>
        現在：<strong>{on ? "閲覧専用（更新はすべてお断りしています）" : "通常どおり"}</strong>
      </p>
      {last.changedAt !== null && (
        <p className="rev-muted">
          最終変更 {formatJaDateTime(new Date(last.changedAt))}（
          {last.changedVia === "cli" ? "運用コマンド" : (last.changedBy?.displayName ?? "不明")}
          ）：{last.reason}
        </p>
      )}
      <p className="rev-muted">
        閲覧専用の間は、医療機関・都道府県・販売業者のすべての画面で閲覧だけができ、登録・変更・送信はお断りします（ログインとログアウトはできます）。切り替えは監査ログに残ります。
      </p>
      {done !== null && <Alert tone="success">{done}</Alert>}
      {serverError !== null && <Alert tone="error">{serverError}</Alert>}
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label="閲覧専用モードの切り替え"
      >
        <Textarea
          label={on ? "解除する理由" : "閲覧専用にする理由"}
          hint="例：データベースのバックアップ取得のため（監査ログに残ります）"
          required
          rows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError ?? undefined}
        />
        <Button
          type="submit"
          variant={on ? "primary" : "secondary"}
          loading={setReadOnly.isPending}
        >
          {on ? "閲覧専用を解除する" : "閲覧専用にする"}
        </Button>
      </form>
    </Card>
  );
}

import { PREFECTURES } from "@sos/domain";
import { Button, formatJaDateTime, formatNumber, PageHeader, Select } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InvitationProgressValue } from "../api-types";
import { BulkInviteConfirm } from "./bulk-confirm";
import { ResendInvitationForm } from "./resend-form";
import "./invitations.css";

const TITLE = "医療機関の招待";
/** How often the page asks for progress while a run is going. */
const POLL_MS = 2000;

const PREFECTURE_OPTIONS = [
  { value: "", label: "全国（すべての都道府県）" },
  ...PREFECTURES.map((p) => ({ value: String(p.code), label: p.name })),
];

/**
 * The ministry's 「一括招待」: one action invites every active institution of the
 * registry (or one prefecture's) that has no user and no open invitation; the
 * mails go out in paced batches, and the bar shows where the registry stands.
 * The action asks first (how many, how fast); one institution's invitation is
 * resent by its code below.
 */
export function InvitationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [prefecture, setPrefecture] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const prefectureCode = prefecture === "" ? null : Number(prefecture);
  const progress = useQuery(
    trpc.invitations.progress.queryOptions(
      { prefectureCode },
      {
        refetchInterval: (query) =>
          query.state.data?.run !== null && query.state.data?.run?.finishedAt === null
            ? POLL_MS
            : false,
      },
    ),
  );
  const bulk = useMutation(trpc.invitations.bulkInvite.mutationOptions());

  const scopeLabel =
    prefectureCode === null
      ? "全国"
      : (PREFECTURES.find((p) => p.code === prefectureCode)?.name ?? "");
  const data = progress.data;
  const running = data?.run != null && data.run.finishedAt === null;

  const start = async () => {
    setFailure(null);
    try {
      await bulk.mutateAsync({ prefectureCode });
      setConfirming(false);
      await queryClient.invalidateQueries(trpc.invitations.progress.pathFilter());
    } catch (error) {
      // The dialog stays open with the server's words: nothing was started.
      setFailure(errorMessageJa(error));
    }
  };

  return (
    <>
      <PageTitle>{TITLE}</PageTitle>
      <PageHeader title={TITLE} />
      <p>
        登録簿の医療機関のうち、利用者がおらず有効な招待もない医療機関に、登録簿のメールアドレスあてに招待メールを送ります。
        メールは一定の間隔で少しずつ送信されます。
      </p>
      <Select
        label="対象"
        options={PREFECTURE_OPTIONS}
        placeholder={null}
        value={prefecture}
        onChange={(event) => setPrefecture(event.target.value)}
      />
      <Button
        type="button"
        disabled={data === undefined || running || data.toInvite === 0}
        onClick={() => {
          setFailure(null);
          setConfirming(true);
        }}
      >
        一括招待する
      </Button>
      {data !== undefined && !running && data.toInvite === 0 && (
        <p>招待する医療機関はありません（すべて招待済みか、利用者がいます）。</p>
      )}
      {data !== undefined && (
        <BulkInviteConfirm
          open={confirming}
          scopeLabel={scopeLabel}
          progress={data}
          error={failure}
          onConfirm={start}
          onCancel={() => setConfirming(false)}
        />
      )}
      {progress.isPending ? (
        <Loading>招待の状況を読み込んでいます…</Loading>
      ) : progress.isError ? (
        <LoadFailed
          title="招待の状況を読み込めませんでした"
          error={progress.error}
          onRetry={() => void progress.refetch()}
        />
      ) : (
        <InvitationProgress value={progress.data} />
      )}
      <ResendInvitationForm />
    </>
  );
}

export function InvitationProgress({ value }: { value: InvitationProgressValue }) {
  const running = value.run !== null && value.run.finishedAt === null;
  const valueText = `${formatNumber(value.total)}機関中 ${formatNumber(value.invited)}機関 招待済み`;
  return (
    <section
      className="sos-invitations"
      aria-labelledby="invitation-progress"
      aria-busy={running || undefined}
    >
      <h2 id="invitation-progress">招待の状況</h2>
      <progress
        className="sos-invitations__bar"
        aria-labelledby="invitation-progress"
        aria-valuetext={valueText}
        max={Math.max(value.total, 1)}
        value={value.invited}
      />
      <dl className="sos-invitations__figures">
        <div>
          <dt>招待済み</dt>
          <dd data-testid="invited">
            {formatNumber(value.invited)} / {formatNumber(value.total)}
          </dd>
        </div>
        <div>
          <dt>送信済み</dt>
          <dd data-testid="sent">{formatNumber(value.sent)}</dd>
        </div>
        <div>
          <dt>送信できなかった</dt>
          <dd data-testid="undeliverable">{formatNumber(value.undeliverable)}</dd>
        </div>
        <div>
          <dt>登録済み</dt>
          <dd data-testid="accepted">{formatNumber(value.accepted)}</dd>
        </div>
      </dl>
      {value.run !== null && (
        <p role="status">
          {running
            ? `一括招待を実行中です（${formatNumber(value.run.invited)} / ${formatNumber(value.run.total)}件を作成済み）。`
            : `最後の一括招待：${formatJaDateTime(new Date(value.run.startedAt))} 開始、${formatNumber(value.run.invited)}件。`}
          （実行者：{value.run.startedBy}）
        </p>
      )}
    </section>
  );
}

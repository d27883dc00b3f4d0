import {
  Alert,
  Button,
  ConfirmDialog,
  formatJaDateTime,
  formatNumber,
  formatSets,
  PageHeader,
} from "@sos/ui";
import { BackLink, errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { BatchDetail } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { PATHS } from "../paths";
import { BatchFilters, useBatchFilter } from "./batch-filters";
import { batchTitle, issuedText } from "./batch-name";
import { isUnconfirmed } from "./item-actions";
import { ItemCard } from "./item-card";
import { SendDialog, type SendTarget } from "./send-dialog";
import { SendProgress } from "./send-progress";
import { useSendRun } from "./use-send-run";

/**
 * One handed-over list, matched with the registrations: who can be sent a link,
 * who differs (side by side), who has not registered; sending the links with a
 * live progress, and each institution's link and order.
 */
export function BatchPage() {
  const { batchId = "" } = useParams();
  const trpc = useTRPC();
  const [filter, setFilter] = useBatchFilter();
  const batch = useQuery({
    ...trpc.vendorPortal.batch.queryOptions({ batchId, ...filter }),
    ...READ_ON_OPEN,
    placeholderData: keepPreviousData,
  });

  if (batch.isPending) {
    return (
      <div className="sos-stack">
        <PageTitle>対象医療機関リスト</PageTitle>
        <BackLink to={PATHS.targetLists}>対象医療機関リストの一覧へ</BackLink>
        <Loading>リストを読み込んでいます…</Loading>
      </div>
    );
  }
  if (batch.isError && batch.data === undefined) {
    return (
      <div className="sos-stack">
        <PageTitle>対象医療機関リスト</PageTitle>
        <BackLink to={PATHS.targetLists}>対象医療機関リストの一覧へ</BackLink>
        <LoadFailed
          title="リストを表示できませんでした"
          error={batch.error}
          onRetry={() => void batch.refetch()}
        />
      </div>
    );
  }
  return (
    <BatchView
      batch={batch.data}
      filter={filter}
      onFilter={setFilter}
      refreshing={batch.isFetching}
    />
  );
}

function BatchView({
  batch,
  filter,
  onFilter,
  refreshing,
}: {
  batch: BatchDetail;
  filter: ReturnType<typeof useBatchFilter>[0];
  onFilter: ReturnType<typeof useBatchFilter>[1];
  refreshing: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const title = `対象医療機関リスト ${batchTitle(batch.number)}`;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sendTarget, setSendTarget] = useState<SendTarget | null>(null);
  const [remindOpen, setRemindOpen] = useState(false);
  const [remindError, setRemindError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const run = useSendRun(batch.id, batch.latestRun);
  const remind = useMutation(trpc.vendorPortal.remindUnregistered.mutationOptions());

  const shown = batch.items;
  const ticked = shown.filter((item) => selected.has(item.id));
  const allTicked = shown.length > 0 && ticked.length === shown.length;
  // Reminded at the list's address: no registration, or one nobody confirmed.
  const remindable = (item: (typeof shown)[number]) =>
    item.match.status === "not_registered" || isUnconfirmed(item);
  const tickedUnregistered = ticked.filter(remindable);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const remindTargets =
    ticked.length > 0 ? tickedUnregistered.length : batch.notRegistered + batch.unconfirmed;
  const confirmRemind = async () => {
    setRemindError(null);
    try {
      const result = await remind.mutateAsync({
        batchId: batch.id,
        itemIds: ticked.length > 0 ? tickedUnregistered.map((item) => item.id) : null,
      });
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batch.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batches.queryKey() });
      setRemindOpen(false);
      setFlash(
        `施設登録の依頼メールを${formatNumber(result.sent)}件送信しました。` +
          (result.skippedRecent > 0
            ? `最近送信済みの${formatNumber(result.skippedRecent)}件には送信していません。`
            : ""),
      );
    } catch (error) {
      setRemindError(errorMessageJa(error));
      throw error;
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>{title}</PageTitle>
      <BackLink to={PATHS.targetLists}>対象医療機関リストの一覧へ</BackLink>
      <PageHeader
        title={title}
        description={`${issuedText(batch.issuedAt)}・${formatNumber(batch.itemCount)}件・上限数の合計 ${formatSets(batch.totalSets)}`}
      />

      <dl className="vendor-counts" aria-label="照合と送信の状況">
        {[
          ["照合済み", batch.matched],
          ["登録内容不一致", batch.mismatched],
          ["要確認", batch.needsCheck],
          ["未登録", batch.notRegistered],
          ["登録依頼済み", batch.reminded],
          ["リンク送信済み", batch.linksSent],
          ["購入済み", batch.ordered],
        ].map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(Number(value))}件</dd>
          </div>
        ))}
      </dl>

      {flash && <Alert tone="success">{flash}</Alert>}

      <section className="vendor-send" aria-labelledby="vendor-send-title">
        <h2 id="vendor-send-title" className="vendor-section-title">
          購入リンクの送信
        </h2>
        <p>
          照合済みの医療機関に、購入用URLと購入可能数をメールで送信します。送信済みで有効なリンクがある医療機関や購入済みの医療機関には送信しません。要確認の医療機関（施設登録が確認されていない、またはメールアドレスが国のリストと異なる）には一括では送信しません。
        </p>
        <div className="vendor-actions">
          <Button
            disabled={run.sending || ticked.length === 0}
            onClick={() =>
              setSendTarget({
                itemIds: ticked.map((item) => item.id),
                count: ticked.length,
                mismatched: ticked.filter((item) => item.match.status === "mismatched").length,
              })
            }
          >
            {`選択した医療機関に購入リンクを送信（${formatNumber(ticked.length)}件）`}
          </Button>
          <Button
            variant="secondary"
            disabled={run.sending}
            onClick={() =>
              setSendTarget({ itemIds: null, count: batch.itemCount, mismatched: batch.mismatched })
            }
          >
            リストの全件に購入リンクを送信
          </Button>
          <Button
            variant="secondary"
            disabled={remindTargets === 0}
            onClick={() => {
              setRemindError(null);
              setRemindOpen(true);
            }}
          >
            {`未登録・未確認の医療機関に登録依頼メールを送信（${formatNumber(remindTargets)}件）`}
          </Button>
        </div>
        {ticked.length === 0 && (
          <p className="vendor-muted">
            一部だけに送信するときは、下の一覧で医療機関を選択してください。
          </p>
        )}
        {run.progress !== null && (
          <SendProgress
            progress={run.progress}
            headingLevel={3}
            title={
              run.current
                ? "購入リンクの送信状況"
                : run.progress.finished
                  ? `前回の送信結果（${formatJaDateTime(new Date(run.progress.startedAt))} 開始）`
                  : "前回の送信は途中で止まっています"
            }
            problem={run.failure}
          />
        )}
        {run.interrupted && (
          <Button variant="secondary" onClick={run.resume}>
            送信を再開する
          </Button>
        )}
      </section>

      <section className="sos-stack" aria-labelledby="vendor-items-title">
        <h2 id="vendor-items-title" className="vendor-section-title">
          医療機関
        </h2>
        <BatchFilters filter={filter} onChange={onFilter} />
        <div className="vendor-list-bar">
          <label className="vendor-select-all">
            <input
              type="checkbox"
              checked={allTicked}
              disabled={shown.length === 0}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setSelected(on ? new Set(shown.map((item) => item.id)) : new Set());
              }}
            />
            表示中の医療機関をすべて選択
          </label>
          <p aria-live="polite" className="vendor-muted">
            {refreshing ? "更新しています…" : `${formatNumber(shown.length)}件を表示`}
            {ticked.length > 0 && `（${formatNumber(ticked.length)}件を選択中）`}
          </p>
        </div>
        {shown.length === 0 ? (
          <p className="vendor-empty">条件に当てはまる医療機関はありません。</p>
        ) : (
          <ul className="vendor-items" aria-label="医療機関の一覧">
            {shown.map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                batchId={batch.id}
                selected={selected.has(item.id)}
                onSelect={(on) => toggle(item.id, on)}
                onDone={setFlash}
              />
            ))}
          </ul>
        )}
      </section>

      <SendDialog
        target={sendTarget}
        onCancel={() => setSendTarget(null)}
        onSend={(options) => {
          setSendTarget(null);
          setFlash(null);
          run.start(options);
        }}
      />
      <ConfirmDialog
        open={remindOpen}
        title="施設登録の依頼メールを送信しますか？"
        description={`未登録・未確認の医療機関${formatNumber(remindTargets)}件に、国のリストの連絡先あてに購入サイトへの施設登録のお願いを送信します。最近送信した医療機関には送信しません。`}
        confirmLabel="送信する"
        onConfirm={confirmRemind}
        onCancel={() => setRemindOpen(false)}
        error={remindError}
      />
    </div>
  );
}

import { Alert, ConfirmDialog, formatNumber, formatSets, PageHeader } from "@sos/ui";
import { BackLink, errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { BatchDetail } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { PATHS } from "../paths";
import { useBatchFilter } from "./batch-filters";
import { batchTitle, issuedText } from "./batch-name";
import { CsvDownload } from "./csv-download";
import { isUnconfirmed } from "./item-actions";
import { ItemsSection } from "./items-section";
import { SendDialog, type SendTarget } from "./send-dialog";
import { BatchCounts, SendSection } from "./send-section";
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
  // Reminded at the list's address: no registration, or one nobody confirmed.
  const remindable = (item: (typeof shown)[number]) =>
    item.match.status === "not_registered" || isUnconfirmed(item);
  const tickedUnregistered = ticked.filter(remindable);

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

      <BatchCounts batch={batch} />

      {flash && <Alert tone="success">{flash}</Alert>}

      <SendSection
        batch={batch}
        run={run}
        ticked={ticked}
        remindTargets={remindTargets}
        onSend={setSendTarget}
        onRemind={() => {
          setRemindError(null);
          setRemindOpen(true);
        }}
      />

      <CsvDownload batchId={batch.id} title={title} />

      <ItemsSection
        batchId={batch.id}
        items={shown}
        filter={filter}
        onFilter={onFilter}
        refreshing={refreshing}
        selected={selected}
        onSelected={setSelected}
        onDone={setFlash}
      />

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

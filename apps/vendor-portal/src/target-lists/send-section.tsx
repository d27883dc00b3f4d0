import { Button, formatJaDateTime, formatNumber } from "@sos/ui";
import type { BatchDetail, VendorItem } from "../api-types";
import type { SendTarget } from "./send-dialog";
import { SendProgress } from "./send-progress";
import type { useSendRun } from "./use-send-run";

/** The list's counts: matched, differing, to check, unregistered, reminded, sent, bought. */
export function BatchCounts({ batch }: { batch: BatchDetail }) {
  return (
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
  );
}

export interface SendSectionProps {
  batch: BatchDetail;
  run: ReturnType<typeof useSendRun>;
  /** The items ticked in the list below. */
  ticked: readonly VendorItem[];
  /** How many a reminder would go to: the ticked unregistered, or the whole list's. */
  remindTargets: number;
  onSend: (target: SendTarget) => void;
  onRemind: () => void;
}

/** 購入リンクの送信: to the ticked or to the whole list, with the run's live progress; and reminders. */
export function SendSection({
  batch,
  run,
  ticked,
  remindTargets,
  onSend,
  onRemind,
}: SendSectionProps) {
  return (
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
            onSend({
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
            onSend({ itemIds: null, count: batch.itemCount, mismatched: batch.mismatched })
          }
        >
          リストの全件に購入リンクを送信
        </Button>
        <Button variant="secondary" disabled={remindTargets === 0} onClick={onRemind}>
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
  );
}

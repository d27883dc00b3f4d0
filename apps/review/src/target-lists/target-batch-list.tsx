import { targetListNumberJa } from "@sos/domain";
import {
  Button,
  ConfirmDialog,
  formatJaDateTime,
  formatNumber,
  formatSets,
  toInstant,
} from "@sos/ui";
import { type ReactNode, useId, useState } from "react";
import type { TargetBatchSummary } from "../api-types";
import "../common/review-parts.css";
import "./target-list.css";

/** What the table shows of a list (targetList.list); an unknown issuer is shown as —. */
export type TargetBatchRow = Pick<
  TargetBatchSummary,
  "id" | "number" | "issuedAt" | "itemCount" | "totalSets"
> & { issuedBy: TargetBatchSummary["issuedBy"] | null };

export interface TargetBatchListProps {
  /** Issued lists, newest first as the API gives them (targetList.list batches). */
  batches: ReadonlyArray<TargetBatchRow>;
  /** Accepted requests not yet handed over (targetList.list pending). */
  pending?: { count: number; sets: number } | null | undefined;
  /** Issues the next numbered list (targetList.issue); resolve once issued. Not offered without it. */
  onIssue?: (() => Promise<void>) | undefined;
  issueError?: string | null | undefined;
  /** The list whose files are being offered (CsvDownloadPanel), marked in the table. */
  selectedBatchId?: string | null | undefined;
  /** 「CSV出力」 on a row: show that list's download panel. */
  onSelectBatch?: ((batchId: string) => void) | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | undefined;
}

/** 「第3号」: how a list is named in the files and the vendor's email. */
export function batchName(number: number): string {
  return targetListNumberJa(number);
}

/**
 * ④対象医療機関リスト: the numbered lists already handed to the vendor, and how many
 * accepted requests wait for the next one, with the action that issues it.
 */
export function TargetBatchList({
  batches,
  pending,
  onIssue,
  issueError,
  selectedBatchId,
  onSelectBatch,
  title = "対象医療機関リスト（販売業者への引渡し）",
  headingLevel = 2,
}: TargetBatchListProps) {
  const headingId = useId();
  const captionId = useId();
  const Heading = `h${headingLevel}` as const;
  const [confirming, setConfirming] = useState(false);
  const nextNumber = batches.reduce((max, batch) => Math.max(max, batch.number), 0) + 1;
  const waiting = pending?.count ?? 0;

  return (
    <section className="sos-target-list" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-target-list__title">
        {title}
      </Heading>

      {pending !== undefined && pending !== null && (
        <div className="sos-target-list__pending">
          <p>
            販売業者にまだ渡していない受付完了の要請：
            <strong>
              {formatNumber(pending.count)}件（合計 {formatSets(pending.sets)}）
            </strong>
          </p>
          {onIssue !== undefined && (
            <div className="sos-review-form__actions">
              <Button
                disabled={waiting === 0}
                onClick={() => setConfirming(true)}
                aria-describedby={waiting === 0 ? `${headingId}-none` : undefined}
              >
                {batchName(nextNumber)}のリストを発行
              </Button>
              {waiting === 0 && (
                <span id={`${headingId}-none`} className="sos-review-form__note">
                  新たに渡す要請はありません。
                </span>
              )}
            </div>
          )}
        </div>
      )}

      {batches.length === 0 ? (
        <p className="sos-target-list__empty">まだ発行したリストはありません。</p>
      ) : (
        <section
          className="sos-target-list__scroll"
          aria-labelledby={captionId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
        >
          <table className="sos-target-list__table">
            <caption id={captionId} className="sos-visually-hidden">
              発行済みの対象医療機関リスト
            </caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">発行日時</th>
                <th scope="col" className="sos-target-list__num">
                  件数
                </th>
                <th scope="col" className="sos-target-list__num">
                  合計数量
                </th>
                <th scope="col">発行者</th>
                {onSelectBatch !== undefined && (
                  <th scope="col">
                    <span className="sos-visually-hidden">操作</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => {
                const selected = batch.id === selectedBatchId;
                const issuedAt = toInstant(batch.issuedAt);
                return (
                  <tr
                    key={batch.id}
                    className={selected ? "sos-target-list__row--selected" : undefined}
                    aria-current={selected ? "true" : undefined}
                  >
                    <th scope="row">{batchName(batch.number)}</th>
                    <td>
                      <time dateTime={issuedAt.toISOString()}>{formatJaDateTime(issuedAt)}</time>
                    </td>
                    <td className="sos-target-list__num">{formatNumber(batch.itemCount)}件</td>
                    <td className="sos-target-list__num">{formatSets(batch.totalSets)}</td>
                    <td>{batch.issuedBy?.displayName ?? "—"}</td>
                    {onSelectBatch !== undefined && (
                      <td>
                        <Button
                          variant={selected ? "primary" : "secondary"}
                          aria-pressed={selected}
                          aria-label={`${batchName(batch.number)}のCSV出力`}
                          onClick={() => onSelectBatch(batch.id)}
                        >
                          CSV出力
                        </Button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {onIssue !== undefined && (
        <ConfirmDialog
          open={confirming}
          title={`対象医療機関リスト ${batchName(nextNumber)}を発行します`}
          description={
            <>
              <p>
                受付完了の要請{formatNumber(waiting)}件（合計 {formatSets(pending?.sets ?? 0)}
                ）を、番号付きのリストとして販売業者に渡します。販売業者の担当者にはメールで通知します。
              </p>
              <p>発行したリストは取り消せません。</p>
            </>
          }
          confirmLabel="発行する"
          pendingLabel="発行中"
          onConfirm={async () => {
            await onIssue();
            setConfirming(false);
          }}
          onCancel={() => setConfirming(false)}
          error={issueError}
        />
      )}
    </section>
  );
}

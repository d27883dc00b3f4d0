import { formatNumber } from "@sos/ui";
import { type ReactNode, useId } from "react";
import "./send-progress.css";

export interface SendProgressValue {
  total: number;
  /** Items dealt with so far: sent, skipped or failed. */
  done: number;
  sent: number;
  skipped: number;
  failed: number;
  finished: boolean;
  /** Why items were not sent, e.g. 「購入サイトに未登録」 × 3. */
  skippedByReason: ReadonlyArray<{ reason: string; label: string; count: number }>;
}

export interface SendProgressProps {
  /** null while the run is being set up (before its first report). */
  progress: SendProgressValue | null;
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** Shown under the bar, e.g. that progress could not be read for a while. */
  problem?: string | null | undefined;
}

function percent({ done, total }: SendProgressValue): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

function outcomeText(progress: SendProgressValue): string {
  const parts = [`送信 ${formatNumber(progress.sent)}件`];
  if (progress.skipped > 0) parts.push(`送信しなかった ${formatNumber(progress.skipped)}件`);
  if (progress.failed > 0) parts.push(`失敗 ${formatNumber(progress.failed)}件`);
  return parts.join("、");
}

/**
 * The progress of 「購入リンクを送信」: a progress bar with done / total, what was
 * sent, and why the others were not. Screen readers hear the end (a polite
 * status), not every step.
 */
export function SendProgress({
  progress,
  title = "購入リンクの送信状況",
  headingLevel = 2,
  problem,
}: SendProgressProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const finished = progress?.finished ?? false;
  const valueText =
    progress === null
      ? "送信の準備中"
      : `${formatNumber(progress.total)}件中 ${formatNumber(progress.done)}件 処理済み`;
  return (
    <section
      className={`sos-send-progress${finished ? " sos-send-progress--finished" : ""}`}
      aria-labelledby={headingId}
      aria-busy={!finished || undefined}
    >
      <Heading id={headingId} className="sos-send-progress__title">
        {title}
      </Heading>
      <progress
        className="sos-send-progress__bar"
        aria-labelledby={headingId}
        aria-valuetext={valueText}
        {...(progress === null ? {} : { max: Math.max(progress.total, 1), value: progress.done })}
      />
      <p className="sos-send-progress__figures">
        {progress === null ? (
          "送信を準備しています…"
        ) : (
          <>
            <span className="sos-send-progress__count">
              {formatNumber(progress.done)} / {formatNumber(progress.total)} 件
            </span>{" "}
            処理済み（{percent(progress)}%）{finished ? "" : "　送信中…"}
          </>
        )}
      </p>
      {progress !== null && (
        <dl className="sos-send-progress__outcomes">
          <div>
            <dt>送信</dt>
            <dd>{formatNumber(progress.sent)}件</dd>
          </div>
          <div>
            <dt>送信しなかった</dt>
            <dd>{formatNumber(progress.skipped)}件</dd>
          </div>
          <div>
            <dt>失敗</dt>
            <dd>{formatNumber(progress.failed)}件</dd>
          </div>
        </dl>
      )}
      {progress !== null && progress.skippedByReason.length > 0 && (
        <div className="sos-send-progress__reasons">
          <p className="sos-send-progress__reasons-title">送信しなかった理由</p>
          <ul>
            {progress.skippedByReason.map((reason) => (
              <li key={reason.reason}>
                {reason.label}：{formatNumber(reason.count)}件
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && <p className="sos-send-progress__problem">{problem}</p>}
      {/* Present from the start, so the end is announced when it is written into it. */}
      <p className="sos-send-progress__done" role="status">
        {finished && progress !== null ? `送信が完了しました（${outcomeText(progress)}）。` : ""}
      </p>
    </section>
  );
}

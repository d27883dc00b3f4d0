import type { SosStatus } from "@sos/domain";
import { formatJaDateTime, toInstant } from "@sos/domain";
import { type ReactNode, useId } from "react";
import { StatusBadge } from "../data/StatusBadge";
import { type ChangeLine, describeChanges, HISTORY_FIELD_LABELS } from "./history-changes";
import "./RequestHistory.css";

/** One history entry, shaped as the API's request detail gives it (history[]). */
export interface RequestHistoryEntry {
  id: string;
  /** ISO string or Date. */
  at: Date | string;
  actor: { displayName: string } | null;
  /** 医療機関, 都道府県担当者, 国（厚生労働省）, システム … */
  actorRoleLabel: string | null;
  actionLabel: string;
  fromStatus: SosStatus | null;
  toStatus: SosStatus | null;
  changes?: Readonly<Record<string, unknown>> | null | undefined;
  /** 代理入力: 「○○医師会 が ○○クリニック の代理で」 when a delegate organisation did it. */
  onBehalf?: { label: string } | null | undefined;
}

export interface RequestHistoryProps {
  entries: ReadonlyArray<RequestHistoryEntry>;
  /** Newest first by default: what happened last is what people look for. */
  order?: "newest-first" | "oldest-first" | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4 | undefined;
  /** Labels for further change keys, merged over the built-in ones. */
  fieldLabels?: Readonly<Record<string, string>> | undefined;
}

function Change({ line }: { line: ChangeLine }) {
  if (line.long) {
    return (
      <li className="sos-history__change">
        <details>
          <summary>
            {line.label}
            {line.from === undefined ? "を入力" : "を変更"}
          </summary>
          <dl className="sos-history__long">
            {line.from !== undefined && (
              <div>
                <dt>変更前</dt>
                <dd>{line.from}</dd>
              </div>
            )}
            <div>
              <dt>{line.from === undefined ? "内容" : "変更後"}</dt>
              <dd>{line.to}</dd>
            </div>
          </dl>
        </details>
      </li>
    );
  }
  return (
    <li className="sos-history__change">
      <span className="sos-history__field">{line.label}：</span>
      {line.from !== undefined && (
        <>
          <span>{line.from}</span>
          <span aria-hidden="true"> → </span>
          <span className="sos-visually-hidden">から</span>
        </>
      )}
      <span>{line.to}</span>
      {line.from !== undefined && <span className="sos-visually-hidden">に変更</span>}
    </li>
  );
}

/** 「山田 太郎（医療機関）」; an entry without a person was written by the system. */
function actorText({ actor, actorRoleLabel, onBehalf }: RequestHistoryEntry): string {
  const name = actor?.displayName;
  if (onBehalf) return name ? `${onBehalf.label}入力（${name}）` : `${onBehalf.label}入力`;
  if (!name) return actorRoleLabel ?? "システム";
  return actorRoleLabel ? `${name}（${actorRoleLabel}）` : name;
}

function byTime(order: "newest-first" | "oldest-first") {
  const sign = order === "newest-first" ? -1 : 1;
  return (a: RequestHistoryEntry, b: RequestHistoryEntry) =>
    sign * (toInstant(a.at).getTime() - toInstant(b.at).getTime());
}

/**
 * The request's whole history as a timeline: when (Tokyo time), who and in which
 * role, what they did, the status before and after, and the fields they changed.
 */
export function RequestHistory({
  entries,
  order = "newest-first",
  title = "履歴",
  headingLevel = 2,
  fieldLabels,
}: RequestHistoryProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const labels = { ...HISTORY_FIELD_LABELS, ...fieldLabels };
  const sorted = [...entries].sort(byTime(order));
  return (
    <section className="sos-history" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-history__title">
        {title}
      </Heading>
      {sorted.length === 0 ? (
        <p className="sos-history__empty">履歴はありません。</p>
      ) : (
        <ol className="sos-history__list" reversed={order === "newest-first"}>
          {sorted.map((entry) => {
            const at = toInstant(entry.at);
            const changes = describeChanges(entry.changes, labels);
            const statusChanged = entry.toStatus !== null && entry.fromStatus !== entry.toStatus;
            return (
              <li key={entry.id} className="sos-history__entry">
                <p className="sos-history__when">
                  <time dateTime={at.toISOString()}>{formatJaDateTime(at)}</time>
                </p>
                <p className="sos-history__action">{entry.actionLabel}</p>
                <p className="sos-history__actor">{actorText(entry)}</p>
                {statusChanged && entry.toStatus !== null && (
                  <p className="sos-history__status">
                    <span className="sos-visually-hidden">ステータス：</span>
                    {entry.fromStatus !== null && (
                      <>
                        <StatusBadge status={entry.fromStatus} />
                        <span aria-hidden="true" className="sos-history__arrow">
                          →
                        </span>
                        <span className="sos-visually-hidden">から</span>
                      </>
                    )}
                    <StatusBadge status={entry.toStatus} />
                  </p>
                )}
                {changes.length > 0 && (
                  <ul className="sos-history__changes" aria-label="変更内容">
                    {changes.map((line) => (
                      <Change key={line.key} line={line} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

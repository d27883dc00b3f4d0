import { Checkbox, formatNumber } from "@sos/ui";
import { type ReactNode, useId, useState } from "react";
import type { PrefectureProgress, ProgressCounts } from "../api-types";
import { NO_VALUE } from "../common/format";
import { nextSort, type SortDirection, SortHeader } from "../common/sort-header";
import "./progress-summary.css";

export interface ProgressSummaryProps {
  /** Every prefecture's counts for the round (review.ministryProgress prefectures). */
  rows: ReadonlyArray<PrefectureProgress>;
  totals: ProgressCounts;
  /** The survey week, e.g. 「2026年12月2日（水）17:00締切の週」. */
  weekTitle?: string | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | undefined;
  /** The queue filtered to a prefecture; its name links there. */
  prefectureHref?: ((prefectureCode: number) => string) | undefined;
  /** A plain click on a prefecture's name (client-side navigation). */
  onSelectPrefecture?: ((prefectureCode: number) => void) | undefined;
}

export type ProgressSortKey =
  | "prefecture"
  | "filed"
  | "completedByPrefecture"
  | "approved"
  | "notEligible"
  | "remaining"
  | "done";

/** Counts sort largest first (what needs attention); the prefecture list sorts in JIS order. */
function firstDirection(key: ProgressSortKey): SortDirection {
  return key === "prefecture" ? "asc" : "desc";
}

/** Requests the round is finished with: approved, or closed as not eligible. */
function doneOf(counts: ProgressCounts): number {
  return counts.approved + counts.notEligible;
}

/** 0–100, whole percent; null when nothing was filed. */
export function donePercent(counts: ProgressCounts): number | null {
  if (counts.filed === 0) return null;
  return Math.floor((doneOf(counts) / counts.filed) * 100);
}

function sortValue(row: PrefectureProgress, key: ProgressSortKey): number {
  switch (key) {
    case "prefecture":
      return row.prefectureCode;
    case "done":
      // Nothing filed sorts below 0%: there is nothing to finish there.
      return donePercent(row) ?? -1;
    default:
      return row[key];
  }
}

const SEGMENTS = [
  { key: "approved", label: "承認（受付完了）" },
  { key: "notEligible", label: "対象外" },
  { key: "awaitingMinistry", label: "国確認中" },
  { key: "awaitingPrefecture", label: "都道府県確認中" },
] as const;

/** A stacked bar of where the round's requests are; the numbers beside it say the same. */
function ProgressBar({ counts }: { counts: ProgressCounts }) {
  if (counts.filed === 0) return null;
  return (
    <span className="sos-progress__bar" aria-hidden="true">
      {SEGMENTS.map(({ key }) => {
        const value = counts[key];
        if (value === 0) return null;
        return (
          <span
            key={key}
            className={`sos-progress__segment sos-progress__segment--${key}`}
            style={{ width: `${(value / counts.filed) * 100}%` }}
          />
        );
      })}
    </span>
  );
}

function DoneCell({ counts }: { counts: ProgressCounts }) {
  const percent = donePercent(counts);
  if (percent === null) {
    return (
      <>
        <span aria-hidden="true">{NO_VALUE}</span>
        <span className="sos-visually-hidden">要請なし</span>
      </>
    );
  }
  return (
    <span className="sos-progress__done">
      <ProgressBar counts={counts} />
      <span className="sos-progress__percent">
        {percent}%
        <span className="sos-progress__of">
          （{formatNumber(doneOf(counts))}/{formatNumber(counts.filed)}件）
        </span>
      </span>
    </span>
  );
}

/**
 * The ministry's view of the round by prefecture: filed, completed by the
 * prefecture, approved, not eligible and remaining, with a totals row and a bar
 * per prefecture (the figures are always there in words). Sortable, e.g. by what
 * remains, to see where to chase.
 */
export function ProgressSummary({
  rows,
  totals,
  weekTitle,
  title = "都道府県別の進捗",
  headingLevel = 2,
  prefectureHref,
  onSelectPrefecture,
}: ProgressSummaryProps) {
  const headingId = useId();
  const captionId = useId();
  const Heading = `h${headingLevel}` as const;
  const [sort, setSort] = useState<{ key: ProgressSortKey; dir: SortDirection }>({
    key: "prefecture",
    dir: "asc",
  });
  // Most weeks most prefectures have nothing: those with requests come first by default.
  const [onlyActive, setOnlyActive] = useState(true);
  // With nothing filed anywhere there is nothing to hide: every prefecture says 要請なし.
  const anyActive = rows.some((row) => row.filed > 0);
  const shown = rows.filter((row) => !onlyActive || !anyActive || row.filed > 0);
  const sign = sort.dir === "asc" ? 1 : -1;
  const sorted = [...shown].sort(
    (a, b) =>
      sign * (sortValue(a, sort.key) - sortValue(b, sort.key)) ||
      a.prefectureCode - b.prefectureCode,
  );
  const sortProps = {
    activeKey: sort.key,
    dir: sort.dir,
    onSort: (key: ProgressSortKey) => setSort(nextSort(sort, key, firstDirection)),
  };

  const name = (row: PrefectureProgress) => {
    if (prefectureHref === undefined) return row.prefectureName;
    return (
      <a
        href={prefectureHref(row.prefectureCode)}
        onClick={(event) => {
          if (
            onSelectPrefecture === undefined ||
            event.button !== 0 ||
            event.ctrlKey ||
            event.metaKey ||
            event.shiftKey ||
            event.altKey
          ) {
            return;
          }
          event.preventDefault();
          onSelectPrefecture(row.prefectureCode);
        }}
      >
        {row.prefectureName}
      </a>
    );
  };

  return (
    <section className="sos-progress" aria-labelledby={headingId}>
      <div className="sos-progress__head">
        <Heading id={headingId} className="sos-progress__title">
          {title}
        </Heading>
        {weekTitle !== undefined && <p className="sos-progress__week">{weekTitle}</p>}
      </div>

      <div className="sos-progress__tools">
        <ul className="sos-progress__legend" aria-label="進捗バーの凡例">
          {SEGMENTS.map(({ key, label }) => (
            <li key={key}>
              <span
                className={`sos-progress__swatch sos-progress__segment--${key}`}
                aria-hidden="true"
              />
              {label}
            </li>
          ))}
        </ul>
        <Checkbox
          label="件数のある都道府県のみ"
          hint={
            onlyActive && anyActive
              ? `要請のない${formatNumber(rows.length - shown.length)}都道府県を表示していません。`
              : undefined
          }
          checked={onlyActive}
          onChange={(event) => setOnlyActive(event.currentTarget.checked)}
        />
      </div>

      <section
        className="sos-progress__scroll"
        aria-labelledby={captionId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
      >
        <table className="sos-progress__table">
          <caption id={captionId} className="sos-visually-hidden">
            {title}
            {weekTitle !== undefined ? `（${weekTitle}）` : ""}
          </caption>
          <thead>
            <tr>
              <SortHeader sortKey="prefecture" {...sortProps}>
                都道府県
              </SortHeader>
              <SortHeader sortKey="filed" className="sos-progress__num" {...sortProps}>
                申請
              </SortHeader>
              <SortHeader
                sortKey="completedByPrefecture"
                className="sos-progress__num"
                {...sortProps}
              >
                都道府県確認完了
              </SortHeader>
              <SortHeader sortKey="approved" className="sos-progress__num" {...sortProps}>
                承認
              </SortHeader>
              <SortHeader sortKey="notEligible" className="sos-progress__num" {...sortProps}>
                対象外
              </SortHeader>
              <SortHeader sortKey="remaining" className="sos-progress__num" {...sortProps}>
                残り
              </SortHeader>
              <SortHeader sortKey="done" {...sortProps}>
                完了率
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr
                key={row.prefectureCode}
                className={row.filed === 0 ? "sos-progress__row--empty" : undefined}
              >
                <th scope="row">{name(row)}</th>
                <td className="sos-progress__num">{formatNumber(row.filed)}</td>
                <td className="sos-progress__num">{formatNumber(row.completedByPrefecture)}</td>
                <td className="sos-progress__num">{formatNumber(row.approved)}</td>
                <td className="sos-progress__num">{formatNumber(row.notEligible)}</td>
                <td
                  className={[
                    "sos-progress__num",
                    row.remaining > 0 ? "sos-progress__remaining" : undefined,
                  ]
                    .filter(Boolean)
                    .join(" ")}
                >
                  {formatNumber(row.remaining)}
                </td>
                <td>
                  <DoneCell counts={row} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">全国</th>
              <td className="sos-progress__num">{formatNumber(totals.filed)}</td>
              <td className="sos-progress__num">{formatNumber(totals.completedByPrefecture)}</td>
              <td className="sos-progress__num">{formatNumber(totals.approved)}</td>
              <td className="sos-progress__num">{formatNumber(totals.notEligible)}</td>
              <td className="sos-progress__num">{formatNumber(totals.remaining)}</td>
              <td>
                <DoneCell counts={totals} />
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}

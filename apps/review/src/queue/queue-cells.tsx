import { formatShortDateTime } from "@sos/domain";
import {
  ELIGIBLE_TEXT,
  formatJaDate,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  NOT_ELIGIBLE_TEXT,
  PENDING_TEXT,
  StatusBadge,
  toInstant,
} from "@sos/ui";
import type { QueueRow } from "../api-types";
import { formatWeeksOfCover, NO_VALUE } from "../common/format";
import { ReviewTag } from "../common/review-tag";

/** Under one week of cover the figure is flagged: the stock runs out before next week's round. */
const URGENT_WEEKS = 1;

/** 「—」 for screen readers too, with what it means. */
function Missing({ meaning }: { meaning: string }) {
  return (
    <>
      <span aria-hidden="true">{NO_VALUE}</span>
      <span className="sos-visually-hidden">{meaning}</span>
    </>
  );
}

export function FigureCell({ value }: { value: number | undefined }) {
  return value === undefined ? <Missing meaning="不明" /> : formatNumber(value);
}

/**
 * The eligibility rule with this row's figures, compactly: 「2,000 ＜ 600×4」 (stock
 * against the weekly shortfall × 4); the full sentence is there for screen readers.
 */
export function EligibilityCell({ row }: { row: QueueRow }) {
  const { figures, assessment } = row;
  if (figures === null || assessment === null) {
    return (
      <span className="sos-queue__verdict sos-queue__verdict--pending">
        <Missing meaning={PENDING_TEXT} />
      </span>
    );
  }
  const { eligible, weeklyShortfall, monthlyShortfall } = assessment;
  const shrinking = weeklyShortfall > 0;
  const compact = shrinking
    ? `${formatNumber(figures.stock)} ${eligible ? "＜" : "≧"} ${formatNumber(weeklyShortfall)}×4`
    : "購入 ≧ 消費";
  const spoken = shrinking
    ? `在庫 ${formatPieces(figures.stock)} ${eligible ? "＜" : "≧"}（消費−購入）×4 ＝ ${formatPieces(monthlyShortfall)}`
    : "購入見込みが消費量以上で、在庫は減らない見込み";
  return (
    <span className="sos-queue__eligibility">
      <span
        className={`sos-queue__verdict sos-queue__verdict--${eligible ? "eligible" : "not-eligible"}`}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          {eligible ? (
            <path d="M6.2 12.4 2 8.2l1.4-1.4 2.8 2.8L12.6 3.2 14 4.6z" fill="currentColor" />
          ) : (
            <path d="M3 7h10v2H3z" fill="currentColor" />
          )}
        </svg>
        {eligible ? ELIGIBLE_TEXT : NOT_ELIGIBLE_TEXT}
      </span>
      <span className="sos-queue__calc" aria-hidden="true">
        {compact}
      </span>
      <span className="sos-visually-hidden">：{spoken}</span>
    </span>
  );
}

/** The computed limit, and what the prefecture entered or the ministry approved when it differs. */
export function LimitCell({ row }: { row: QueueRow }) {
  const { limitSets, prefectureReview } = row;
  const entered = prefectureReview.state === "none" ? null : prefectureReview.quantitySets;
  const approved = row.approvedSets ?? null;
  return (
    <span className="sos-queue__stack">
      <span className="sos-queue__sets">{formatNumber(limitSets)}セット</span>
      {entered !== null && approved === null && (
        <span className="sos-queue__sub">
          {prefectureReview.state === "draft" ? "入力中" : "都道府県"} {formatNumber(entered)}セット
          {entered > limitSets && <ReviewTag tone="warning">上限超</ReviewTag>}
        </span>
      )}
      {approved !== null && (
        <span className="sos-queue__sub">承認 {formatNumber(approved)}セット</span>
      )}
    </span>
  );
}

export function CoverCell({ weeks }: { weeks: number | null }) {
  if (weeks === null) return <Missing meaning="在庫は減らない見込み" />;
  const urgent = weeks < URGENT_WEEKS;
  return (
    <span className={urgent ? "sos-queue__cover sos-queue__cover--urgent" : "sos-queue__cover"}>
      {urgent && (
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1 15 14H1z" fill="currentColor" />
          <path d="M7.2 5.5h1.6v4.5H7.2zM7.2 11h1.6v1.6H7.2z" fill="#fff" />
        </svg>
      )}
      {formatWeeksOfCover(weeks)}
      {urgent && <span className="sos-visually-hidden">（1週間以内に在庫切れの見込み）</span>}
    </span>
  );
}

export function FiledCell({ row }: { row: QueueRow }) {
  const at = toInstant(row.appliedAt);
  return (
    <span className="sos-queue__stack">
      <time className="sos-queue__time" dateTime={at.toISOString()} title={formatJaDateTime(at)}>
        {formatShortDateTime(at)}
      </time>
      {row.late && (
        <span className="sos-queue__sub">
          <ReviewTag tone="warning">締切後</ReviewTag>
          {row.handleFrom !== null && (
            <span>{formatJaDate(row.handleFrom, { withYear: false })}から対応</span>
          )}
        </span>
      )}
    </span>
  );
}

export function StageCell({ row }: { row: QueueRow }) {
  const draft = row.status === "reviewing" && row.prefectureReview.state === "draft";
  return (
    <span className="sos-queue__stack">
      <StatusBadge status={row.status} reviewStage={row.reviewStage} />
      {(draft || row.returned || row.sanctioned) && (
        <span className="sos-queue__sub">
          {draft && <ReviewTag>一時保存あり</ReviewTag>}
          {row.returned && <ReviewTag tone="info">差戻しあり</ReviewTag>}
          {row.sanctioned && <ReviewTag tone="error">措置中</ReviewTag>}
        </span>
      )}
    </span>
  );
}

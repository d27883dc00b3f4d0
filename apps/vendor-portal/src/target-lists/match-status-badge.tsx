import { MATCH_STATUS_LABELS, type MatchStatus } from "@sos/domain";
import "./match.css";

export interface MatchStatusBadgeProps {
  status: MatchStatus;
  /** The number of differing details, said after 登録内容不一致 (e.g. 「2項目」). */
  differenceCount?: number | undefined;
}

function MatchIcon({ status }: { status: MatchStatus }) {
  return (
    <svg className="sos-status__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === "matched" && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="m6.8 11.2-3-3 1.1-1.1 1.9 1.9 4.3-4.3 1.1 1.1z" fill="#fff" />
        </>
      )}
      {status === "not_registered" && (
        <circle
          cx="8"
          cy="8"
          r="5.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray="3 2"
        />
      )}
      {status === "mismatched" && (
        <>
          <path d="M8 1 15 14H1z" fill="currentColor" />
          <path d="M7.2 5.5h1.6v4.5H7.2zM7.2 11h1.6v1.6H7.2z" fill="#fff" />
        </>
      )}
      {status === "needs_check" && (
        <>
          <path d="M8 .5 15.5 8 8 15.5.5 8z" fill="currentColor" />
          <path d="M7.2 4h1.6v5H7.2zM7.2 10.4h1.6V12H7.2z" fill="#fff" />
        </>
      )}
    </svg>
  );
}

/** 照合済み / 未登録 / 登録内容不一致 / 要確認, each with its own shape as well as colour. */
export function MatchStatusBadge({ status, differenceCount }: MatchStatusBadgeProps) {
  const count =
    status === "mismatched" && differenceCount !== undefined && differenceCount > 0
      ? `（${differenceCount}項目）`
      : "";
  return (
    <span className={`sos-status sos-match-status--${status}`} data-status={status}>
      <MatchIcon status={status} />
      <span>
        {MATCH_STATUS_LABELS[status]}
        {count}
      </span>
    </span>
  );
}

import { type ReviewStage, type SosStatus, sosStatusDetailLabel } from "@sos/domain";
import "./StatusBadge.css";

export interface StatusBadgeProps {
  status: SosStatus;
  /**
   * Officers see who holds a reviewing request (都道府県確認中 / 国確認中); institutions
   * see the manual's 都道府県・国確認中, so leave it out for them.
   */
  reviewStage?: ReviewStage | null;
}

/** Each status also has its own shape, so it never rests on colour alone. */
function StatusIcon({ status }: { status: SosStatus }) {
  return (
    <svg className="sos-status__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === "draft" && (
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
      {status === "error" && (
        <>
          <path d="M8 1 15 14H1z" fill="currentColor" />
          <path d="M7.2 5.5h1.6v4.5H7.2zM7.2 11h1.6v1.6H7.2z" fill="#fff" />
        </>
      )}
      {status === "reviewing" && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M7.2 4h1.6v4.2l2.6 1.5-.8 1.4-3.4-2z" fill="currentColor" />
        </>
      )}
      {status === "accepted" && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="m6.8 11.2-3-3 1.1-1.1 1.9 1.9 4.3-4.3 1.1 1.1z" fill="#fff" />
        </>
      )}
      {status === "not_eligible" && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M3.8 3 13 12.2l-1 1L2.8 4z" fill="currentColor" />
        </>
      )}
      {status === "withdrawn" && (
        <path d="M4 3h2v3.2A6 6 0 1 1 2.3 10l1.9-.6A4 4 0 1 0 7 5.2H9v2H4z" fill="currentColor" />
      )}
    </svg>
  );
}

export function StatusBadge({ status, reviewStage = null }: StatusBadgeProps) {
  return (
    <span className={`sos-status sos-status--${status}`} data-status={status}>
      <StatusIcon status={status} />
      <span>{sosStatusDetailLabel(status, reviewStage)}</span>
    </span>
  );
}

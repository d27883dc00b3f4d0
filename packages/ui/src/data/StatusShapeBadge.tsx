import type { ReactNode } from "react";
import "./StatusBadge.css";

/**
 * The shapes the status badges draw, so a status never rests on colour alone. One
 * meaning keeps one shape across the badges (done is always the filled check).
 */
export type StatusShape =
  | "done"
  | "dashed"
  | "warning"
  | "diamond"
  | "clock"
  | "struck"
  | "undo"
  | "document"
  | "truck";

const SHAPES: Record<StatusShape, ReactNode> = {
  done: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="m6.8 11.2-3-3 1.1-1.1 1.9 1.9 4.3-4.3 1.1 1.1z" fill="#fff" />
    </>
  ),
  dashed: (
    <circle
      cx="8"
      cy="8"
      r="5.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeDasharray="3 2"
    />
  ),
  warning: (
    <>
      <path d="M8 1 15 14H1z" fill="currentColor" />
      <path d="M7.2 5.5h1.6v4.5H7.2zM7.2 11h1.6v1.6H7.2z" fill="#fff" />
    </>
  ),
  diamond: (
    <>
      <path d="M8 .5 15.5 8 8 15.5.5 8z" fill="currentColor" />
      <path d="M7.2 4h1.6v5H7.2zM7.2 10.4h1.6V12H7.2z" fill="#fff" />
    </>
  ),
  clock: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M7.2 4h1.6v4.2l2.6 1.5-.8 1.4-3.4-2z" fill="currentColor" />
    </>
  ),
  struck: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M3.8 3 13 12.2l-1 1L2.8 4z" fill="currentColor" />
    </>
  ),
  undo: <path d="M4 3h2v3.2A6 6 0 1 1 2.3 10l1.9-.6A4 4 0 1 0 7 5.2H9v2H4z" fill="currentColor" />,
  document: (
    <>
      <rect
        x="2"
        y="2"
        width="12"
        height="12"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
      <path d="M5 6h6v1.6H5zM5 9h4v1.6H5z" fill="currentColor" />
    </>
  ),
  truck: (
    <path
      d="M1 4h9v2h3l2 3v3h-1.6a2 2 0 0 1-3.8 0H6.4a2 2 0 0 1-3.8 0H1zm3.5 7.2a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6zm7 0a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6z"
      fill="currentColor"
    />
  ),
};

export interface StatusShapeBadgeProps {
  /** The status as data, for styles and tests. */
  status: string;
  shape: StatusShape;
  /** The badge's colour class (beside sos-status), e.g. sos-order-status--shipped. */
  toneClass: string;
  children: ReactNode;
}

/** A status label after its shape; the request, order and match badges each map theirs. */
export function StatusShapeBadge({ status, shape, toneClass, children }: StatusShapeBadgeProps) {
  return (
    <span className={`sos-status ${toneClass}`} data-status={status}>
      <svg className="sos-status__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {SHAPES[shape]}
      </svg>
      <span>{children}</span>
    </span>
  );
}

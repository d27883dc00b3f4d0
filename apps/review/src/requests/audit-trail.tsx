import { RequestHistory } from "@sos/ui";
import type { ReactNode } from "react";
import {
  type AuditTrailEntry,
  REVIEW_HISTORY_FIELD_LABELS,
  reviewHistoryChanges,
} from "./review-history";

export interface AuditTrailProps {
  /** review.get history[]: every action on the request, with actor and time. */
  entries: ReadonlyArray<AuditTrailEntry>;
  order?: "newest-first" | "oldest-first" | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4 | undefined;
}

/**
 * The request's history on the review console: the institution side's timeline
 * (RequestHistory), taught what the review actions record (the prefecture's
 * quantity, reasons, the not-eligible notice, the target list number).
 */
export function AuditTrail({ entries, order, title = "対応履歴", headingLevel }: AuditTrailProps) {
  const shown = entries.map((entry) => ({ ...entry, changes: reviewHistoryChanges(entry) }));
  return (
    <RequestHistory
      entries={shown}
      order={order}
      title={title}
      headingLevel={headingLevel}
      fieldLabels={REVIEW_HISTORY_FIELD_LABELS}
    />
  );
}

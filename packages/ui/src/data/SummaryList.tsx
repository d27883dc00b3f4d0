import type { ReactNode } from "react";
import "./SummaryList.css";

export interface SummaryItem {
  term: string;
  detail: ReactNode;
}

/** Label–value pairs (a description list): one column on a phone, two from tablet width. */
export function SummaryList({
  items,
  "aria-label": ariaLabel,
}: {
  items: ReadonlyArray<SummaryItem>;
  "aria-label"?: string;
}) {
  return (
    <dl className="sos-summary" aria-label={ariaLabel}>
      {items.map((item) => (
        <div key={item.term} className="sos-summary__row">
          <dt>{item.term}</dt>
          <dd>{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

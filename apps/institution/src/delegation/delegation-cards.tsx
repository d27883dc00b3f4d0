import { Card } from "@sos/ui";
import { Fragment, type ReactNode } from "react";
import "./delegation.css";

export interface DelegationCardsProps<Row> {
  /** Names the list for assistive technology. */
  label: string;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  emptyMessage: string;
  title: (row: Row) => string;
  facts: (row: Row) => ReadonlyArray<readonly [string, ReactNode]>;
  action?: (row: Row) => ReactNode;
  headingLevel?: 2 | 3;
}

/**
 * The 代理入力 lists as cards, like the rest of the institution app: a table's
 * action column would sit beyond a phone's screen, behind a sideways scroll.
 */
export function DelegationCards<Row>({
  label,
  rows,
  rowKey,
  emptyMessage,
  title,
  facts,
  action,
  headingLevel = 3,
}: DelegationCardsProps<Row>) {
  if (rows.length === 0) return <p>{emptyMessage}</p>;
  return (
    <ul className="inst-delegation-list" aria-label={label}>
      {rows.map((row) => (
        <li key={rowKey(row)}>
          <Card title={title(row)} headingLevel={headingLevel} actions={action?.(row)}>
            <dl className="inst-delegation-facts">
              {facts(row).map(([term, value]) => (
                <Fragment key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

import { type ReactNode, useId } from "react";
import "./DataTable.css";

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** "end" for figures, so digits line up. */
  align?: "start" | "end";
  /** The column that names the row: rendered as a row header (<th scope="row">). */
  rowHeader?: boolean;
}

export interface DataTableProps<Row> {
  /** Says what the table lists; required, it names the table and its scroll region. */
  caption: ReactNode;
  /** Keep the caption for assistive technology only (when a heading above says it). */
  hideCaption?: boolean;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  emptyMessage?: ReactNode;
}

/**
 * A plain, accessible table. On a narrow screen it scrolls sideways inside its own
 * region (focusable, so keyboard users can scroll it) instead of widening the page.
 */
export function DataTable<Row>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  emptyMessage = "該当するデータはありません",
}: DataTableProps<Row>) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="sos-table" aria-labelledby={captionId} tabIndex={0}>
      <table className="sos-table__table">
        <caption
          id={captionId}
          className={hideCaption ? "sos-visually-hidden" : "sos-table__caption"}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.align === "end" ? "sos-table__cell--end" : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="sos-table__empty" colSpan={columns.length}>
                {emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.align === "end" ? "sos-table__cell--end" : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

import type { ReactNode } from "react";
import "./sort-header.css";

export type SortDirection = "asc" | "desc";

export interface SortHeaderProps<K extends string> {
  sortKey: K;
  /** The column the table is sorted by now, and which way. */
  activeKey: K;
  dir: SortDirection;
  /** Asks for this column: the caller decides the direction. */
  onSort: (key: K) => void;
  className?: string | undefined;
  children: ReactNode;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/**
 * A column header that sorts: a button inside the <th>, whose aria-sort tells the
 * current order (only on the sorted column, as the ARIA practices advise). The
 * arrows show it too, one filled, so it never rests on colour.
 */
export function SortHeader<K extends string>({
  sortKey,
  activeKey,
  dir,
  onSort,
  className,
  children,
}: SortHeaderProps<K>) {
  const active = sortKey === activeKey;
  return (
    <th scope="col" aria-sort={active ? ARIA_SORT[dir] : undefined} className={className}>
      <button type="button" className="sos-sort-header" onClick={() => onSort(sortKey)}>
        <span>{children}</span>
        <svg
          className="sos-sort-header__icon"
          data-state={active ? dir : "none"}
          viewBox="0 0 12 16"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M6 1 11 6.5H1z" className="sos-sort-header__up" />
          <path d="M6 15 1 9.5h10z" className="sos-sort-header__down" />
        </svg>
      </button>
    </th>
  );
}

/** The next order for a click: the other way on the sorted column, the column's own first way otherwise. */
export function nextSort<K extends string>(
  current: { key: K; dir: SortDirection },
  key: K,
  firstDirection: (key: K) => SortDirection,
): { key: K; dir: SortDirection } {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: firstDirection(key) };
}

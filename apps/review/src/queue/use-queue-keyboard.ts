import type { KeyboardEvent } from "react";
import type { QueueRow } from "../api-types";
import { movedIndex, type QueueKeyAction, queueKeyAction } from "./queue-keys";
import type { ActiveRow } from "./use-active-row";
import type { QueueSelection } from "./use-queue-selection";

export interface QueuePaging {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}

type Move = Extract<QueueKeyAction, "next" | "previous" | "first" | "last">;

/**
 * The table's key handler (on its scroll region): j/k and the arrows move between
 * rows, Enter opens, x selects, n/p turn the page.
 */
export function useQueueKeyboard(
  rows: ReadonlyArray<QueueRow>,
  active: ActiveRow,
  selection: QueueSelection,
  paging: QueuePaging,
): (event: KeyboardEvent<HTMLElement>) => void {
  const move = (action: Move, rowIndex: number) => {
    // From the header or the scroll region, the keys lead into the rows.
    const from = rowIndex === -1 ? active.activeIndex : rowIndex;
    const to =
      rowIndex === -1 && (action === "next" || action === "previous")
        ? active.activeIndex
        : movedIndex(action, from, rows.length);
    active.focusRow(to);
  };

  /** The page n/p leads to, or null past either end. */
  const turnedPage = (action: "nextPage" | "previousPage"): number | null => {
    const to = action === "nextPage" ? paging.page + 1 : paging.page - 1;
    return to < 1 || to > paging.pageCount ? null : to;
  };

  return (event) => {
    const action = queueKeyAction(event.nativeEvent);
    if (action === null) return;
    const target = event.target as Element;
    // Typing in a field (none in the table today) must never be taken for a shortcut.
    if (target.closest("input:not([type=checkbox]), textarea, select") !== null) return;
    const rowElement = target.closest<HTMLElement>("tr[data-row-id]");
    const rowIndex = rowElement ? rows.findIndex((row) => row.id === rowElement.dataset.rowId) : -1;
    const row = rows[rowIndex];

    switch (action) {
      case "next":
      case "previous":
      case "first":
      case "last":
        event.preventDefault();
        move(action, row === undefined ? -1 : rowIndex);
        return;
      case "open":
        // On the name itself Enter is the link's (or button's) own; elsewhere in the row it opens.
        if (row === undefined || target === active.openElement(row.id)) return;
        event.preventDefault();
        active.openElement(row.id)?.click();
        return;
      case "toggle":
        if (row === undefined || !selection.selectable) return;
        event.preventDefault();
        selection.toggle(row);
        return;
      case "nextPage":
      case "previousPage": {
        const to = turnedPage(action);
        if (to === null) return;
        event.preventDefault();
        active.focusFirstWhenRowsArrive();
        paging.onPageChange(to);
        return;
      }
    }
  };
}

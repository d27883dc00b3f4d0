import { type KeyboardEvent, type RefObject, useEffect, useRef } from "react";
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
    if (event.nativeEvent.defaultPrevented) return;
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
      case "open": {
        // On the region itself (or from the page) Enter opens the current row.
        const opening = row ?? (target === event.currentTarget ? active.activeRow : undefined);
        // On the name itself Enter is the link's (or button's) own; elsewhere in the row it opens.
        if (opening === undefined || target === active.openElement(opening.id)) return;
        event.preventDefault();
        active.openElement(opening.id)?.click();
        return;
      }
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

/** Where a key is the field's, a control's or a dialog's own, never a page shortcut. */
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog, [role="dialog"], [role="menu"], [role="listbox"]';

/** Enter keeps its meaning on anything that acts on it. */
const ACTS_ON_ENTER =
  'a[href], button, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

/**
 * The queue's letters work from anywhere on the page, not only once the table has the
 * focus: j/k (and n/p) bring the keyboard into the rows, Enter on the page itself opens
 * the current request. Never while typing in a field or with a dialog open, and never
 * the arrows or Home/End, which scroll the page.
 */
export function usePageQueueKeys(
  region: RefObject<HTMLElement | null>,
  handle: (event: KeyboardEvent<HTMLElement>) => void,
): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const element = region.current;
      if (element === null || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : document.body;
      if (element.contains(target)) return; // the table's own handler has it
      if (target.closest(OWN_KEYS) !== null || document.querySelector("dialog[open]") !== null) {
        return;
      }
      const action = queueKeyAction(event);
      if (action === null) return;
      const letter = /^[a-z]$/.test(event.key);
      const enterOnPage = action === "open" && target.closest(ACTS_ON_ENTER) === null;
      if (!letter && !enterOnPage) return;
      if (action === "toggle") return; // x acts on the row in focus only
      // The table's handler, as if the key had been pressed on its scroll region.
      latest.current({
        nativeEvent: event,
        target: element,
        currentTarget: element,
        preventDefault: () => event.preventDefault(),
      } as unknown as KeyboardEvent<HTMLElement>);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [region]);
}

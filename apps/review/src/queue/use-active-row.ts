import { useEffect, useRef, useState } from "react";
import type { QueueRow } from "../api-types";

export interface ActiveRow {
  /** The row the keyboard is on: the requested one, else the first. */
  activeIndex: number;
  activeRow: QueueRow | undefined;
  setActive: (id: string) => void;
  /** Makes the row at `index` the active one and moves the focus to its name. */
  focusRow: (index: number) => void;
  /** The name (link or button) that opens each row, for focus and Enter. */
  openElement: (id: string) => HTMLElement | undefined;
  registerOpen: (id: string, node: HTMLElement | null) => void;
  /** After n/p: the next page's first row takes the focus once it has arrived. */
  focusFirstWhenRowsArrive: () => void;
}

/**
 * The queue's roving focus: one active row (controlled through `activeId`, or kept
 * here when that is absent), and the focus carried to it.
 */
export function useActiveRow(
  rows: ReadonlyArray<QueueRow>,
  controlledActiveId: string | null | undefined,
  onActiveIdChange: ((id: string) => void) | undefined,
): ActiveRow {
  const openRefs = useRef(new Map<string, HTMLElement>());
  const focusFirstOnNewRows = useRef(false);
  const [uncontrolledActiveId, setUncontrolledActiveId] = useState<string | null>(null);
  const requestedActive =
    controlledActiveId === undefined ? uncontrolledActiveId : controlledActiveId;
  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.id === requestedActive),
  );

  const setActive = (id: string) => {
    if (controlledActiveId === undefined) setUncontrolledActiveId(id);
    onActiveIdChange?.(id);
  };

  const focusRow = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    setActive(row.id);
    const target = openRefs.current.get(row.id);
    target?.focus();
    target?.closest("tr")?.scrollIntoView?.({ block: "nearest" });
  };

  const rowsKey = rows.map((row) => row.id).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new page arrives (rowsKey)
  useEffect(() => {
    if (!focusFirstOnNewRows.current || rows.length === 0) return;
    focusFirstOnNewRows.current = false;
    const first = rows[0];
    if (first === undefined) return;
    setActive(first.id);
    openRefs.current.get(first.id)?.focus();
  }, [rowsKey]);

  return {
    activeIndex,
    activeRow: rows[activeIndex],
    setActive,
    focusRow,
    openElement: (id) => openRefs.current.get(id),
    registerOpen: (id, node) => {
      if (node) openRefs.current.set(id, node);
      else openRefs.current.delete(id);
    },
    focusFirstWhenRowsArrive: () => {
      focusFirstOnNewRows.current = true;
    },
  };
}

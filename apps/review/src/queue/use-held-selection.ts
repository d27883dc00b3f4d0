import { useEffect, useState } from "react";
import type { QueueRow } from "../api-types";

/**
 * A selection of queue rows that outlives paging (the ministry's approval, the
 * prefecture's completion). The selected rows are kept as last read and replaced
 * by fresher reads, so their versions stay current; a row that can no longer be
 * acted on (decided, returned or closed meanwhile) leaves the selection.
 */
export function useHeldSelection(
  rows: readonly QueueRow[],
  canSelect: (row: QueueRow) => boolean,
): {
  selected: ReadonlyMap<string, QueueRow>;
  select: (ids: ReadonlySet<string>) => void;
  clear: () => void;
} {
  const [selected, setSelected] = useState<ReadonlyMap<string, QueueRow>>(new Map());

  useEffect(() => {
    setSelected((current) => {
      let changed = false;
      const next = new Map(current);
      for (const row of rows) {
        const held = next.get(row.id);
        if (held === undefined || held === row) continue;
        changed = true;
        if (canSelect(row)) next.set(row.id, row);
        else next.delete(row.id);
      }
      return changed ? next : current;
    });
  }, [rows, canSelect]);

  const select = (ids: ReadonlySet<string>) => {
    setSelected((current) => {
      const next = new Map<string, QueueRow>();
      for (const id of ids) {
        const row = current.get(id) ?? rows.find((candidate) => candidate.id === id);
        if (row !== undefined) next.set(id, row);
      }
      return next;
    });
  };

  return { selected, select, clear: () => setSelected(new Map()) };
}

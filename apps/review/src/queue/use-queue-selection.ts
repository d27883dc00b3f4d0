import { formatNumber } from "@sos/ui";
import { useState } from "react";
import type { QueueRow } from "../api-types";

export interface QueueSelection {
  /** The selection column is shown (the ministry's batch approval). */
  selectable: boolean;
  selected: ReadonlySet<string>;
  canSelect: (row: QueueRow) => boolean;
  /** Adds or removes one row, and says so (or why it cannot be selected). */
  toggle: (row: QueueRow) => void;
  /** The header checkbox: every selectable row of this page, in or out. */
  page: { selectableCount: number; selectedCount: number };
  toggleAllOnPage: (checked: boolean) => void;
  /** What the live region says after the last toggle. */
  announcement: string;
}

export function useQueueSelection(
  rows: ReadonlyArray<QueueRow>,
  selectedIds: ReadonlySet<string> | undefined,
  onSelectionChange: ((ids: ReadonlySet<string>) => void) | undefined,
  canSelect: (row: QueueRow) => boolean,
): QueueSelection {
  const [announcement, setAnnouncement] = useState("");
  const selected = selectedIds ?? new Set<string>();

  const toggle = (row: QueueRow) => {
    if (!onSelectionChange) return;
    if (!canSelect(row)) {
      setAnnouncement(`${row.institution.name}は選択できません（国確認中の要請のみ承認できます）`);
      return;
    }
    const next = new Set(selected);
    const adding = !next.has(row.id);
    if (adding) next.add(row.id);
    else next.delete(row.id);
    onSelectionChange(next);
    setAnnouncement(
      `${row.institution.name}の選択を${adding ? "追加" : "解除"}しました（選択中 ${formatNumber(next.size)}件）`,
    );
  };

  const pageSelectable = rows.filter((row) => canSelect(row));
  const toggleAllOnPage = (checked: boolean) => {
    if (!onSelectionChange) return;
    const next = new Set(selected);
    for (const row of pageSelectable) {
      if (checked) next.add(row.id);
      else next.delete(row.id);
    }
    onSelectionChange(next);
  };

  return {
    selectable: onSelectionChange !== undefined,
    selected,
    canSelect,
    toggle,
    page: {
      selectableCount: pageSelectable.length,
      selectedCount: pageSelectable.filter((row) => selected.has(row.id)).length,
    },
    toggleAllOnPage,
    announcement,
  };
}

import { formatNumber } from "@sos/ui";
import { useState } from "react";
import type { QueueRow } from "../api-types";

/** What the selection is for: the ministry's approval, or the prefecture's completion. */
export type SelectionPurpose = "approve" | "complete";

/** The selection's words for each purpose. */
export const SELECTION_WORDS: Readonly<
  Record<SelectionPurpose, { all: string; notSelectable: string; refused: string }>
> = {
  approve: {
    all: "このページの承認できる要請をすべて選択",
    notSelectable: "国確認中ではないため選択できません",
    refused: "国確認中の要請のみ承認できます",
  },
  complete: {
    all: "このページの確認完了にできる要請をすべて選択",
    notSelectable: "都道府県確認中ではないため選択できません",
    refused: "都道府県確認中の要請のみ確認完了にできます",
  },
};

export interface QueueSelection {
  /** The selection column is shown (the ministry's batch approval, the prefecture's completion). */
  selectable: boolean;
  words: (typeof SELECTION_WORDS)[SelectionPurpose];
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
  purpose: SelectionPurpose = "approve",
): QueueSelection {
  const words = SELECTION_WORDS[purpose];
  const [announcement, setAnnouncement] = useState("");
  const selected = selectedIds ?? new Set<string>();

  const toggle = (row: QueueRow) => {
    if (!onSelectionChange) return;
    if (!canSelect(row)) {
      setAnnouncement(`${row.institution.name}は選択できません（${words.refused}）`);
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
    words,
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

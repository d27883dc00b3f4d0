import { formatNumber } from "@sos/ui";
import type { Dispatch, SetStateAction } from "react";
import type { VendorItem } from "../api-types";
import { BatchFilters, type useBatchFilter } from "./batch-filters";
import { ItemCard } from "./item-card";

export interface ItemsSectionProps {
  batchId: string;
  /** The items the filter shows. */
  items: readonly VendorItem[];
  filter: ReturnType<typeof useBatchFilter>[0];
  onFilter: ReturnType<typeof useBatchFilter>[1];
  refreshing: boolean;
  selected: ReadonlySet<string>;
  onSelected: Dispatch<SetStateAction<ReadonlySet<string>>>;
  onDone: (message: string) => void;
}

/** The list's institutions, filtered, each with its card; ticked ones are what 選択した… sends to. */
export function ItemsSection({
  batchId,
  items: shown,
  filter,
  onFilter,
  refreshing,
  selected,
  onSelected,
  onDone,
}: ItemsSectionProps) {
  const ticked = shown.filter((item) => selected.has(item.id));
  const allTicked = shown.length > 0 && ticked.length === shown.length;
  const toggle = (id: string, on: boolean) =>
    onSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section className="sos-stack" aria-labelledby="vendor-items-title">
      <h2 id="vendor-items-title" className="vendor-section-title">
        医療機関
      </h2>
      <BatchFilters filter={filter} onChange={onFilter} />
      <div className="vendor-list-bar">
        <label className="vendor-select-all">
          <input
            type="checkbox"
            checked={allTicked}
            disabled={shown.length === 0}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              onSelected(on ? new Set(shown.map((item) => item.id)) : new Set());
            }}
          />
          表示中の医療機関をすべて選択
        </label>
        <p aria-live="polite" className="vendor-muted">
          {refreshing ? "更新しています…" : `${formatNumber(shown.length)}件を表示`}
          {ticked.length > 0 && `（${formatNumber(ticked.length)}件を選択中）`}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="vendor-empty">条件に当てはまる医療機関はありません。</p>
      ) : (
        <ul className="vendor-items" aria-label="医療機関の一覧">
          {shown.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              batchId={batchId}
              selected={selected.has(item.id)}
              onSelect={(on) => toggle(item.id, on)}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

import { FIGURE_MARKS } from "@sos/ui";
import { useEffect, useRef } from "react";
import { nextSort, SortHeader } from "../common/sort-header";
import type { QueueSort, QueueSortKey } from "./queue-params";
import type { QueueSelection } from "./use-queue-selection";

/** A first click sorts the way officers look: oldest filing, least cover, largest limit first. */
const FIRST_DIRECTION: Readonly<Record<QueueSortKey, "asc" | "desc">> = {
  appliedAt: "asc",
  institutionName: "asc",
  weeksOfCover: "asc",
  limitSets: "desc",
};

function HeaderCheckbox({
  label,
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="sos-queue__checkbox"
      aria-label={label}
      checked={checked}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}

/** The queue's column headers: the sortable ones, and this page's select-all. */
export function QueueHead({
  sort,
  onSortChange,
  selection,
  ministry,
}: {
  sort: QueueSort;
  onSortChange: (sort: QueueSort) => void;
  selection: QueueSelection;
  ministry: boolean;
}) {
  const sortProps = {
    activeKey: sort.key,
    dir: sort.dir,
    onSort: (key: QueueSortKey) => onSortChange(nextSort(sort, key, (k) => FIRST_DIRECTION[k])),
  };
  const { selectableCount, selectedCount } = selection.page;
  return (
    <thead>
      <tr>
        {selection.selectable && (
          <th scope="col" className="sos-queue__select">
            <HeaderCheckbox
              label={selection.words.all}
              checked={selectableCount > 0 && selectedCount === selectableCount}
              indeterminate={selectedCount > 0 && selectedCount < selectableCount}
              disabled={selectableCount === 0}
              onChange={selection.toggleAllOnPage}
            />
          </th>
        )}
        <SortHeader sortKey="institutionName" {...sortProps}>
          医療機関
        </SortHeader>
        {ministry && <th scope="col">都道府県</th>}
        <th scope="col" className="sos-queue__cell--end">
          {FIGURE_MARKS.stock}在庫<span className="sos-queue__unit">（枚）</span>
        </th>
        <th scope="col" className="sos-queue__cell--end">
          {FIGURE_MARKS.consumption}消費<span className="sos-queue__unit">（枚/週）</span>
        </th>
        <th scope="col" className="sos-queue__cell--end">
          {FIGURE_MARKS.purchases}購入<span className="sos-queue__unit">（枚/週）</span>
        </th>
        <th scope="col">
          判定<span className="sos-queue__unit">（①＜（②−③）×4）</span>
        </th>
        <SortHeader sortKey="limitSets" className="sos-queue__cell--end" {...sortProps}>
          購入上限
        </SortHeader>
        <SortHeader sortKey="weeksOfCover" className="sos-queue__cell--end" {...sortProps}>
          在庫週数
        </SortHeader>
        <SortHeader sortKey="appliedAt" {...sortProps}>
          申請日時
        </SortHeader>
        <th scope="col">状態</th>
      </tr>
    </thead>
  );
}

/** The keys the table answers to, above it (and its description). */
export function QueueKeyHint({ id, selectable }: { id: string; selectable: boolean }) {
  return (
    <p className="sos-queue__hint" id={id}>
      <span className="sos-queue__hint-label">キーボード操作：</span>
      <span>
        <kbd>j</kbd>・<kbd>↓</kbd> 次の要請
      </span>
      <span>
        <kbd>k</kbd>・<kbd>↑</kbd> 前の要請
      </span>
      <span>
        <kbd>Enter</kbd> 開く
      </span>
      {selectable && (
        <span>
          <kbd>x</kbd> 選択・解除
        </span>
      )}
      <span>
        <kbd>n</kbd>・<kbd>p</kbd> 次・前のページ
      </span>
    </p>
  );
}

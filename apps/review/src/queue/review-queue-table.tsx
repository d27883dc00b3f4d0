import { Alert, Button, FIGURE_MARKS, formatNumber } from "@sos/ui";
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { pageCountOf } from "../common/format";
import { nextSort, SortHeader } from "../common/sort-header";
import type {
  PrefectureOption,
  ReviewQueueFilters,
  ReviewQueueRow,
  ReviewQueueSort,
  ReviewQueueSortKey,
} from "../common/view-types";
import {
  CoverCell,
  EligibilityCell,
  FigureCell,
  FiledCell,
  LimitCell,
  StageCell,
} from "./queue-cells";
import { movedIndex, queueKeyAction } from "./queue-keys";
import { ReviewQueueFilterBar } from "./review-queue-filter-bar";
import { ReviewQueuePagination } from "./review-queue-pagination";
import "../common/review-parts.css";
import "./review-queue-table.css";

export interface ReviewQueueTableProps {
  /** Names the table, e.g. 「確認待ちの要請（東京都）」. */
  caption: ReactNode;
  /** This page's rows, in the server's order. */
  rows: ReadonlyArray<ReviewQueueRow>;
  /** All rows matching the filters, over every page. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  pageSizeOptions?: ReadonlyArray<number> | undefined;
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  sort: ReviewQueueSort;
  onSortChange: (sort: ReviewQueueSort) => void;
  /** With onFiltersChange, shows the filter bar above the table. */
  filters?: ReviewQueueFilters | undefined;
  onFiltersChange?: ((filters: ReviewQueueFilters) => void) | undefined;
  /** What the filter bar's 「条件をクリア」 restores (see ReviewQueueFilterBar). */
  defaultFilters?: Readonly<ReviewQueueFilters> | undefined;
  /** The ministry's view: adds the prefecture column and filter. */
  prefectures?: ReadonlyArray<PrefectureOption> | undefined;
  /** The request page's address; the institution's name links to it (Ctrl+click opens a tab). */
  rowHref?: ((row: ReviewQueueRow) => string) | undefined;
  /** Opens a request (Enter, or a plain click on its name); a client-side router navigates here. */
  onOpen?: ((row: ReviewQueueRow) => void) | undefined;
  /** With onSelectionChange, adds the selection column (the ministry's batch approval). */
  selectedIds?: ReadonlySet<string> | undefined;
  onSelectionChange?: ((ids: ReadonlySet<string>) => void) | undefined;
  /** Which rows may be selected; by default those the ministry can approve (国確認中). */
  canSelect?: ((row: ReviewQueueRow) => boolean) | undefined;
  /** The row the keyboard is on. Uncontrolled (the first row) when absent. */
  activeId?: string | null | undefined;
  onActiveIdChange?: ((id: string) => void) | undefined;
  /** A new page is on its way: the current rows stay, dimmed. */
  loading?: boolean | undefined;
  /** The queue could not be loaded. */
  error?: string | null | undefined;
  onRetry?: (() => void) | undefined;
  emptyMessage?: ReactNode;
}

/** What the ministry can approve: completed by the prefecture, with the ministry. */
export function isApprovable(row: ReviewQueueRow): boolean {
  return row.status === "reviewing" && row.reviewStage === "ministry";
}

/** A first click sorts the way officers look: oldest filing, least cover, largest limit first. */
const FIRST_DIRECTION: Readonly<Record<ReviewQueueSortKey, "asc" | "desc">> = {
  appliedAt: "asc",
  institutionName: "asc",
  weeksOfCover: "asc",
  limitSets: "desc",
};

function HeaderCheckbox({
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
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
      aria-label="このページの承認できる要請をすべて選択"
      checked={checked}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}

/** Clicks meant for a control inside the row, which the row must leave alone. */
function fromControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("a, button, input, label, select") !== null;
}

/**
 * The review queue: one server page of requests, with the figures, the rule's
 * calculation, the computed limit, weeks of cover, the filing time and the stage.
 * Built to be worked through from the keyboard: j/k (or ↓/↑) move between rows,
 * Enter opens, x selects, n/p turn the page. Only the current row is in the Tab
 * order (roving tabindex), so Tab leaves the table in one step.
 */
export function ReviewQueueTable({
  caption,
  rows,
  total,
  page,
  pageSize,
  onPageChange,
  pageSizeOptions,
  onPageSizeChange,
  sort,
  onSortChange,
  filters,
  onFiltersChange,
  defaultFilters,
  prefectures,
  rowHref,
  onOpen,
  selectedIds,
  onSelectionChange,
  canSelect = isApprovable,
  activeId: controlledActiveId,
  onActiveIdChange,
  loading = false,
  error = null,
  onRetry,
  emptyMessage = "条件に一致する要請はありません。",
}: ReviewQueueTableProps) {
  const captionId = useId();
  const hintId = useId();
  const openRefs = useRef(new Map<string, HTMLElement>());
  const focusFirstOnNewRows = useRef(false);
  const [uncontrolledActiveId, setUncontrolledActiveId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const selectable = onSelectionChange !== undefined;
  const selected = selectedIds ?? new Set<string>();
  const ministry = prefectures !== undefined;
  const requestedActive =
    controlledActiveId === undefined ? uncontrolledActiveId : controlledActiveId;
  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.id === requestedActive),
  );
  const activeRow = rows[activeIndex];

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

  // After n/p the new page's first row takes the focus once it has arrived.
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

  const toggle = (row: ReviewQueueRow) => {
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
  const pageSelectedCount = pageSelectable.filter((row) => selected.has(row.id)).length;
  const toggleAllOnPage = (checked: boolean) => {
    if (!onSelectionChange) return;
    const next = new Set(selected);
    for (const row of pageSelectable) {
      if (checked) next.add(row.id);
      else next.delete(row.id);
    }
    onSelectionChange(next);
  };

  const pageCount = pageCountOf(total, pageSize);

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
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
      case "last": {
        event.preventDefault();
        // From the header or the scroll region, the keys lead into the rows.
        const from = row === undefined ? activeIndex : rowIndex;
        const to =
          row === undefined && (action === "next" || action === "previous")
            ? activeIndex
            : movedIndex(action, from, rows.length);
        focusRow(to);
        return;
      }
      case "open": {
        // On the name itself Enter is the link's (or button's) own; elsewhere in the row it opens.
        if (row === undefined || target === openRefs.current.get(row.id)) return;
        event.preventDefault();
        openRefs.current.get(row.id)?.click();
        return;
      }
      case "toggle":
        if (row === undefined || !selectable) return;
        event.preventDefault();
        toggle(row);
        return;
      case "nextPage":
      case "previousPage": {
        const to = action === "nextPage" ? page + 1 : page - 1;
        if (to < 1 || to > pageCount) return;
        event.preventDefault();
        focusFirstOnNewRows.current = true;
        onPageChange(to);
        return;
      }
    }
  };

  const handleOpenClick = (event: MouseEvent<HTMLElement>, row: ReviewQueueRow) => {
    setActive(row.id);
    if (onOpen === undefined) return;
    // Ctrl/⌘/Shift/middle clicks keep the browser's meaning (a new tab or window).
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onOpen(row);
  };

  const sortProps = {
    activeKey: sort.key,
    dir: sort.dir,
    onSort: (key: ReviewQueueSortKey) =>
      onSortChange(nextSort(sort, key, (k) => FIRST_DIRECTION[k])),
  };

  const columnCount = 10 + (selectable ? 1 : 0) + (ministry ? 1 : 0);

  return (
    <div className="sos-queue">
      {filters !== undefined && onFiltersChange !== undefined && (
        <ReviewQueueFilterBar
          filters={filters}
          onFiltersChange={onFiltersChange}
          defaultFilters={defaultFilters}
          prefectures={prefectures}
        />
      )}

      {error && (
        <Alert tone="error" title={error}>
          {onRetry !== undefined && (
            <Button variant="secondary" onClick={onRetry}>
              再読み込み
            </Button>
          )}
        </Alert>
      )}

      <p className="sos-queue__hint" id={hintId}>
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

      <section
        className="sos-queue__scroll"
        aria-labelledby={captionId}
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        onKeyDown={handleKeyDown}
      >
        <table className="sos-queue__table" aria-busy={loading || undefined}>
          <caption id={captionId} className="sos-queue__caption">
            {caption}
          </caption>
          <thead>
            <tr>
              {selectable && (
                <th scope="col" className="sos-queue__select">
                  <HeaderCheckbox
                    checked={
                      pageSelectable.length > 0 && pageSelectedCount === pageSelectable.length
                    }
                    indeterminate={
                      pageSelectedCount > 0 && pageSelectedCount < pageSelectable.length
                    }
                    disabled={pageSelectable.length === 0}
                    onChange={toggleAllOnPage}
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
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td className="sos-queue__empty" colSpan={columnCount}>
                  {loading ? "読み込み中です…" : emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const isActive = row === activeRow;
                const isSelected = selected.has(row.id);
                const rowSelectable = canSelect(row);
                const rovingIndex = isActive ? 0 : -1;
                const setOpenRef = (node: HTMLElement | null) => {
                  if (node) openRefs.current.set(row.id, node);
                  else openRefs.current.delete(row.id);
                };
                return (
                  <tr
                    key={row.id}
                    data-row-id={row.id}
                    data-active={isActive || undefined}
                    className={[
                      "sos-queue__row",
                      isActive ? "sos-queue__row--active" : undefined,
                      isSelected ? "sos-queue__row--selected" : undefined,
                    ]
                      .filter(Boolean)
                      .join(" ")}
                    onFocus={() => {
                      if (!isActive) setActive(row.id);
                    }}
                    onClick={(event) => {
                      // A click anywhere on the row puts the keyboard there too.
                      if (fromControl(event.target)) return;
                      focusRow(rows.indexOf(row));
                    }}
                  >
                    {selectable && (
                      <td className="sos-queue__select">
                        <input
                          type="checkbox"
                          className="sos-queue__checkbox"
                          tabIndex={rovingIndex}
                          aria-label={
                            rowSelectable
                              ? `${row.institution.name}を選択`
                              : `${row.institution.name}（国確認中ではないため選択できません）`
                          }
                          checked={isSelected}
                          disabled={!rowSelectable}
                          onChange={() => toggle(row)}
                        />
                      </td>
                    )}
                    <th scope="row" className="sos-queue__institution">
                      {rowHref !== undefined ? (
                        <a
                          ref={setOpenRef}
                          href={rowHref(row)}
                          className="sos-queue__open"
                          tabIndex={rovingIndex}
                          onClick={(event) => handleOpenClick(event, row)}
                        >
                          {row.institution.name}
                        </a>
                      ) : (
                        <button
                          ref={setOpenRef}
                          type="button"
                          className="sos-queue__open sos-queue__open--button"
                          tabIndex={rovingIndex}
                          onClick={(event) => handleOpenClick(event, row)}
                        >
                          {row.institution.name}
                        </button>
                      )}
                      <span className="sos-queue__meta">
                        <span className="sos-visually-hidden">医療機関コード</span>
                        <span className="sos-queue__code">{row.institution.code}</span>
                        <span>{row.institution.typeLabel}</span>
                      </span>
                    </th>
                    {ministry && <td>{row.institution.prefectureName}</td>}
                    <td className="sos-queue__cell--end">
                      <FigureCell value={row.figures?.stock} />
                    </td>
                    <td className="sos-queue__cell--end">
                      <FigureCell value={row.figures?.consumption} />
                    </td>
                    <td className="sos-queue__cell--end">
                      <FigureCell value={row.figures?.purchases} />
                    </td>
                    <td>
                      <EligibilityCell row={row} />
                    </td>
                    <td className="sos-queue__cell--end">
                      <LimitCell row={row} />
                    </td>
                    <td className="sos-queue__cell--end">
                      <CoverCell weeks={row.weeksOfCover} />
                    </td>
                    <td>
                      <FiledCell row={row} />
                    </td>
                    <td>
                      <StageCell row={row} />
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </section>

      <p className="sos-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <ReviewQueuePagination
        page={page}
        pageSize={pageSize}
        total={total}
        onPageChange={onPageChange}
        pageSizeOptions={pageSizeOptions}
        onPageSizeChange={onPageSizeChange}
      />
    </div>
  );
}

import { Alert, Button } from "@sos/ui";
import { type MouseEvent, type ReactNode, useId, useRef } from "react";
import type { QueueRow } from "../api-types";
import { pageCountOf } from "../common/format";
import { QueueHead, QueueKeyHint } from "./queue-head";
import type { QueueFilters, QueueSort } from "./queue-params";
import { QueueTableRow } from "./queue-table-row";
import { type PrefectureOption, ReviewQueueFilterBar } from "./review-queue-filter-bar";
import { ReviewQueuePagination } from "./review-queue-pagination";
import { type ActiveRow, useActiveRow } from "./use-active-row";
import { usePageQueueKeys, useQueueKeyboard } from "./use-queue-keyboard";
import {
  type QueueSelection,
  type SelectionPurpose,
  useQueueSelection,
} from "./use-queue-selection";
import "../common/review-parts.css";
import "./review-queue-table.css";

export interface ReviewQueueTableProps {
  /** Names the table, e.g. 「確認待ちの要請（東京都）」. */
  caption: ReactNode;
  /** This page's rows, in the server's order. */
  rows: ReadonlyArray<QueueRow>;
  /** All rows matching the filters, over every page. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  pageSizeOptions?: ReadonlyArray<number> | undefined;
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  sort: QueueSort;
  onSortChange: (sort: QueueSort) => void;
  /** With onFiltersChange, shows the filter bar above the table. */
  filters?: QueueFilters | undefined;
  onFiltersChange?: ((filters: QueueFilters) => void) | undefined;
  /** What the filter bar's 「条件をクリア」 restores (see ReviewQueueFilterBar). */
  defaultFilters?: Readonly<QueueFilters> | undefined;
  /** The ministry's view: adds the prefecture column and filter. */
  prefectures?: ReadonlyArray<PrefectureOption> | undefined;
  /** The request page's address; the institution's name links to it (Ctrl+click opens a tab). */
  rowHref?: ((row: QueueRow) => string) | undefined;
  /** Opens a request (Enter, or a plain click on its name); a client-side router navigates here. */
  onOpen?: ((row: QueueRow) => void) | undefined;
  /** With onSelectionChange, adds the selection column (the ministry's batch approval). */
  selectedIds?: ReadonlySet<string> | undefined;
  onSelectionChange?: ((ids: ReadonlySet<string>) => void) | undefined;
  /** Which rows may be selected; by default those the ministry can approve (国確認中). */
  canSelect?: ((row: QueueRow) => boolean) | undefined;
  /** What the selection is for, which its labels say; the ministry's approval by default. */
  selectionPurpose?: SelectionPurpose | undefined;
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
export function isApprovable(row: QueueRow): boolean {
  return row.status === "reviewing" && row.reviewStage === "ministry";
}

/** What the prefecture can complete: reviewing, with the prefecture. */
export function isCompletable(row: QueueRow): boolean {
  return row.status === "reviewing" && row.reviewStage === "prefecture";
}

/**
 * The review queue: one server page of requests, with the figures, the rule's
 * calculation, the computed limit, weeks of cover, the filing time and the stage.
 * Built to be worked through from the keyboard: j/k (or ↓/↑) move between rows,
 * Enter opens, x selects, n/p turn the page. Only the current row is in the Tab
 * order (roving tabindex), so Tab leaves the table in one step.
 */
export function ReviewQueueTable(props: ReviewQueueTableProps) {
  const { caption, rows, total, page, pageSize, onPageChange, filters, onFiltersChange } = props;
  const { prefectures, loading = false, error = null, onRetry } = props;
  const captionId = useId();
  const hintId = useId();
  const active = useActiveRow(rows, props.activeId, props.onActiveIdChange);
  const selection = useQueueSelection(
    rows,
    props.selectedIds,
    props.onSelectionChange,
    props.canSelect ?? isApprovable,
    props.selectionPurpose,
  );
  const pageCount = pageCountOf(total, pageSize);
  const handleKeyDown = useQueueKeyboard(rows, active, selection, {
    page,
    pageCount,
    onPageChange,
  });
  const scrollRef = useRef<HTMLElement>(null);
  usePageQueueKeys(scrollRef, handleKeyDown);
  const ministry = prefectures !== undefined;

  return (
    <div className="sos-queue">
      {filters !== undefined && onFiltersChange !== undefined && (
        <ReviewQueueFilterBar
          filters={filters}
          onFiltersChange={onFiltersChange}
          defaultFilters={props.defaultFilters}
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

      <QueueKeyHint id={hintId} selectable={selection.selectable} />

      <section
        ref={scrollRef}
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
          <QueueHead
            sort={props.sort}
            onSortChange={props.onSortChange}
            selection={selection}
            ministry={ministry}
          />
          <QueueBody {...props} active={active} selection={selection} ministry={ministry} />
        </table>
      </section>

      <p className="sos-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {selection.announcement}
      </p>

      <ReviewQueuePagination
        page={page}
        pageSize={pageSize}
        total={total}
        onPageChange={onPageChange}
        pageSizeOptions={props.pageSizeOptions}
        onPageSizeChange={props.onPageSizeChange}
      />
    </div>
  );
}

function QueueBody({
  rows,
  loading = false,
  emptyMessage = "条件に一致する要請はありません。",
  rowHref,
  onOpen,
  active,
  selection,
  ministry,
}: ReviewQueueTableProps & { active: ActiveRow; selection: QueueSelection; ministry: boolean }) {
  const columnCount = 10 + (selection.selectable ? 1 : 0) + (ministry ? 1 : 0);
  const handleOpenClick = (event: MouseEvent<HTMLElement>, row: QueueRow) => {
    active.setActive(row.id);
    if (onOpen === undefined) return;
    // Ctrl/⌘/Shift/middle clicks keep the browser's meaning (a new tab or window).
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onOpen(row);
  };

  if (rows.length === 0) {
    return (
      <tbody>
        <tr>
          <td className="sos-queue__empty" colSpan={columnCount}>
            {loading ? "読み込み中です…" : emptyMessage}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {rows.map((row, index) => (
        <QueueTableRow
          key={row.id}
          row={row}
          active={row === active.activeRow}
          selection={
            selection.selectable
              ? {
                  selected: selection.selected.has(row.id),
                  selectable: selection.canSelect(row),
                  notSelectable: selection.words.notSelectable,
                  onToggle: () => selection.toggle(row),
                }
              : null
          }
          ministry={ministry}
          href={rowHref?.(row)}
          openRef={(node) => active.registerOpen(row.id, node)}
          onOpenClick={(event) => handleOpenClick(event, row)}
          onActivate={() => active.setActive(row.id)}
          onRowClick={() => active.focusRow(index)}
        />
      ))}
    </tbody>
  );
}

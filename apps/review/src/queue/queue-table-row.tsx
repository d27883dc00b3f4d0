import type { MouseEvent } from "react";
import type { QueueRow } from "../api-types";
import {
  CoverCell,
  EligibilityCell,
  FigureCell,
  FiledCell,
  LimitCell,
  StageCell,
} from "./queue-cells";

export interface QueueTableRowProps {
  row: QueueRow;
  active: boolean;
  /** With the selection column: ticked, and whether it may be. */
  selection: {
    selected: boolean;
    selectable: boolean;
    /** Why a row cannot be selected (「国確認中ではないため選択できません」). */
    notSelectable: string;
    onToggle: () => void;
  } | null;
  /** The ministry's view: with the prefecture column. */
  ministry: boolean;
  href: string | undefined;
  /** The name that opens the request: for focus, Enter and the click. */
  openRef: (node: HTMLElement | null) => void;
  onOpenClick: (event: MouseEvent<HTMLElement>) => void;
  /** The row takes the keyboard (focus inside, or a click outside its controls). */
  onActivate: () => void;
  onRowClick: () => void;
}

/** Clicks meant for a control inside the row, which the row must leave alone. */
function fromControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("a, button, input, label, select") !== null;
}

/** One request of the queue; only the active row's controls are in the Tab order. */
export function QueueTableRow({
  row,
  active,
  selection,
  ministry,
  href,
  openRef,
  onOpenClick,
  onActivate,
  onRowClick,
}: QueueTableRowProps) {
  const rovingIndex = active ? 0 : -1;
  const className = [
    "sos-queue__row",
    active ? "sos-queue__row--active" : undefined,
    selection?.selected ? "sos-queue__row--selected" : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <tr
      data-row-id={row.id}
      data-active={active || undefined}
      className={className}
      onFocus={() => {
        if (!active) onActivate();
      }}
      onClick={(event) => {
        // A click anywhere on the row puts the keyboard there too.
        if (fromControl(event.target)) return;
        onRowClick();
      }}
    >
      {selection !== null && (
        <td className="sos-queue__select">
          <input
            type="checkbox"
            className="sos-queue__checkbox"
            tabIndex={rovingIndex}
            aria-label={
              selection.selectable
                ? `${row.institution.name}を選択`
                : `${row.institution.name}（${selection.notSelectable}）`
            }
            checked={selection.selected}
            disabled={!selection.selectable}
            onChange={selection.onToggle}
          />
        </td>
      )}
      <InstitutionCell
        row={row}
        href={href}
        tabIndex={rovingIndex}
        openRef={openRef}
        onOpenClick={onOpenClick}
      />
      {ministry && <td data-label="都道府県">{row.institution.prefectureName}</td>}
      <QueueFigures row={row} />
    </tr>
  );
}

function InstitutionCell({
  row,
  href,
  tabIndex,
  openRef,
  onOpenClick,
}: Pick<QueueTableRowProps, "row" | "href" | "openRef" | "onOpenClick"> & { tabIndex: number }) {
  return (
    <th scope="row" className="sos-queue__institution">
      {href !== undefined ? (
        <a
          ref={openRef}
          href={href}
          className="sos-queue__open"
          tabIndex={tabIndex}
          onClick={onOpenClick}
        >
          {row.institution.name}
        </a>
      ) : (
        <button
          ref={openRef}
          type="button"
          className="sos-queue__open sos-queue__open--button"
          tabIndex={tabIndex}
          onClick={onOpenClick}
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
  );
}

/** The figures, the rule's verdict, the limit, the cover, the filing and the stage. */
function QueueFigures({ row }: { row: QueueRow }) {
  return (
    <>
      {/* data-label: the column's name where a phone shows the row as a card. */}
      <td className="sos-queue__cell--end" data-label="①在庫（枚）">
        <FigureCell value={row.figures?.stock} />
      </td>
      <td className="sos-queue__cell--end" data-label="②消費（枚/週）">
        <FigureCell value={row.figures?.consumption} />
      </td>
      <td className="sos-queue__cell--end" data-label="③購入（枚/週）">
        <FigureCell value={row.figures?.purchases} />
      </td>
      <td data-label="判定">
        <EligibilityCell row={row} />
      </td>
      <td className="sos-queue__cell--end" data-label="購入上限">
        <LimitCell row={row} />
      </td>
      <td className="sos-queue__cell--end" data-label="在庫週数">
        <CoverCell weeks={row.weeksOfCover} />
      </td>
      <td data-label="申請日時">
        <FiledCell row={row} />
      </td>
      <td data-label="状態">
        <StageCell row={row} />
      </td>
    </>
  );
}

import { GLOVE_SIZES, INSTITUTION_TYPES, PREFECTURES } from "@sos/domain";
import { suppressTable, type TableCell } from "@sos/rules";

/**
 * The open weekly figures as a table (issue 17 #6): one row per prefecture ×
 * institution type × size, every combination (zeros included, so that a
 * missing row never says anything and secondary suppression can use any cell),
 * four measures each suppressed on its own.
 */

export const MEASURES = ["requests", "approvals", "allocatedSets", "boughtSets"] as const;
export type Measure = (typeof MEASURES)[number];

/** A measure's raw figure in a cell: its value and the institutions (requests, orders) behind it. */
export interface Raw {
  value: number;
  contributors: number;
}

export interface CellFacts {
  prefectureCode: number;
  type: string;
  size: string;
}

export interface FigureRow extends CellFacts {
  /** null: withheld (see `suppressed`), or allocatedSets of a week with no allocation run. */
  values: Record<Measure, number | null>;
  suppressed: Measure[];
}

export const cellKey = (c: CellFacts) => `${c.prefectureCode}|${c.type}|${c.size}`;

/** Every cell of the grid, in the published order: prefecture code, then type, then size. */
export function gridCells(): CellFacts[] {
  return PREFECTURES.flatMap((p) =>
    INSTITUTION_TYPES.flatMap((type) =>
      GLOVE_SIZES.map((size) => ({ prefectureCode: p.code, type, size })),
    ),
  );
}

/**
 * What bounds each measure from above in a cell: approvals are of requests;
 * a request is allocated or buys only once approved. A published zero of a
 * bound tells that the measure is zero there (see suppressTable).
 */
const BOUNDS: Record<Measure, readonly Measure[]> = {
  requests: [],
  approvals: ["requests"],
  allocatedSets: ["approvals", "requests"],
  boughtSets: ["approvals", "requests"],
};

/**
 * The rows with every small cell withheld and enough others that no row,
 * column or national per-size total gives one back (suppressTable, with the
 * whole table per size as a line: the allocation's result publishes the
 * national sets per size).
 */
export function figureRows(
  raw: Record<Measure, ReadonlyMap<string, Raw>>,
  allocationCommitted: boolean,
): FigureRow[] {
  const grid = gridCells();
  const measures = MEASURES.filter((m) => m !== "allocatedSets" || allocationCommitted);
  const cells: TableCell[] = grid.map((c) => ({
    key: [c.prefectureCode, c.type, c.size],
    figures: Object.fromEntries(
      measures.map((m) => [m, raw[m].get(cellKey(c)) ?? { value: 0, contributors: 0 }]),
    ),
  }));
  const bounds = Object.fromEntries(
    measures.map((m) => [m, BOUNDS[m].filter((u) => measures.includes(u))]),
  );
  const withheld = suppressTable(cells, { bounds, wholeTableBy: 2 });
  return grid.map((c, index) => {
    const suppressed: Measure[] = [];
    const values = {} as Record<Measure, number | null>;
    for (const measure of MEASURES) {
      const hidden = withheld[measure];
      if (hidden === undefined) {
        values[measure] = null;
      } else if (hidden[index]) {
        values[measure] = null;
        suppressed.push(measure);
      } else {
        values[measure] = raw[measure].get(cellKey(c))?.value ?? 0;
      }
    }
    return { ...c, values, suppressed };
  });
}

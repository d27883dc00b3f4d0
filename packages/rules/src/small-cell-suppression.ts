/**
 * Small-cell suppression for the open weekly figures (issue 17 #6): a cell that
 * rests on fewer than SMALL_CELL_THRESHOLD institutions is not published, and
 * further cells are withheld so that no suppressed cell can be worked out
 * from totals that are published elsewhere or that anyone can add up.
 *
 * The table is a grid of cells keyed by several dimensions (prefecture ×
 * institution type × size). A "line" is a set of cells whose sum a reader may
 * know: every combination of all dimensions but one (e.g. one prefecture and
 * one size over every institution type) and the whole table per size. Primary
 * suppression withholds cells with 1-4 contributors; secondary suppression
 * then repeats until no line holds exactly one suppressed cell: in such a line
 * it also withholds the smallest other cell with a value above 0 (or, failing
 * that, another cell of the line), so every line's total stays consistent with
 * more than one value of each withheld cell. Zero cells are published (a
 * zero rests on no institution) unless a line needs them withheld.
 */

export const SMALL_CELL_THRESHOLD = 5;

export interface Cell {
  /** One value per dimension, e.g. [13, "hospital", "M"]. */
  key: readonly (string | number)[];
  /** The published figure (a count or a number of sets). */
  value: number;
  /** How many institutions (requests) the figure rests on. */
  contributors: number;
}

/** Whether a cell rests on too few institutions to be published (1-4; 0 is not). */
export function isSmallCell(contributors: number): boolean {
  return contributors > 0 && contributors < SMALL_CELL_THRESHOLD;
}

/**
 * The lines of a table: for each dimension d, the cells sharing every other
 * dimension; plus, when `wholeTableBy` is given, the cells sharing that one
 * dimension (e.g. the national total per size).
 */
export function linesOf(cells: readonly Cell[], wholeTableBy?: number): number[][] {
  const dimensions = cells[0]?.key.length ?? 0;
  const groups = new Map<string, number[]>();
  const add = (name: string, index: number) => {
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [index]);
    else group.push(index);
  };
  cells.forEach((cell, index) => {
    for (let d = 0; d < dimensions; d++) {
      const rest = cell.key.map((part, i) => (i === d ? "*" : String(part)));
      add(`${d}|${JSON.stringify(rest)}`, index);
    }
    if (wholeTableBy !== undefined) add(`all|${String(cell.key[wholeTableBy])}`, index);
  });
  return [...groups.values()];
}

/**
 * Which cells to withhold (true at a cell's index). Deterministic: ties go to
 * the cell that comes first in `cells`.
 */
export function suppressSmallCells(cells: readonly Cell[], wholeTableBy?: number): boolean[] {
  const suppressed = cells.map((cell) => isSmallCell(cell.contributors));
  const lines = linesOf(cells, wholeTableBy).filter((line) => line.length > 1);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const withheld = line.filter((i) => suppressed[i]);
      if (withheld.length !== 1) continue;
      const partner = partnerIn(line, cells, suppressed);
      if (partner === undefined) continue;
      suppressed[partner] = true;
      changed = true;
    }
  }
  return suppressed;
}

/** The cell to withhold beside a line's lone suppressed one: the smallest value above 0, else any. */
function partnerIn(
  line: readonly number[],
  cells: readonly Cell[],
  suppressed: readonly boolean[],
): number | undefined {
  let best: number | undefined;
  for (const i of line) {
    if (suppressed[i]) continue;
    const value = cells[i]?.value ?? 0;
    if (best === undefined) {
      best = i;
      continue;
    }
    const bestValue = cells[best]?.value ?? 0;
    // A positive value hides more than a zero (a reader knows a withheld zero adds nothing).
    const better =
      (value > 0 && bestValue === 0) || (value > 0 === bestValue > 0 && value < bestValue);
    if (better) best = i;
  }
  return best;
}

import { isSmallCell, linesOf } from "./small-cell-suppression";

/**
 * Suppression over several measures of one table at once (the open weekly
 * figures: requests ≥ approvals ≥ the requests allocated or bought). One
 * measure's published zero tells that a measure it bounds is zero in the same
 * cell (no approvals where no request was made), so such a withheld zero
 * hides nothing: a line's only other withheld cell would come back from its
 * total. So a line's partner is, in order: the smallest unsuppressed value
 * above 0; else a zero that no published bound gives away; else a zero whose
 * bounds are then withheld as well. Repeated over every measure until stable.
 */

export interface TableCell {
  key: readonly (string | number)[];
  figures: Readonly<Record<string, { value: number; contributors: number }>>;
}

export interface TableMeasures {
  /** The measures to withhold, each with the measures that bound it from above (transitively listed). */
  bounds: Readonly<Record<string, readonly string[]>>;
  /** A dimension whose whole-table totals are known (the national total per size). */
  wholeTableBy?: number;
}

export function suppressTable(
  cells: readonly TableCell[],
  { bounds, wholeTableBy }: TableMeasures,
): Record<string, boolean[]> {
  const measures = Object.keys(bounds);
  const value = (m: string, i: number) => cells[i]?.figures[m]?.value ?? 0;
  const hidden: Record<string, boolean[]> = {};
  for (const m of measures) {
    hidden[m] = cells.map((c) => isSmallCell(c.figures[m]?.contributors ?? 0));
  }
  const isHidden = (m: string, i: number) => hidden[m]?.[i] === true;
  /** A reader knows m is 0 in cell i: a measure bounding it is published as 0 there. */
  const knownZero = (m: string, i: number) =>
    (bounds[m] ?? []).some((u) => !isHidden(u, i) && value(u, i) === 0);
  const lines = linesOf(
    cells.map((c) => ({ key: c.key, value: 0, contributors: 0 })),
    wholeTableBy,
  ).filter((line) => line.length > 1);
  let changed = true;
  while (changed) {
    changed = false;
    for (const m of measures) {
      for (const line of lines) {
        if (line.filter((i) => isHidden(m, i)).length !== 1) continue;
        const open = line.filter((i) => !isHidden(m, i));
        const positive = open.filter((i) => value(m, i) > 0);
        const partner =
          positive.sort((a, b) => value(m, a) - value(m, b))[0] ??
          open.find((i) => !knownZero(m, i)) ??
          open[0];
        if (partner === undefined) continue;
        for (const u of [m, ...(knownZero(m, partner) ? (bounds[m] ?? []) : [])]) {
          const row = hidden[u];
          if (row) row[partner] = true;
        }
        changed = true;
      }
    }
  }
  return hidden;
}

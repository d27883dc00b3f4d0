import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, isSmallCell, linesOf, suppressSmallCells } from "../src/index";

/** A full grid: prefectures × types × sizes, each cell's value = its contributors. */
function grid(values: readonly number[], dims: readonly [number, number, number]): Cell[] {
  const cells: Cell[] = [];
  let n = 0;
  for (let p = 0; p < dims[0]; p++) {
    for (let t = 0; t < dims[1]; t++) {
      for (let s = 0; s < dims[2]; s++) {
        const value = values[n++ % values.length] ?? 0;
        cells.push({ key: [p + 1, `t${t}`, `s${s}`], value, contributors: value });
      }
    }
  }
  return cells;
}

describe("small cells", () => {
  it("1-4 are small; 0 and 5 are not", () => {
    expect([0, 1, 4, 5, 100].map(isSmallCell)).toEqual([false, true, true, false, false]);
  });

  it("a lone small cell in a row is joined by the smallest positive cell of each of its lines", () => {
    // 2 prefectures × 1 type × 3 sizes; the whole table per size (index 2) is a line too.
    const cells: Cell[] = [
      { key: [1, "h", "S"], value: 3, contributors: 3 },
      { key: [1, "h", "M"], value: 9, contributors: 9 },
      { key: [1, "h", "L"], value: 7, contributors: 7 },
      { key: [2, "h", "S"], value: 8, contributors: 8 },
      { key: [2, "h", "M"], value: 6, contributors: 6 },
      { key: [2, "h", "L"], value: 0, contributors: 0 },
    ];
    const withheld = suppressSmallCells(cells, 2);
    // Primary: (1,S). Row of prefecture 1: the smallest other, (1,L)=7. Column S: (2,S).
    // Then column L holds (1,L) alone: (2,L) is its only other cell, a zero.
    // Row of prefecture 2 then holds (2,S) and (2,L): two, so it stops.
    expect(withheld).toEqual([true, false, true, true, false, true]);
  });

  it("sets are withheld by the institutions behind them, not by their size", () => {
    const cells: Cell[] = [
      { key: [1, "M"], value: 40, contributors: 2 },
      { key: [2, "M"], value: 3, contributors: 3 },
      { key: [3, "M"], value: 50, contributors: 10 },
    ];
    expect(suppressSmallCells(cells)).toEqual([true, true, false]);
  });

  it("nothing small, nothing withheld", () => {
    expect(suppressSmallCells(grid([0, 5, 6, 12], [3, 2, 2]), 2).some(Boolean)).toBe(false);
  });
});

describe("no withheld cell can be worked out from a total (properties)", () => {
  const table = fc
    .record({
      dims: fc.tuple(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
      ),
      values: fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })),
        {
          minLength: 1,
          maxLength: 80,
        },
      ),
    })
    .map(({ dims, values }) => grid(values, dims));

  it("every small cell is withheld, and no line (row, column, or size total) holds exactly one withheld cell", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const withheld = suppressSmallCells(cells, 2);
        cells.forEach((cell, i) => {
          if (isSmallCell(cell.contributors)) expect(withheld[i]).toBe(true);
        });
        for (const line of linesOf(cells, 2)) {
          const n = line.filter((i) => withheld[i]).length;
          expect(n === 0 || n >= 2, `line ${JSON.stringify(line)} holds ${n}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(table, (cells) => {
        expect(suppressSmallCells(cells, 2)).toEqual(suppressSmallCells([...cells], 2));
      }),
    );
  });
});

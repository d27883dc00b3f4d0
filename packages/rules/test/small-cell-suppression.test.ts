import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Cell,
  isSmallCell,
  linesOf,
  suppressSmallCells,
  suppressTable,
  type TableCell,
} from "../src/index";

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

describe("several measures at once: a published zero bounds what it covers", () => {
  const BOUNDS = {
    bounds: { requests: [], approvals: ["requests"], bought: ["approvals", "requests"] },
    wholeTableBy: 2,
  };

  /** Cells whose figures respect requests ≥ approvals ≥ bought (as the scheme's do). */
  const table = fc
    .record({
      dims: fc.tuple(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
      ),
      figures: fc.array(
        fc
          .tuple(
            fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          )
          .map(([r, a, b]) => {
            const approvals = Math.floor(r * a);
            return { requests: r, approvals, bought: Math.floor(approvals * b) };
          }),
        { minLength: 1, maxLength: 40 },
      ),
    })
    .map(({ dims, figures }) =>
      grid([0], dims).map((cell, i): TableCell => {
        const f = figures[i % figures.length] ?? { requests: 0, approvals: 0, bought: 0 };
        const fig = (n: number) => ({ value: n, contributors: n });
        return {
          key: cell.key,
          figures: {
            requests: fig(f.requests),
            approvals: fig(f.approvals),
            bought: fig(f.bought),
          },
        };
      }),
    );

  it("no line holds exactly one withheld cell that a reader cannot tell is zero", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const hidden = suppressTable(cells, BOUNDS);
        const shownZero = (m: string, i: number) =>
          !hidden[m]?.[i] && (cells[i]?.figures[m]?.value ?? 0) === 0;
        for (const [m, bounds] of Object.entries(BOUNDS.bounds)) {
          cells.forEach((cell, i) => {
            if (isSmallCell(cell.figures[m]?.contributors ?? 0)) expect(hidden[m]?.[i]).toBe(true);
          });
          for (const line of linesOf(
            cells.map((c) => ({ key: c.key, value: 0, contributors: 0 })),
            2,
          )) {
            const withheld = line.filter((i) => hidden[m]?.[i]);
            // A withheld cell the reader knows is zero adds nothing to what the total hides.
            const unknown = withheld.filter((i) => !bounds.some((u) => shownZero(u, i)));
            expect(
              withheld.length === 0 || unknown.length >= 2,
              `${m}: ${unknown.length} of ${withheld.length}`,
            ).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a lone approval beside published zeros: the zero partner's request count is withheld too", () => {
    // One prefecture, one type, three sizes: 7 requests in M, 2 approved; nothing in S or L.
    const cells = ["S", "M", "L"].map((size) => {
      const n = size === "M" ? [7, 2] : [0, 0];
      return {
        key: [13, "hospital", size],
        figures: {
          requests: { value: n[0] ?? 0, contributors: n[0] ?? 0 },
          approvals: { value: n[1] ?? 0, contributors: n[1] ?? 0 },
        },
      };
    });
    const hidden = suppressTable(cells, { bounds: { requests: [], approvals: ["requests"] } });
    // Approvals: M (2) and a partner, S (0); S's request count 0 would tell, so it goes too;
    // then requests holds S alone in its row, and takes M (7) as its partner.
    expect(hidden).toEqual({ requests: [true, true, false], approvals: [true, true, false] });
  });
});

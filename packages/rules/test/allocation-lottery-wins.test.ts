import { describe, expect, it } from "vitest";
import { allocate, byLottery, canonicalJson, lotteryWins } from "../src/index";
import { input, request, withNeed } from "./allocation-fixtures";

const first = (codes: string[], seed: string, size: string) =>
  byLottery(
    codes.map((code) => ({ code })),
    seed,
    size,
  ).map((c) => c.code);

describe("lotteryWins: the sets each request won by lottery", () => {
  it("demand fits: nobody won anything by lottery", () => {
    expect(lotteryWins(input({ M: 9 }, [request("A", { M: 4 }), request("B", { M: 5 })]))).toEqual(
      new Map(),
    );
  });

  it("one set each where the tier runs out: exactly the winners of the draw", () => {
    const codes = ["A", "B", "C", "D", "E"];
    const wins = lotteryWins(
      input(
        { M: 3 },
        codes.map((c) => request(c, { M: 4 })),
      ),
    );
    const winners = first(codes, "seed-2026-12-09", "M").slice(0, 3);
    expect([...wins.keys()].sort()).toEqual([...winners].sort());
    for (const code of winners) expect(wins.get(code)).toEqual({ M: 1 });
  });

  it("the set over among equal remainders: the lower lottery number wins it", () => {
    const seed = "tie";
    const wins = lotteryWins(
      input({ M: 5 }, [request("A", { M: 5 }), request("B", { M: 5 })], seed),
    );
    expect(wins).toEqual(new Map([[first(["A", "B"], seed, "M")[0], { M: 1 }]]));
  });

  it("a larger remainder is no lottery win; listening changes nothing of the result", () => {
    const week = input({ M: 6 }, [withNeed("A", { M: 9 }, 3000), withNeed("B", { M: 9 }, 4000)]);
    expect(lotteryWins(week)).toEqual(new Map());
    const heard: string[] = [];
    const tied = input({ M: 5 }, [request("A", { M: 5 }), request("B", { M: 5 })], "tie");
    expect(canonicalJson(allocate(tied, { onLottery: (code) => heard.push(code) }))).toBe(
      canonicalJson(allocate(tied)),
    );
    expect(heard).toHaveLength(1);
  });
});

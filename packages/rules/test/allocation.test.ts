import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALLOCATION_RULE_TEXT_EN,
  ALLOCATION_RULE_TEXT_JA,
  allocate,
  allocationNeed,
  allocationTier,
  byLottery,
  canonicalJson,
  DEFAULT_ALLOCATION_PARAMETERS,
  lotteryKey,
  seedCommitment,
} from "../src/index";
import { input, request, table, withNeed } from "./allocation-fixtures";

/** The codes in ascending lottery order for a size. */
const lotteryOrder = (codes: string[], seed: string, size: string) =>
  byLottery(
    codes.map((code) => ({ code })),
    seed,
    size,
  ).map((c) => c.code);

describe("allocate — demand fits", () => {
  it("demand == supply: everyone gets exactly what it asked for, nothing is rationed", () => {
    const result = allocate(
      input({ S: 5, M: 3 }, [request("A", { S: 2, M: 1 }), request("B", { S: 3, M: 2 })]),
    );
    expect(table(result)).toEqual({ A: { S: 2, M: 1 }, B: { S: 3, M: 2 } });
    expect(result.sizes).toEqual([
      { size: "S", supplySets: 5, demandSets: 5, allocatedSets: 5, rationed: false },
      { size: "M", supplySets: 3, demandSets: 3, allocatedSets: 3, rationed: false },
    ]);
  });

  it("demand below supply: the ask, not more; the spare sets stay unallocated", () => {
    const result = allocate(input({ M: 100 }, [request("A", { M: 4 })]));
    expect(table(result)).toEqual({ A: { M: 4 } });
    expect(result.sizes[0]?.allocatedSets).toBe(4);
  });

  it("no requests: every size allocates 0", () => {
    expect(allocate(input({ S: 3 }, [])).sizes).toEqual([
      { size: "S", supplySets: 3, demandSets: 0, allocatedSets: 0, rationed: false },
    ]);
  });

  it("a size nobody asked for is reported with 0 for every request", () => {
    expect(table(allocate(input({ S: 0, M: 2 }, [request("A", { M: 2 })])))).toEqual({
      A: { S: 0, M: 2 },
    });
  });
});

describe("allocate — supply short", () => {
  it("supply 0: nobody gets anything, the size is rationed", () => {
    const result = allocate(input({ M: 0 }, [request("A", { M: 2 }), request("B", { M: 1 })]));
    expect(table(result)).toEqual({ A: { M: 0 }, B: { M: 0 } });
    expect(result.sizes[0]).toMatchObject({ allocatedSets: 0, demandSets: 3, rationed: true });
  });

  it("one request, short supply: it gets the whole supply", () => {
    expect(table(allocate(input({ M: 3 }, [request("A", { M: 5 })])))).toEqual({ A: { M: 3 } });
  });

  it("supply < number of requests: one set each to the lowest lottery numbers, nobody gets 2", () => {
    const codes = ["A", "B", "C", "D", "E"];
    const result = allocate(
      input(
        { M: 3 },
        codes.map((c) => request(c, { M: 4 })),
      ),
    );
    const winners = lotteryOrder(codes, "seed-2026-12-09", "M").slice(0, 3);
    for (const code of codes) {
      expect(table(result)[code]?.M).toBe(winners.includes(code) ? 1 : 0);
    }
  });

  it("supply < number of requests: the first tier gets its one set each before the lottery moves on", () => {
    const top = [request("T1", { M: 2 }, { supplyAgreement: true })];
    const rest = ["A", "B", "C"].map((c) => request(c, { M: 2 }));
    const result = allocate(input({ M: 2 }, [...top, ...rest]));
    expect(table(result).T1?.M).toBe(1);
    const second = lotteryOrder(["A", "B", "C"], "seed-2026-12-09", "M")[0] ?? "";
    expect(table(result)[second]?.M).toBe(1);
    expect(result.sizes[0]?.allocatedSets).toBe(2);
  });

  it("supply == number of requests: exactly one set each, whatever the need", () => {
    const result = allocate(
      input({ M: 3 }, [
        withNeed("A", { M: 9 }, 40_000),
        withNeed("B", { M: 9 }, 4),
        withNeed("C", { M: 9 }, 8),
      ]),
    );
    expect(table(result)).toEqual({ A: { M: 1 }, B: { M: 1 }, C: { M: 1 } });
  });

  it("the open-LMIS question: 50 sets across asks of 25/35/40 by need 2,500/3,500/4,000", () => {
    // One set each (47 left), then 47 x need / 10,000 = 11.75, 16.45, 18.8:
    // floors 11, 16, 18 (45), the 2 left to the largest remainders .8 (C) and .75 (A).
    const result = allocate(
      input({ M: 50 }, [
        withNeed("A", { M: 25 }, 2500),
        withNeed("B", { M: 35 }, 3500),
        withNeed("C", { M: 40 }, 4000),
      ]),
    );
    expect(table(result)).toEqual({ A: { M: 13 }, B: { M: 17 }, C: { M: 20 } });
  });

  it("limits binding: a share above the ask is capped and the rest goes to the others", () => {
    // Need 36,000 vs 4,000: A's share of 9 left would be 8.1, above its remaining ask of 1.
    const result = allocate(
      input({ M: 10 }, [withNeed("A", { M: 2 }, 36_000), withNeed("B", { M: 20 }, 4000)]),
    );
    expect(table(result)).toEqual({ A: { M: 2 }, B: { M: 8 } });
  });

  it("limits binding in cascade: each capped request frees sets that the next may not take either", () => {
    const result = allocate(
      input({ M: 20 }, [
        withNeed("A", { M: 2 }, 10_000),
        withNeed("B", { M: 4 }, 10_000),
        withNeed("C", { M: 30 }, 10_000),
      ]),
    );
    expect(table(result)).toEqual({ A: { M: 2 }, B: { M: 4 }, C: { M: 14 } });
  });

  it("never above the ask in a size, even when the limit leaves room", () => {
    const result = allocate(
      input({ S: 10, M: 1 }, [
        request("A", { S: 1, M: 3 }, { limitSets: 20 }),
        request("B", { M: 3 }),
      ]),
    );
    expect(table(result).A).toEqual({ S: 1, M: expect.any(Number) });
    expect(result.sizes[0]?.allocatedSets).toBe(1);
  });

  it("tiers: the agreement tier is served in full before the next gets more than its one set", () => {
    const result = allocate(
      input({ M: 10 }, [
        request("A", { M: 6 }, { supplyAgreement: true }),
        request("B", { M: 6 }),
        request("C", { M: 6 }),
      ]),
    );
    expect(table(result).A?.M).toBe(6);
    expect((table(result).B?.M ?? 0) + (table(result).C?.M ?? 0)).toBe(4);
  });

  it("tier order swapped: weeks of cover decides before the agreement", () => {
    const urgent = request("U", { M: 6 }, { stock: 500, consumption: 1000 });
    const agreed = request(
      "G",
      { M: 6 },
      { stock: 3000, consumption: 1000, supplyAgreement: true },
    );
    const coverFirst = {
      ...DEFAULT_ALLOCATION_PARAMETERS,
      tierOrder: ["weeks_of_cover", "supply_agreement"] as const,
    };
    expect(table(allocate(input({ M: 7 }, [urgent, agreed])))).toEqual({
      G: { M: 6 },
      U: { M: 1 },
    });
    expect(table(allocate(input({ M: 7 }, [urgent, agreed], "s", coverFirst)))).toEqual({
      G: { M: 1 },
      U: { M: 6 },
    });
  });

  it("ties in the lottery: equal needs, the one set over goes to the lower lottery number", () => {
    const seed = "tie";
    const result = allocate(
      input({ M: 5 }, [request("A", { M: 5 }), request("B", { M: 5 })], seed),
    );
    const [first, second] = lotteryOrder(["A", "B"], seed, "M");
    expect(table(result)[first ?? ""]?.M).toBe(3);
    expect(table(result)[second ?? ""]?.M).toBe(2);
  });

  it("ties in the lottery: another seed can turn the outcome, each size draws on its own", () => {
    const outcomes = new Set<string>();
    for (const seed of ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]) {
      const r = allocate(
        input({ S: 3, M: 3 }, [request("A", { S: 2, M: 2 }), request("B", { S: 2, M: 2 })], seed),
      );
      outcomes.add(`${table(r).A?.S}${table(r).A?.M}`);
      expect(table(r).A?.S).toBe(lotteryOrder(["A", "B"], seed, "S")[0] === "A" ? 2 : 1);
      expect(table(r).A?.M).toBe(lotteryOrder(["A", "B"], seed, "M")[0] === "A" ? 2 : 1);
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it("largest remainder before the lottery: a larger remainder wins whatever the lottery number", () => {
    // 4 left after one set each; shares 4 x 3/7 = 1.71 and 4 x 4/7 = 2.29: A's .71 beats B's .29.
    for (const seed of ["x", "y", "z"]) {
      const r = allocate(
        input({ M: 6 }, [withNeed("A", { M: 9 }, 3000), withNeed("B", { M: 9 }, 4000)], seed),
      );
      expect(table(r)).toEqual({ A: { M: 3 }, B: { M: 3 } });
    }
  });
});

describe("allocate — need, tiers and determinism", () => {
  it("need: the manual's example (stock 2,000, use 1,000, purchases 400) is 400 pieces short", () => {
    expect(
      allocationNeed(
        { stock: 2000, consumption: 1000, purchases: 400 },
        DEFAULT_ALLOCATION_PARAMETERS,
      ),
    ).toBe(400);
    expect(
      allocationNeed(
        { stock: 9000, consumption: 1000, purchases: 0 },
        DEFAULT_ALLOCATION_PARAMETERS,
      ),
    ).toBe(0);
    expect(
      allocationNeed({ stock: 0, consumption: 400, purchases: 400 }, DEFAULT_ALLOCATION_PARAMETERS),
    ).toBe(0);
  });

  it("tier: agreement x cover bands [1, 2], cover judged on whole pieces at the band edges", () => {
    const p = DEFAULT_ALLOCATION_PARAMETERS;
    const t = (stock: number, supplyAgreement: boolean) =>
      allocationTier({ stock, consumption: 1000, purchases: 0, supplyAgreement }, p);
    expect([t(999, true), t(1000, true), t(1999, true), t(2000, true)]).toEqual([1, 2, 2, 3]);
    expect([t(999, false), t(1000, false), t(2000, false)]).toEqual([4, 5, 6]);
    expect(
      allocationTier({ stock: 0, consumption: 5, purchases: 5, supplyAgreement: false }, p),
    ).toBe(6);
    expect(
      allocationTier(
        { stock: 0, consumption: 5, purchases: 0, supplyAgreement: true },
        { ...p, tierOrder: [] },
      ),
    ).toBe(1);
  });

  it("the same input in another order gives the same bytes (worked by hand below)", () => {
    // S: 4 sets, asks A 3 (need 800), B 4 (1,200): one each, 2 left at 0.8 and 1.2 →
    // floors 0 and 1, the last set to A's remainder .8 → A 2, B 2.
    // M: 4 sets, asks A 2 (need 800), C 5 (4,000): one each, 2 left at 0.33 and 1.67 →
    // floors 0 and 1, the last set to C's .67 → A 1, C 3.
    const requests = [
      withNeed("A", { S: 3, M: 2 }, 800),
      withNeed("B", { S: 4 }, 1200),
      request("C", { M: 5 }),
    ];
    const forward = canonicalJson(allocate(input({ S: 4, M: 4 }, requests)));
    const backward = canonicalJson(allocate(input({ S: 4, M: 4 }, [...requests].reverse())));
    expect(backward).toBe(forward);
    expect(forward).toMatchInlineSnapshot(
      `"{"requests":[{"allocated":{"M":1,"S":2},"code":"A","needPieces":800,"tier":4,"totalSets":3},{"allocated":{"M":0,"S":2},"code":"B","needPieces":1200,"tier":4,"totalSets":2},{"allocated":{"M":3,"S":0},"code":"C","needPieces":4000,"tier":4,"totalSets":3}],"rule":"sos-allocation/1","sizes":[{"allocatedSets":4,"demandSets":7,"rationed":true,"size":"S","supplySets":4},{"allocatedSets":4,"demandSets":7,"rationed":true,"size":"M","supplySets":4}]}"`,
    );
  });

  it("lottery numbers are plain SHA-256, checkable with any tool", () => {
    const expected = createHash("sha256")
      .update("sos-allocation/1\nseed\nM\n0123456789", "utf8")
      .digest("hex");
    expect(lotteryKey("seed", "M", "0123456789")).toBe(expected);
    expect(seedCommitment("秘密のシード")).toBe(
      createHash("sha256").update("秘密のシード", "utf8").digest("hex"),
    );
  });

  it("refuses inputs the rule does not define", () => {
    const ok = input({ M: 1 }, [request("A", { M: 1 })]);
    const bad: [string, unknown][] = [
      [
        "code A appears twice",
        { ...ok, requests: [request("A", { M: 1 }), request("A", { M: 1 })] },
      ],
      ["above its limit", { ...ok, requests: [request("A", { M: 2 }, { limitSets: 1 })] }],
      ["not supplied", { ...ok, requests: [request("A", { L: 1 })] }],
      [
        "supplied twice",
        {
          ...ok,
          supply: [
            { size: "M", sets: 1 },
            { size: "M", sets: 2 },
          ],
        },
      ],
      ["supply of M", { ...ok, supply: [{ size: "M", sets: -1 }] }],
      ["seed", { ...ok, seed: "" }],
      ["line break", { ...ok, seed: "a\nb" }],
      ["stock", { ...ok, requests: [request("A", { M: 1 }, { stock: 1.5 })] }],
      ["ascending", { ...ok, parameters: { ...ok.parameters, coverBandsWeeks: [2, 2] } }],
      ["thresholdWeeks", { ...ok, parameters: { ...ok.parameters, thresholdWeeks: 0 } }],
      [
        "appears twice",
        {
          ...ok,
          parameters: { ...ok.parameters, tierOrder: ["supply_agreement", "supply_agreement"] },
        },
      ],
    ];
    for (const [message, value] of bad) {
      expect(() => allocate(value as typeof ok), message).toThrow(message);
    }
    expect(() => allocate(ok)).not.toThrow();
  });

  it("canonical JSON: sorted keys, no whitespace, integers only", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "é" }], a: true })).toBe(
      '{"a":true,"b":[1,{"c":"é","d":null}]}',
    );
    expect(canonicalJson(-0)).toBe("0");
    expect(() => canonicalJson(0.5)).toThrow(RangeError);
    expect(() => canonicalJson(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it("exact past 2^53: huge needs and supplies still split as on paper", () => {
    // Needs near the survey's ceiling (4 x 10,000,000 pieces) and a supply near the cap.
    const big = allocate(
      input({ M: 999_999_999 }, [
        request("A", { M: 10_000_000 }, { consumption: 10_000_000, limitSets: 10_000_000 }),
        request(
          "B",
          { M: 10_000_000 },
          { consumption: 10_000_000, stock: 1, limitSets: 10_000_000 },
        ),
      ]),
    );
    expect(table(big)).toEqual({ A: { M: 10_000_000 }, B: { M: 10_000_000 } });
    const split = allocate(
      input({ M: 10_000_001 }, [
        request("A", { M: 10_000_000 }, { consumption: 10_000_000, limitSets: 10_000_000 }),
        request(
          "B",
          { M: 10_000_000 },
          { consumption: 10_000_000, stock: 1, limitSets: 10_000_000 },
        ),
      ]),
    );
    // 9,999,999 left, needs 40,000,000 and 39,999,999: A 5,000,000.06…, B 4,999,998.93…
    expect(table(split)).toEqual({ A: { M: 5_000_001 }, B: { M: 5_000_000 } });
  });

  it("the rule text names the version, the lottery text and how to recompute, in Japanese and English", () => {
    for (const text of [ALLOCATION_RULE_TEXT_JA, ALLOCATION_RULE_TEXT_EN]) {
      expect(text).toContain("sos-allocation/1");
      expect(text).toContain("sha256sum");
      expect(text).toContain("SHA-256");
    }
    expect(ALLOCATION_RULE_TEXT_JA).toContain("再計算の方法");
    expect(ALLOCATION_RULE_TEXT_JA).toContain("必要量に比例");
  });
});

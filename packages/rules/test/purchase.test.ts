import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PurchaseLine, validatePurchase } from "../src/index";

const SIZES = ["SS", "S", "M", "L", "LL"] as const;

describe("validatePurchase — accepted orders", () => {
  it("the manual's example: limit 3, bought as 2 x S + 1 x M", () => {
    expect(
      validatePurchase({
        limitSets: 3,
        lines: [
          { size: "S", sets: 2 },
          { size: "M", sets: 1 },
        ],
      }),
    ).toEqual({ ok: true, value: { totalSets: 3 } });
  });

  it("fewer sets than the limit (limit 4, buys 1-3) is allowed", () => {
    for (const sets of [1, 2, 3]) {
      expect(validatePurchase({ limitSets: 4, lines: [{ size: "L", sets }] })).toEqual({
        ok: true,
        value: { totalSets: sets },
      });
    }
  });

  it("exactly the limit is allowed", () => {
    expect(validatePurchase({ limitSets: 1, lines: [{ size: "M", sets: 1 }] })).toEqual({
      ok: true,
      value: { totalSets: 1 },
    });
  });

  it("lines left at 0 sets are ignored", () => {
    expect(
      validatePurchase({
        limitSets: 2,
        lines: [
          { size: "SS", sets: 0 },
          { size: "S", sets: 0 },
          { size: "M", sets: 2 },
          { size: "L", sets: 0 },
        ],
      }),
    ).toEqual({ ok: true, value: { totalSets: 2 } });
  });

  it("every size at once", () => {
    const lines = SIZES.map((size) => ({ size, sets: 2 }));
    expect(validatePurchase({ limitSets: 10, lines })).toEqual({
      ok: true,
      value: { totalSets: 10 },
    });
  });
});

describe("validatePurchase — refused orders", () => {
  it.each<[string, number, PurchaseLine[], string]>([
    ["no lines", 3, [], "empty"],
    ["only zero lines", 3, [{ size: "M", sets: 0 }], "empty"],
    ["one over the limit", 3, [{ size: "M", sets: 4 }], "over_limit"],
    [
      "over the limit only in total",
      3,
      [
        { size: "S", sets: 2 },
        { size: "M", sets: 2 },
      ],
      "over_limit",
    ],
    ["anything with limit 0 (not eligible)", 0, [{ size: "M", sets: 1 }], "over_limit"],
    ["nothing with limit 0", 0, [], "empty"],
    ["a part set (12 boxes = 1.2 sets)", 3, [{ size: "M", sets: 1.2 }], "not_whole_sets"],
    ["half a set", 3, [{ size: "M", sets: 0.5 }], "not_whole_sets"],
    ["NaN sets", 3, [{ size: "M", sets: Number.NaN }], "not_whole_sets"],
    ["infinite sets", 3, [{ size: "M", sets: Number.POSITIVE_INFINITY }], "not_whole_sets"],
    ["negative sets", 3, [{ size: "M", sets: -1 }], "negative"],
    [
      "negative sets that would balance the total",
      3,
      [
        { size: "S", sets: 5 },
        { size: "M", sets: -2 },
      ],
      "negative",
    ],
    [
      "the same size twice",
      3,
      [
        { size: "M", sets: 1 },
        { size: "M", sets: 1 },
      ],
      "duplicate_size",
    ],
    [
      "the same size twice, one of them zero",
      3,
      [
        { size: "M", sets: 0 },
        { size: "M", sets: 1 },
      ],
      "duplicate_size",
    ],
  ])("%s → %s", (_name, limitSets, lines, error) => {
    expect(validatePurchase({ limitSets, lines })).toEqual({ ok: false, error });
  });

  it("size codes are compared exactly: M and m are different lines", () => {
    expect(
      validatePurchase({
        limitSets: 2,
        lines: [
          { size: "M", sets: 1 },
          { size: "m", sets: 1 },
        ],
      }),
    ).toEqual({ ok: true, value: { totalSets: 2 } });
  });

  describe("error precedence: negative > not_whole_sets > duplicate_size > empty > over_limit", () => {
    it("negative beats not_whole_sets", () => {
      const lines = [
        { size: "S", sets: 1.5 },
        { size: "M", sets: -1 },
      ];
      expect(validatePurchase({ limitSets: 3, lines })).toEqual({ ok: false, error: "negative" });
    });

    it("a negative fraction is negative", () => {
      const lines = [{ size: "S", sets: -0.5 }];
      expect(validatePurchase({ limitSets: 3, lines })).toEqual({ ok: false, error: "negative" });
    });

    it("not_whole_sets beats duplicate_size", () => {
      const lines = [
        { size: "S", sets: 1 },
        { size: "S", sets: 1.5 },
      ];
      expect(validatePurchase({ limitSets: 3, lines })).toEqual({
        ok: false,
        error: "not_whole_sets",
      });
    });

    it("duplicate_size beats over_limit", () => {
      const lines = [
        { size: "S", sets: 5 },
        { size: "S", sets: 5 },
      ];
      expect(validatePurchase({ limitSets: 3, lines })).toEqual({
        ok: false,
        error: "duplicate_size",
      });
    });
  });

  it("a sum beyond the safe range is still over the limit", () => {
    const lines = [
      { size: "S", sets: Number.MAX_SAFE_INTEGER },
      { size: "M", sets: Number.MAX_SAFE_INTEGER },
    ];
    expect(validatePurchase({ limitSets: 3, lines })).toEqual({ ok: false, error: "over_limit" });
  });

  it.each([-1, 1.5, Number.NaN])("an invalid limit (%d) is a caller bug", (limitSets) => {
    expect(() => validatePurchase({ limitSets, lines: [] })).toThrow(RangeError);
  });
});

describe("properties", () => {
  const lines = fc.uniqueArray(
    fc.record({ size: fc.constantFrom(...SIZES), sets: fc.nat({ max: 50 }) }),
    { selector: (line) => line.size, maxLength: SIZES.length },
  );
  const limit = fc.nat({ max: 120 });

  it("whole, distinct, non-negative lines: ok ⇔ 1 <= total <= limit, and totalSets is the sum", () => {
    fc.assert(
      fc.property(limit, lines, (limitSets, ls) => {
        const total = ls.reduce((sum, l) => sum + l.sets, 0);
        const result = validatePurchase({ limitSets, lines: ls });
        if (total === 0) expect(result).toEqual({ ok: false, error: "empty" });
        else if (total > limitSets) expect(result).toEqual({ ok: false, error: "over_limit" });
        else expect(result).toEqual({ ok: true, value: { totalSets: total } });
      }),
    );
  });

  it("line order does not change the outcome", () => {
    fc.assert(
      fc.property(limit, lines, (limitSets, ls) => {
        const reversed = [...ls].reverse();
        expect(validatePurchase({ limitSets, lines: reversed })).toEqual(
          validatePurchase({ limitSets, lines: ls }),
        );
      }),
    );
  });

  it("an accepted order stays accepted under any higher limit", () => {
    fc.assert(
      fc.property(limit, fc.nat({ max: 100 }), lines, (limitSets, extra, ls) => {
        if (validatePurchase({ limitSets, lines: ls }).ok) {
          expect(validatePurchase({ limitSets: limitSets + extra, lines: ls }).ok).toBe(true);
        }
      }),
    );
  });

  it("any line with a fractional count is refused", () => {
    fc.assert(
      fc.property(
        limit,
        lines,
        fc.double({ min: 0, max: 100, noNaN: true }).filter((x) => !Number.isInteger(x)),
        (limitSets, ls, fraction) => {
          const withFraction = [...ls, { size: "XL", sets: fraction }];
          expect(validatePurchase({ limitSets, lines: withFraction })).toEqual({
            ok: false,
            error: "not_whole_sets",
          });
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { readFigures, toDrafts } from "../src/surveys/figure-drafts";

describe("readFigures", () => {
  it("reads full-width digits and commas as the survey does", () => {
    expect(readFigures({ stock: "２，０００", consumption: "1,000", purchases: "４００" })).toEqual(
      {
        figures: { stock: 2000, consumption: 1000, purchases: 400 },
        errors: {},
      },
    );
  });

  it("waits for empty boxes without calling them errors", () => {
    expect(readFigures({ stock: "2000", consumption: "", purchases: "　" })).toEqual({
      figures: null,
      errors: {},
    });
  });

  it("gives the domain's Japanese message for each bad box", () => {
    const { figures, errors } = readFigures({
      stock: "-5",
      consumption: "1.5",
      purchases: "99,999,999",
    });
    expect(figures).toBeNull();
    expect(errors).toEqual({
      stock: "0以上の整数で入力してください",
      consumption: "0以上の整数で入力してください",
      purchases: "数値が大きすぎます（上限 10,000,000 枚）",
    });
  });
});

describe("toDrafts", () => {
  it("writes stored numbers with separators and keeps typed text", () => {
    expect(toDrafts({ stock: 2000, consumption: "１０００", purchases: null })).toEqual({
      stock: "2,000",
      consumption: "１０００",
      purchases: "",
    });
    expect(toDrafts(null)).toEqual({ stock: "", consumption: "", purchases: "" });
  });
});

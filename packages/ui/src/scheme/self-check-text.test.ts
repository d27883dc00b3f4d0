import { assessEligibility } from "@sos/rules";
import { describe, expect, it } from "vitest";
import {
  announcementText,
  calculationSteps,
  conclusionText,
  limitCalculationText,
} from "./self-check-text";

describe("the manual's worked example (医療機関A)", () => {
  const figures = { stock: 2000, consumption: 1000, purchases: 400 };
  const assessment = assessEligibility(figures);

  it("shows each step with the manual's glosses", () => {
    expect(calculationSteps(figures, assessment)).toEqual([
      {
        formula: "②−③ ＝ 1,000枚 − 400枚 ＝ 600枚",
        note: "（不足量＝１週間で在庫から減っていく量）",
      },
      {
        formula: "（②−③）×４ ＝ 600枚 × 4 ＝ 2,400枚",
        note: "（約１ヶ月分の不足量＝約１ヶ月で在庫から減っていく量）",
      },
      { formula: "① 2,000枚 ＜ 2,400枚" },
    ]);
    expect(conclusionText(assessment)).toBe(
      "→ 在庫が１ヶ月以内につきると見込まれるため、配布対象に該当します。",
    );
  });

  it("gives the limit from consumption × 2", () => {
    expect(limitCalculationText(figures, assessment)).toBe(
      "②1週間の想定消費量 1,000枚 × 2 ＝ 2,000枚 → 2セット（2,000枚）まで購入できます。",
    );
    expect(announcementText(assessment)).toBe(
      "判定結果：配布対象 該当。購入上限数 2セット（2,000枚）。",
    );
  });
});

describe("not eligible", () => {
  it("compares with ≧ when the stock equals the threshold (the rule is strict)", () => {
    const figures = { stock: 2400, consumption: 1000, purchases: 400 };
    const assessment = assessEligibility(figures);
    expect(calculationSteps(figures, assessment)[2]?.formula).toBe("① 2,400枚 ≧ 2,400枚");
    expect(conclusionText(assessment)).toContain("配布対象に該当しません");
    expect(limitCalculationText(figures, assessment)).toBe(
      "配布対象に該当しないため、購入上限数は0です。",
    );
    expect(announcementText(assessment)).toBe(
      "判定結果：配布対象 非該当。購入上限数 0セット（0枚）。",
    );
  });

  it("says in words why the stock does not shrink when purchases cover use, with no negative figure", () => {
    const figures = { stock: 0, consumption: 500, purchases: 800 };
    const assessment = assessEligibility(figures);
    const steps = calculationSteps(figures, assessment);
    expect(steps).toEqual([
      {
        formula: "③ 800枚 ≧ ② 500枚",
        note: "（1週間の購入見込み量が想定消費量以上のため、在庫は減りません）",
      },
      { formula: "① 0枚 は１ヶ月後も減らない見込みです" },
    ]);
    expect(JSON.stringify(steps)).not.toMatch(/[−-]\d/);
    expect(conclusionText(assessment)).toContain("在庫は減らない見込み");
  });

  it("words purchases equal to consumption the same way (no shortfall, no 0枚 × 4)", () => {
    const figures = { stock: 100, consumption: 500, purchases: 500 };
    const assessment = assessEligibility(figures);
    expect(calculationSteps(figures, assessment)[0]?.formula).toBe("③ 500枚 ≧ ② 500枚");
  });

  it("announces nothing while figures are missing", () => {
    expect(announcementText(null)).toBe("");
  });
});

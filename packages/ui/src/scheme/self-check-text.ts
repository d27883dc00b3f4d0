import { formatPieces, formatSets } from "@sos/domain";
import type { Assessment, SurveyFigures } from "@sos/rules";

/**
 * The self-check sheet's wording (自己チェックシート and 緊急配布の要否の判断方法),
 * kept in one place so the panel, the survey preview and the announcements agree.
 */

export const VERDICT_LABEL = "配布対象";
export const ELIGIBLE_TEXT = "該当";
export const NOT_ELIGIBLE_TEXT = "非該当";
export const PENDING_TEXT = "未判定";

export const PENDING_MESSAGE = "①〜③をすべて入力すると自動判定されます。";

export interface CalculationStep {
  formula: string;
  /** The manual's gloss in brackets, when it gives one. */
  note?: string;
}

/**
 * The manual's worked example, step by step, with this institution's figures.
 * When purchases cover use the stock does not shrink: the steps say so in words
 * rather than carry a negative shortfall (「−300枚 × 4」) that reads like an error.
 */
export function calculationSteps(
  figures: SurveyFigures,
  assessment: Assessment,
): CalculationStep[] {
  const { stock, consumption, purchases } = figures;
  const { weeklyShortfall, monthlyShortfall, eligible } = assessment;
  if (weeklyShortfall <= 0) {
    return [
      {
        formula: `③ ${formatPieces(purchases)} ≧ ② ${formatPieces(consumption)}`,
        note: "（1週間の購入見込み量が想定消費量以上のため、在庫は減りません）",
      },
      {
        formula: `① ${formatPieces(stock)} は１ヶ月後も減らない見込みです`,
      },
    ];
  }
  return [
    {
      formula: `②−③ ＝ ${formatPieces(consumption)} − ${formatPieces(purchases)} ＝ ${formatPieces(weeklyShortfall)}`,
      note: "（不足量＝１週間で在庫から減っていく量）",
    },
    {
      formula: `（②−③）×４ ＝ ${formatPieces(weeklyShortfall)} × 4 ＝ ${formatPieces(monthlyShortfall)}`,
      note: "（約１ヶ月分の不足量＝約１ヶ月で在庫から減っていく量）",
    },
    {
      formula: `① ${formatPieces(stock)} ${eligible ? "＜" : "≧"} ${formatPieces(monthlyShortfall)}`,
    },
  ];
}

export function conclusionText(assessment: Assessment): string {
  if (assessment.eligible) {
    return "→ 在庫が１ヶ月以内につきると見込まれるため、配布対象に該当します。";
  }
  if (assessment.weeklyShortfall <= 0) {
    return "→ 1週間の購入見込み量（③）が想定消費量（②）以上で、在庫は減らない見込みのため、配布対象に該当しません。";
  }
  return "→ 在庫が１ヶ月以内につきる見込みではないため、配布対象に該当しません。";
}

/** How the limit follows from ② (consumption × 2, rounded up to whole sets). */
export function limitCalculationText(figures: SurveyFigures, assessment: Assessment): string {
  if (!assessment.eligible) return "配布対象に該当しないため、購入上限数は0です。";
  return `②1週間の想定消費量 ${formatPieces(figures.consumption)} × 2 ＝ ${formatPieces(
    figures.consumption * 2,
  )} → ${formatSets(assessment.limitSets)}まで購入できます。`;
}

/** One sentence for screen readers when the verdict or the limit changes. */
export function announcementText(assessment: Assessment | null): string {
  if (assessment === null) return "";
  return `判定結果：${VERDICT_LABEL} ${assessment.eligible ? ELIGIBLE_TEXT : NOT_ELIGIBLE_TEXT}。購入上限数 ${formatSets(
    assessment.limitSets,
  )}。`;
}

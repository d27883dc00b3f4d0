import { formatPieces, surveyWeekTitle } from "@sos/domain";
import { type Assessment, assessEligibility, type SurveyFigures } from "@sos/rules";
import type { SosCheckReason } from "../../schemas/sos";

/**
 * The system check behind 「システムチェック&申請」, as a pure function of the
 * facts the apply transaction has locked and read, so every reason and its
 * wording can be pinned down without a database.
 */

export interface SystemCheckFacts {
  /** The survey of the week the request is filed in (surveyWeekOf(now)). */
  survey: { id: string; weekStart: string; figures: SurveyFigures | null };
  /** Sanctions in force today (not lifted, effective on or before today in Tokyo). */
  sanctions: readonly { reason: string }[];
  /** Whether another request of the institution is reviewing or accepted for that week. */
  openRequestExists: boolean;
}

export interface SystemCheckResult {
  passed: boolean;
  /** Every failed check, in the order above; empty when passed. */
  reasons: SosCheckReason[];
  figures: SurveyFigures | null;
  assessment: Assessment | null;
}

export const OPEN_REQUEST_EXISTS_MESSAGE =
  "同じ週に申請中の要請があります。都道府県・国確認中または受付完了の要請は、1週につき1件までです。";

export function surveyUnansweredMessage(weekStart: string): string {
  return `今週（${surveyWeekTitle(weekStart)}）の週次調査に回答していません。週次調査に回答してから、もう一度「システムチェック&申請」を行ってください。`;
}

/** Spells out the manual's rule with the institution's own figures, so it can see what to correct. */
export function surveyNotEligibleMessage(figures: SurveyFigures, assessment: Assessment): string {
  const stock = formatPieces(figures.stock);
  const consumption = formatPieces(figures.consumption);
  const purchases = formatPieces(figures.purchases);
  // With purchases covering use the threshold is zero or negative; "below -2,400" would only puzzle.
  if (assessment.weeklyShortfall <= 0) {
    return `週次調査の回答が緊急配布の条件を満たしていません。1週間の購入見込み量 ${purchases} が1週間の想定消費量 ${consumption} 以上のため、在庫が減らない見込みです。回答内容が正しいか確認してください。`;
  }
  const threshold = formatPieces(assessment.monthlyShortfall);
  return `週次調査の回答が緊急配布の条件を満たしていません。在庫量 ${stock} が（1週間の想定消費量 ${consumption} − 1週間の購入見込み量 ${purchases}）× 4 ＝ ${threshold} を下回っていません。回答内容が正しいか確認してください。`;
}

export function sanctionedMessage(reason: string): string {
  return `同意事項④に基づく措置により、現在この医療機関からの緊急配布要請には対応できません（理由：${reason}）。`;
}

export function runSystemCheck(facts: SystemCheckFacts): SystemCheckResult {
  const reasons: SosCheckReason[] = [];
  const { survey } = facts;
  const assessment = survey.figures === null ? null : assessEligibility(survey.figures);
  if (survey.figures === null) {
    reasons.push({
      code: "survey_unanswered",
      message: surveyUnansweredMessage(survey.weekStart),
      surveyId: survey.id,
    });
  } else if (assessment !== null && !assessment.eligible) {
    reasons.push({
      code: "survey_not_eligible",
      message: surveyNotEligibleMessage(survey.figures, assessment),
      surveyId: survey.id,
    });
  }
  for (const sanction of facts.sanctions) {
    reasons.push({
      code: "sanctioned",
      message: sanctionedMessage(sanction.reason),
      surveyId: null,
    });
  }
  if (facts.openRequestExists) {
    reasons.push({
      code: "open_request_exists",
      message: OPEN_REQUEST_EXISTS_MESSAGE,
      surveyId: null,
    });
  }
  return { passed: reasons.length === 0, reasons, figures: survey.figures, assessment };
}

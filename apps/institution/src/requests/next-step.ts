import type { SosRequestDetail } from "../api-types";

/**
 * What the request's 操作 card asks of the institution before 「システムチェック&申請」.
 * After a failed check it follows the reasons: fixing the survey helps only when
 * the survey was the cause, and a request already open this week is not cured by it.
 */
export function applyNextStep(request: Pick<SosRequestDetail, "status" | "errorReasons">): string {
  if (request.status === "draft") {
    return "まだ要請は完了していません。「システムチェック&申請」を押すと、システムが今週の週次調査の回答などを確認し、条件を満たしていれば都道府県・国に要請が届きます。";
  }
  const codes = new Set(request.errorReasons.map((reason) => reason.code));
  if (codes.has("survey_unanswered") || codes.has("survey_not_eligible")) {
    return "週次調査の回答を確認・修正してから、もう一度「システムチェック&申請」を行ってください。";
  }
  if (codes.has("open_request_exists")) {
    return "今週はすでに都道府県・国確認中または受付完了の要請があります。その要請の結果をお待ちください。この要請が不要であれば取り下げてください。";
  }
  if (codes.has("sanctioned")) {
    return "措置の期間中は申請できません。措置について不明な点は、都道府県の担当者にお問い合わせください。";
  }
  return "上の理由を確認してから、もう一度「システムチェック&申請」を行ってください。";
}

import { Alert, formatJaDate } from "@sos/ui";
import type { ReactNode } from "react";
import type { SosCheckReason } from "../api-types";
import "./system-check-result.css";

export type SystemCheckReason = SosCheckReason;

export interface SurveyLinkRenderProps {
  href: string;
  surveyId: string;
  className: string;
  children: ReactNode;
}

export interface SystemCheckResultProps {
  /** reviewing: passed (都道府県・国確認中); error: failed (エラーあり). */
  outcome: "reviewing" | "error";
  reasons?: ReadonlyArray<SystemCheckReason> | undefined;
  /** Applied after the Wednesday 17:00 deadline. */
  late?: boolean | undefined;
  /** The business day (YYYY-MM-DD) from which a late request is handled. */
  handleFrom?: string | null | undefined;
  /** Where 「週次調査を確認する」 leads for a survey id. */
  surveyHref: (surveyId: string) => string;
  /** Swap the plain <a> for a router's link; spread the props onto it. */
  renderLink?: ((props: SurveyLinkRenderProps) => ReactNode) | undefined;
}

export const FIX_SURVEY_LINK_TEXT = "週次調査を確認する";

function defaultRenderLink({ href, className, children }: SurveyLinkRenderProps) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}

/** What 「システムチェック&申請」 found: passed, or each reason with a way to fix the survey. */
export function SystemCheckResult({
  outcome,
  reasons = [],
  late = false,
  handleFrom = null,
  surveyHref,
  renderLink = defaultRenderLink,
}: SystemCheckResultProps) {
  if (outcome === "reviewing") {
    return (
      <Alert tone="success" title="申請しました（都道府県・国確認中）" className="sos-check-result">
        <p>
          システムチェックを通過し、ステータスが「都道府県・国確認中」になりました。都道府県と国で要請内容を確認します。
        </p>
        {late && handleFrom && (
          <p className="sos-check-result__late">
            水曜17時の締切後の申請のため、{formatJaDate(handleFrom)}以降の対応となります。
          </p>
        )}
        <p>
          要請は配布の決定ではありません。都道府県・国から電話で状況を確認することがあります。販売業者の購入サイトへの施設登録がまだの場合は、早めに登録してください（登録が遅れると配送が遅れます）。
        </p>
      </Alert>
    );
  }
  return (
    <Alert
      tone="error"
      title="システムチェックでエラーがありました（エラーあり）"
      className="sos-check-result"
    >
      <p>緊急配布要請の条件を満たしていないため、申請できませんでした。</p>
      {reasons.length > 0 && (
        <ul className="sos-check-result__reasons">
          {reasons.map((reason) => (
            <li key={`${reason.code}:${reason.message}`}>
              <p>{reason.message}</p>
              {reason.surveyId !== null &&
                renderLink({
                  href: surveyHref(reason.surveyId),
                  surveyId: reason.surveyId,
                  className: "sos-check-result__link",
                  children: FIX_SURVEY_LINK_TEXT,
                })}
            </li>
          ))}
        </ul>
      )}
      <p>
        「中東情勢を踏まえた個人防護具備蓄状況調査（週次調査）」に回答したうえで要請しているか、また回答内容が正しいかを確認してください。修正したあと、もう一度「システムチェック&申請」を行ってください。
      </p>
    </Alert>
  );
}

import { formatPieces, formatSets } from "@sos/domain";
import { type Assessment, assessEligibility, type SurveyFigures } from "@sos/rules";
import { type ReactNode, useId } from "react";
import { FIGURE_KEYS, FIGURE_LABELS, FIGURE_MARKS } from "./figures";
import { PurchaseLimitTable } from "./PurchaseLimitTable";
import {
  calculationSteps,
  conclusionText,
  ELIGIBLE_TEXT,
  limitCalculationText,
  NOT_ELIGIBLE_TEXT,
  PENDING_MESSAGE,
  PENDING_TEXT,
  VERDICT_LABEL,
} from "./self-check-text";
import "./SelfCheckResult.css";

export interface SelfCheckResultProps {
  /** The three figures; null while any of them is missing or invalid (shows 未判定). */
  figures: SurveyFigures | null;
  /** The assessment when the caller already has one (e.g. from the API); computed otherwise. */
  assessment?: Assessment | null | undefined;
  /**
   * "full": the sheet as the manual lays it out (figures, steps, limit, limit table).
   * "compact": verdict and limit, with the steps folded away (the survey form's preview).
   */
  variant?: "full" | "compact" | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4 | undefined;
  className?: string | undefined;
}

type Verdict = "eligible" | "not-eligible" | "pending";

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return (
    <svg
      className="sos-self-check-result__icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {verdict === "eligible" && (
        <>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="m10.2 16.6-4.5-4.5 1.6-1.6 2.9 2.9 6.5-6.5 1.6 1.6z" fill="#fff" />
        </>
      )}
      {verdict === "not-eligible" && (
        <>
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M6.5 11h11v2h-11z" fill="currentColor" />
        </>
      )}
      {verdict === "pending" && (
        <circle
          cx="12"
          cy="12"
          r="10"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray="4 3"
        />
      )}
    </svg>
  );
}

function Steps({ figures, assessment }: { figures: SurveyFigures; assessment: Assessment }) {
  return (
    <>
      <ol className="sos-self-check-result__steps">
        {calculationSteps(figures, assessment).map((step) => (
          <li key={step.formula}>
            <span className="sos-self-check-result__formula">{step.formula}</span>
            {step.note !== undefined && (
              <span className="sos-self-check-result__note">{step.note}</span>
            )}
          </li>
        ))}
      </ol>
      <p className="sos-self-check-result__conclusion">{conclusionText(assessment)}</p>
    </>
  );
}

/**
 * The outcome of the self-check sheet for three figures: 配布対象 該当 / 非該当, the
 * shortfall worked out step by step as in the manual's example, and the purchase
 * limit in sets and pieces. Display only; the caller owns the figures.
 */
export function SelfCheckResult({
  figures,
  assessment: given,
  variant = "full",
  title = "判定結果",
  headingLevel = 3,
  className,
}: SelfCheckResultProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4" | "h5";
  const assessment = figures === null ? null : (given ?? assessEligibility(figures));
  let verdict: Verdict = "pending";
  if (assessment !== null) verdict = assessment.eligible ? "eligible" : "not-eligible";
  const verdictText = {
    eligible: ELIGIBLE_TEXT,
    "not-eligible": NOT_ELIGIBLE_TEXT,
    pending: PENDING_TEXT,
  }[verdict];

  return (
    <section
      aria-labelledby={headingId}
      data-verdict={verdict}
      className={[
        "sos-self-check-result",
        `sos-self-check-result--${verdict}`,
        `sos-self-check-result--${variant}`,
        className,
      ]
        .filter(Boolean)
        .join(" ")}
    >
      <Heading id={headingId} className="sos-self-check-result__title">
        {title}
      </Heading>

      <p className="sos-self-check-result__verdict">
        <span className="sos-self-check-result__verdict-label">{VERDICT_LABEL}</span>
        <strong className="sos-self-check-result__verdict-value">
          <VerdictIcon verdict={verdict} />
          {verdictText}
        </strong>
      </p>

      {figures === null || assessment === null ? (
        <p className="sos-self-check-result__pending">{PENDING_MESSAGE}</p>
      ) : (
        <>
          {variant === "full" && (
            <dl className="sos-self-check-result__figures">
              {FIGURE_KEYS.map((key) => (
                <div key={key}>
                  <dt>
                    {FIGURE_MARKS[key]}
                    {FIGURE_LABELS[key]}
                  </dt>
                  <dd>{formatPieces(figures[key])}</dd>
                </div>
              ))}
            </dl>
          )}

          {variant === "full" ? (
            <div className="sos-self-check-result__calculation">
              <SubHeading className="sos-self-check-result__subtitle">判定の計算</SubHeading>
              <Steps figures={figures} assessment={assessment} />
            </div>
          ) : (
            <details className="sos-self-check-result__details">
              <summary>計算の手順を見る</summary>
              <Steps figures={figures} assessment={assessment} />
            </details>
          )}
        </>
      )}

      <div className="sos-self-check-result__limit">
        {variant === "full" && (
          <p className="sos-self-check-result__limit-lead">今回、申請できる購入上限数</p>
        )}
        <p className="sos-self-check-result__limit-value">
          <span>購入上限数</span>
          <strong>
            {assessment === null ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="sos-visually-hidden">{PENDING_TEXT}</span>
              </>
            ) : (
              formatSets(assessment.limitSets)
            )}
          </strong>
        </p>
        {figures !== null && assessment !== null && (
          <p className="sos-self-check-result__limit-calc">
            {limitCalculationText(figures, assessment)}
          </p>
        )}
      </div>

      {variant === "full" && (
        <PurchaseLimitTable
          applicableSets={assessment?.limitSets ?? null}
          headingLevel={(headingLevel + 1) as 3 | 4 | 5}
        />
      )}
    </section>
  );
}

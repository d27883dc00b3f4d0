import {
  CONSENT_INTRO,
  CONSENT_TERMS,
  DISTRIBUTION_CONDITION,
  SOS_REQUIREMENTS,
} from "@sos/domain";
import { type ReactNode, useId } from "react";
import "./consent-terms.css";

const CIRCLED = ["①", "②", "③", "④"] as const;

export interface ConsentTermsProps {
  headingLevel?: 2 | 3 | 4 | undefined;
}

/**
 * The four terms an institution agrees to by filing, in full and in the manual's
 * order. The circled numbers are part of the text (④ refers to ③), so they are
 * written out rather than left to list markers.
 */
export function ConsentTerms({ headingLevel = 2 }: ConsentTermsProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="sos-consent" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-consent__title">
        同意事項
      </Heading>
      <p className="sos-consent__intro">{CONSENT_INTRO}</p>
      <ol className="sos-consent__terms">
        {CONSENT_TERMS.map((term, index) => (
          <li key={term}>
            <span className="sos-consent__mark">{CIRCLED[index]}</span>
            <span>{term}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface DistributionConditionsProps {
  headingLevel?: 2 | 3 | 4 | undefined;
  /** e.g. a link to the self-check sheet. */
  children?: ReactNode;
}

/** Who may file (1-2 of the manual) and the rule, i.e. what the confirmation box refers to. */
export function DistributionConditions({
  headingLevel = 2,
  children,
}: DistributionConditionsProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="sos-conditions" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-consent__title">
        緊急配布条件
      </Heading>
      <p>緊急配布要請（SOS）ができるのは、次のどちらにもあてはまる医療機関です。</p>
      <ul className="sos-conditions__list">
        {SOS_REQUIREMENTS.map((requirement) => (
          <li key={requirement}>{requirement}</li>
        ))}
      </ul>
      <p className="sos-conditions__rule-label">配布「要」となる条件</p>
      <p className="sos-conditions__rule">{DISTRIBUTION_CONDITION}</p>
      {children}
    </section>
  );
}

import { Card } from "@sos/ui";
import { useId } from "react";

export interface UpcomingFeature {
  title: string;
  description: string;
}

/** The role's next steps on the home page, for features not released yet. */
export function UpcomingFeatures({
  heading,
  features,
}: {
  heading: string;
  features: readonly UpcomingFeature[];
}) {
  const headingId = useId();
  return (
    <section className="sos-stack" aria-labelledby={headingId}>
      <div className="sos-web-heading-group">
        <h2 id={headingId}>{heading}</h2>
        <p className="sos-web-muted">
          以下の機能は準備中です。準備ができしだい、この画面から利用できるようになります。
        </p>
      </div>
      {features.map((feature) => (
        <Card key={feature.title} title={feature.title} headingLevel={3}>
          <p>{feature.description}</p>
        </Card>
      ))}
    </section>
  );
}

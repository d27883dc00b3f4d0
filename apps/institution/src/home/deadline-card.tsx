import { Card, DeadlineCountdown } from "@sos/ui";
import type { HomeSummary } from "../api-types";

/** Time left to Wednesday 17:00, or from when a request filed now is handled. */
export function DeadlineCard({ summary }: { summary: HomeSummary }) {
  const { deadline } = summary;
  return (
    <Card title="緊急配布要請の締切">
      <DeadlineCountdown deadline={deadline.at} handleFrom={deadline.ifAppliedNow.handleFrom} />
      <p className="inst-muted">
        締切は毎週水曜17時です。締切を過ぎた要請も受け付けますが、翌営業日以降の対応となります。
      </p>
    </Card>
  );
}

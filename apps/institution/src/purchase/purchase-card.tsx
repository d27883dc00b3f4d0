import { surveyWeekTitle } from "@sos/domain";
import { Card } from "@sos/ui";
import { RouterLinkButton } from "@sos/web";
import type { PurchaseStatus } from "../api-types";
import { requestPath } from "../paths";
import { PurchaseDetails } from "./purchase-details";

/** Older purchases stay on their request's page; home keeps to the recent ones. */
const SHOWN = 3;

/**
 * Home: the purchases of the requests handed to the vendor, newest first — an
 * order from an earlier week is still followed here while this week moves on.
 */
export function PurchaseCard({ statuses }: { statuses: readonly PurchaseStatus[] }) {
  const shown = statuses.slice(0, SHOWN);
  return (
    <Card title="購入・配送">
      <ul className="inst-list">
        {shown.map((status) => (
          <li key={status.requestId} className="inst-list__item">
            <h3 className="inst-purchase-week">{surveyWeekTitle(status.weekStart)}の要請</h3>
            <PurchaseDetails status={status} />
            <RouterLinkButton to={requestPath(status.requestId)} variant="secondary" fullWidth>
              要請と購入・配送の詳細を見る
            </RouterLinkButton>
          </li>
        ))}
      </ul>
      {statuses.length > SHOWN && (
        <p>それより前の購入は、緊急配布要請の一覧から各要請のページで確認できます。</p>
      )}
    </Card>
  );
}

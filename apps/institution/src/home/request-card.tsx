import type { SosStatus } from "@sos/domain";
import { Card, StatusBadge } from "@sos/ui";
import { RouterLinkButton } from "@sos/web";
import type { HomeSummary, PurchaseStatus } from "../api-types";
import { PATHS, requestPath } from "../paths";
import { purchaseHeadline } from "../purchase/purchase-headline";

/** What the institution should do next about a request in each status. */
const NEXT_STEP: Readonly<Record<SosStatus, string>> = {
  draft:
    "保存済み（申請前）です。まだ要請は完了していません。要請のページで「システムチェック&申請」を行ってください。",
  error:
    "システムチェックでエラーがありました。週次調査の回答を確認し、もう一度「システムチェック&申請」を行ってください。",
  reviewing: "都道府県・国で要請内容を確認しています。電話で状況を確認することがあります。",
  accepted: "都道府県・国による受付が完了しました。",
  not_eligible:
    "確認の結果、緊急配布の対象外となりました。都道府県から個別に連絡があります。必要な場合は、新しい要請を作成してください。",
  withdrawn: "この要請は取り下げました。必要な場合は、新しい要請を作成してください。",
};

/** Statuses after which a new request may be started. */
const CLOSED: ReadonlySet<SosStatus> = new Set(["not_eligible", "withdrawn"]);

/**
 * This week's request and its status, or the way to file one. `purchases` are the
 * handed-over requests' purchases (undefined while they load).
 */
export function RequestCard({
  summary,
  purchases,
}: {
  summary: HomeSummary;
  purchases: readonly PurchaseStatus[] | undefined;
}) {
  const { request } = summary;
  const canCreate = request === null || CLOSED.has(request.status);
  return (
    <Card
      title="今週の緊急配布要請"
      actions={
        <>
          {request && (
            <RouterLinkButton
              to={requestPath(request.id)}
              variant={canCreate ? "secondary" : "primary"}
              fullWidth
            >
              要請の内容と状況を見る
            </RouterLinkButton>
          )}
          {canCreate && (
            <RouterLinkButton to={PATHS.newRequest} fullWidth>
              緊急配布要請を作成する
            </RouterLinkButton>
          )}
        </>
      }
    >
      {request === null ? (
        <p>
          今週の緊急配布要請はまだありません。自ら調達できず、配布「要」となる条件を満たす場合は、週次調査に回答したうえで要請してください。
        </p>
      ) : (
        <>
          <div className="inst-status-line">
            <StatusBadge status={request.status} />
            <span>{request.weekTitle}</span>
          </div>
          <p>{NEXT_STEP[request.status]}</p>
          {request.lateNote && <p className="inst-late">{request.lateNote}</p>}
          {request.status === "accepted" && purchases !== undefined && (
            <p className="inst-purchase">
              {purchaseHeadline(purchases.find((p) => p.requestId === request.id) ?? null)}
            </p>
          )}
        </>
      )}
    </Card>
  );
}

import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import { formatPhone } from "@sos/rules";
import { Card, formatJaDateTime } from "@sos/ui";
import type { SosRequestDetail } from "../api-types";

/** What was requested and by whom, as saved. */
export function RequestDetails({ request }: { request: SosRequestDetail }) {
  const { institution } = request;
  return (
    <Card title="要請内容">
      <dl className="inst-facts">
        <div>
          <dt>医療機関</dt>
          <dd>
            {institution.name}
            <span className="inst-muted">
              （医療機関コード {institution.code}・{institution.prefectureName}）
            </span>
          </dd>
        </div>
        <div>
          <dt>対象の週</dt>
          <dd>{request.weekTitle}</dd>
        </div>
        <div>
          <dt>担当者氏名</dt>
          <dd>{request.contactName}</dd>
        </div>
        <div>
          <dt>電話番号</dt>
          <dd>
            {request.contactPhone
              ? formatPhone(request.contactPhone)
              : "（未入力：医療機関の電話番号に連絡します）"}
          </dd>
        </div>
        <div>
          <dt>備考</dt>
          <dd className="inst-pre-wrap">{request.notes || "（なし）"}</dd>
        </div>
        <div>
          <dt>緊急配布条件の確認</dt>
          <dd>確認済み（{CONDITIONS_CONFIRMATION_LABEL}）</dd>
        </div>
        <div>
          <dt>作成</dt>
          <dd>
            {formatJaDateTime(new Date(request.createdAt))}（{request.createdBy.displayName}）
          </dd>
        </div>
        {request.appliedAt && (
          <div>
            <dt>申請日時</dt>
            <dd>{formatJaDateTime(new Date(request.appliedAt))}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

import { formatPhone, formatPostcode } from "@sos/rules";
import {
  Card,
  formatJaDate,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  formatSets,
  SelfCheckResult,
} from "@sos/ui";
import type { ReactNode } from "react";
import type { ReviewDetail } from "../api-types";
import { formatWeeksOfCover } from "../common/format";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * How to reach the institution, in one line under the page's title: officers phone
 * before they decide (the manual: 電話で確認), so it must not sit below the explainers.
 */
export function ContactLine({ request }: { request: ReviewDetail }) {
  const { institution } = request;
  return (
    <fieldset className="rev-contact" aria-label="連絡先">
      <span>
        電話 <a href={`tel:${institution.phone}`}>{formatPhone(institution.phone)}</a>
      </span>
      <span>
        担当 {request.contactName}
        {request.contactPhone && (
          <>
            {" "}
            <a href={`tel:${request.contactPhone}`}>{formatPhone(request.contactPhone)}</a>
          </>
        )}
      </span>
      <span>
        <a href={`mailto:${institution.email}`}>{institution.email}</a>
      </span>
    </fieldset>
  );
}

/** Who filed it, with everything needed to phone or mail them (the manual: 電話で確認). */
export function InstitutionCard({ request }: { request: ReviewDetail }) {
  const { institution } = request;
  return (
    <Card title="医療機関">
      <dl className="rev-facts">
        <Fact label="医療機関名">{institution.name}</Fact>
        <Fact label="医療機関コード">{institution.code}</Fact>
        <Fact label="施設種別">{institution.typeLabel}</Fact>
        <Fact label="都道府県">{institution.prefectureName}</Fact>
        <Fact label="所在地">
          〒{formatPostcode(institution.postcode)} {institution.address}
        </Fact>
        <Fact label="電話番号">
          <a href={`tel:${institution.phone}`}>{formatPhone(institution.phone)}</a>
        </Fact>
        <Fact label="メールアドレス">
          <a href={`mailto:${institution.email}`}>{institution.email}</a>
        </Fact>
      </dl>
    </Card>
  );
}

/** What the institution filed and when, against the week's deadlines. */
export function FilingCard({ request }: { request: ReviewDetail }) {
  return (
    <Card title="要請内容">
      <dl className="rev-facts">
        <Fact label="対象の週">{request.weekTitle}</Fact>
        <Fact label="申請日時">{formatJaDateTime(new Date(request.appliedAt))}</Fact>
        {request.lateNote !== null && <Fact label="締切後の申請">{request.lateNote}</Fact>}
        <Fact label="都道府県の確認期限">{formatJaDateTime(new Date(request.prefectureDue))}</Fact>
        <Fact label="担当者">{request.contactName}</Fact>
        <Fact label="担当者の電話番号">
          {request.contactPhone ? (
            <a href={`tel:${request.contactPhone}`}>{formatPhone(request.contactPhone)}</a>
          ) : (
            "（未入力）"
          )}
        </Fact>
        <Fact label="医療機関からの備考">
          <span className="rev-pre-wrap">{request.notes || "（なし）"}</span>
        </Fact>
      </dl>
    </Card>
  );
}

/**
 * The three figures, the eligibility rule worked out on them, the purchase limit and
 * weeks of cover: what the officer's decision rests on.
 */
export function CalculationCard({ request }: { request: ReviewDetail }) {
  const { calculation, survey } = request;
  if (calculation === null) {
    return (
      <Card title="配布条件の判定">
        <p>判定に使える週次調査の回答がありません。医療機関に在庫量などを確認してください。</p>
      </Card>
    );
  }
  return (
    <Card title="配布条件の判定">
      <dl className="rev-key-figures">
        <div>
          <dt>購入上限数（算定値）</dt>
          <dd>
            {formatNumber(calculation.limitSets)}セット
            <small>{formatPieces(calculation.limitPieces)}</small>
          </dd>
        </div>
        <div>
          <dt>在庫週数</dt>
          <dd>
            {/* Purchases cover the use: the stock does not run down. */}
            {calculation.weeksOfCover === null
              ? "減少なし"
              : formatWeeksOfCover(calculation.weeksOfCover)}
            <small>在庫 ÷（消費 − 購入）</small>
          </dd>
        </div>
        {request.ministryApproval !== null && (
          <div>
            <dt>承認数量</dt>
            <dd>
              {formatNumber(request.ministryApproval.quantitySets)}セット
              <small>{formatPieces(request.ministryApproval.quantityPieces)}</small>
            </dd>
          </div>
        )}
      </dl>
      <p className="rev-muted">
        {calculation.source === "snapshot"
          ? "システムチェックの時点の週次調査の回答で判定しています。"
          : "週次調査の回答で判定しています。"}
      </p>
      {survey?.changedSinceCheck && survey.figures !== null && (
        <p className="rev-flag">
          システムチェックの後に週次調査の回答が変更されています（現在の回答：在庫量{" "}
          {formatPieces(survey.figures.stock)}、想定消費量{" "}
          {formatPieces(survey.figures.consumption)}
          、購入見込み量 {formatPieces(survey.figures.purchases)}）。
        </p>
      )}
      <SelfCheckResult
        figures={calculation.figures}
        assessment={calculation.assessment}
        title="判定の計算"
        headingLevel={3}
      />
    </Card>
  );
}

/** The purchase on the approved request: ordered, shipped, and the institution's 受領確認. */
function OrderFacts({ order }: { order: NonNullable<ReviewDetail["order"]> }) {
  const at = (iso: string | null, none: string) =>
    iso === null ? none : formatJaDateTime(new Date(iso));
  return (
    <>
      <Fact label="注文">
        {order.orderNumber}（{order.statusLabel}・{formatSets(order.totalSets)}・
        {formatJaDateTime(new Date(order.orderedAt))} 注文）
      </Fact>
      <Fact label="出荷">{at(order.shippedAt, "未出荷")}</Fact>
      <Fact label="受領確認">{at(order.receivedAt, "未確認")}</Fact>
    </>
  );
}

/** The ministry's approval, once given: the quantity the vendor is told. */
export function ApprovalCard({ request }: { request: ReviewDetail }) {
  const approval = request.ministryApproval;
  if (approval === null) return null;
  return (
    <Card title="国の承認">
      <dl className="rev-facts">
        <Fact label="承認数量">{formatSets(approval.quantitySets)}</Fact>
        {approval.adjustReason !== null && (
          <Fact label="調整理由">
            <span className="rev-pre-wrap">{approval.adjustReason}</span>
          </Fact>
        )}
        <Fact label="承認日時">{formatJaDateTime(new Date(approval.approvedAt))}</Fact>
        <Fact label="承認者">{approval.approvedBy.displayName}</Fact>
        {request.targetList !== null && (
          <Fact label="対象医療機関リスト">
            第{request.targetList.number}号（
            {formatJaDateTime(new Date(request.targetList.issuedAt))} 発行）
          </Fact>
        )}
        {request.order !== null && <OrderFacts order={request.order} />}
      </dl>
    </Card>
  );
}

/**
 * What must be seen before deciding: a sanction in force, the ministry's returns with
 * their reasons, why a closed request was closed.
 */
export function RequestNotices({ request }: { request: ReviewDetail }) {
  return (
    <>
      {request.sanctions.map((sanction) => (
        <p key={sanction.id} className="rev-flag rev-flag--error">
          この医療機関には {formatJaDate(sanction.effectiveFrom)}{" "}
          から措置（同意事項④）が適用されています。理由：{sanction.reason}
        </p>
      ))}
      {request.status === "reviewing" &&
        request.returns.map((item) => (
          <div key={item.id} className="rev-flag">
            <p>
              {formatJaDateTime(new Date(item.returnedAt))}に国（{item.returnedBy.displayName}
              ）から差し戻されました。
            </p>
            <p className="rev-pre-wrap">理由：{item.reason}</p>
          </div>
        ))}
      {request.closedReason !== null && request.status !== "reviewing" && (
        <div className="rev-flag">
          <p>{request.status === "not_eligible" ? "対象外の理由" : "終了の理由"}</p>
          <p className="rev-pre-wrap">{request.closedReason}</p>
        </div>
      )}
    </>
  );
}

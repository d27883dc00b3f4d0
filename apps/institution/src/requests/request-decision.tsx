import type { SosStatus } from "@sos/domain";
import { formatJaDateTime, formatSets, toInstant } from "@sos/ui";
import { type ReactNode, useId } from "react";
import type { SosDecision } from "../api-types";
import "./request-decision.css";

export type RequestDecisionValue = SosDecision;

export interface RequestDecisionProps {
  status: SosStatus;
  decision: RequestDecisionValue | null;
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4 | undefined;
}

type State = "waiting" | "reviewing" | "provisional" | "decided" | "not-eligible" | "withdrawn";

const STATE_LABELS: Readonly<Record<State, string>> = {
  waiting: "未申請",
  reviewing: "確認中",
  provisional: "国の承認待ち",
  decided: "決定",
  "not-eligible": "対象外",
  withdrawn: "取下げ",
};

function stateOf(status: SosStatus, decision: RequestDecisionValue | null): State {
  if (decision?.kind === "not_eligible" || status === "not_eligible") return "not-eligible";
  if (status === "withdrawn") return "withdrawn";
  if (status === "draft" || status === "error") return "waiting";
  if (decision?.kind === "quantity") return decision.final ? "decided" : "provisional";
  return "reviewing";
}

/**
 * The outcome of the prefecture's and the ministry's review, on the request page:
 * still being checked (確認中), the decided quantity and purchase limit, or why the
 * request was found not eligible.
 */
export function RequestDecision({
  status,
  decision,
  title = "確認結果",
  headingLevel = 2,
}: RequestDecisionProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const state = stateOf(status, decision);
  return (
    <section
      className={`sos-decision sos-decision--${state}`}
      aria-labelledby={headingId}
      data-state={state}
    >
      <div className="sos-decision__head">
        <Heading id={headingId} className="sos-decision__title">
          {title}
        </Heading>
        <span className="sos-decision__state">{STATE_LABELS[state]}</span>
      </div>
      <DecisionBody state={state} status={status} decision={decision} />
    </section>
  );
}

function DecisionBody({
  state,
  status,
  decision,
}: {
  state: State;
  status: SosStatus;
  decision: RequestDecisionValue | null;
}) {
  switch (state) {
    case "waiting":
      return (
        <p>
          {status === "error"
            ? "システムチェックでエラーがあったため、まだ申請されていません。週次調査の回答を確認し、もう一度「システムチェック&申請」を行ってください。"
            : "まだ申請していません。「システムチェック&申請」を行うと、都道府県・国が内容を確認し、数量を決定します。"}
        </p>
      );
    case "reviewing":
      return (
        <>
          <p>都道府県・国で要請内容を確認中です。数量が決まると、ここに表示されます。</p>
          <p className="sos-decision__note">
            要請は配布の決定ではありません。都道府県・国から電話で状況を確認することがあります。
          </p>
        </>
      );
    case "withdrawn":
      return <p>この要請は取り下げられました。必要な場合は、新しい要請を作成してください。</p>;
    case "not-eligible":
      return (
        <>
          <p>都道府県・国の確認の結果、この要請は緊急配布の対象外となりました。</p>
          {decision?.kind === "not_eligible" && decision.reason.trim() !== "" && (
            <div className="sos-decision__reason">
              <p className="sos-decision__label">理由</p>
              <p className="sos-decision__reason-text">{decision.reason}</p>
            </div>
          )}
          <p className="sos-decision__note">
            購入用のメールは届きません。都道府県から個別に連絡があります（要請した週の金曜以降）。
          </p>
        </>
      );
    case "provisional":
    case "decided":
      return decision?.kind === "quantity" ? (
        <Quantity decision={decision} final={state === "decided"} />
      ) : null;
  }
}

function Quantity({
  decision,
  final,
}: {
  decision: Extract<RequestDecisionValue, { kind: "quantity" }>;
  final: boolean;
}) {
  const computed = decision.computedLimitSets;
  return (
    <>
      <dl className="sos-decision__figures">
        <div>
          <dt>{final ? "決定した数量" : "都道府県が確認した数量"}</dt>
          <dd>{formatSets(decision.quantitySets)}</dd>
        </div>
        <div>
          <dt>購入上限数</dt>
          <dd>{formatSets(decision.quantitySets)}</dd>
        </div>
        <div>
          <dt>{final ? "承認日時" : "確認日時"}</dt>
          <dd>{formatJaDateTime(toInstant(decision.decidedAt))}</dd>
        </div>
      </dl>
      {computed !== null && computed !== decision.quantitySets && (
        <p className="sos-decision__note">
          自己チェックで計算した購入上限数（{formatSets(computed)}
          ）から、都道府県・国の確認により調整されています。
        </p>
      )}
      <p className={final ? undefined : "sos-decision__note"}>
        {/* What to do next changes as the purchase goes on (link, order, shipping): the
            購入・配送 card says it, so the decision does not repeat a step already taken. */}
        {final
          ? "購入の手続きと配送の状況は「購入・配送」に表示しています。"
          : "国が確認中のため、数量は変わることがあります。国の承認後に確定します。"}
      </p>
    </>
  );
}

import { formatJaDateTime, formatSets, toInstant } from "@sos/ui";
import type { PrefectureInput } from "../api-types";
import { OVERRIDE_REASON_LABEL } from "./prefecture-review-schema";
import "../common/review-parts.css";

/** What the facts show of the prefecture's input (review.get prefectureReview). */
export type PrefectureInputShown = Pick<
  PrefectureInput,
  "supplyNeeded" | "quantitySets" | "overrideReason" | "notes" | "completedAt" | "completedBy"
>;

export interface PrefectureInputFactsProps {
  input: PrefectureInputShown | null;
  /** The computed purchase limit, shown beside the quantity. */
  limitSets: number;
}

function supplyText(supplyNeeded: boolean | null | undefined): string {
  if (supplyNeeded === true) return "必要";
  if (supplyNeeded === false) return "不要";
  return "未入力";
}

/** The prefecture's input as label / value pairs, for the read-only view and the ministry. */
export function PrefectureInputFacts({ input, limitSets }: PrefectureInputFactsProps) {
  const quantity = input?.quantitySets ?? null;
  const completedAt = input?.completedAt ?? null;
  return (
    <dl className="sos-review-facts">
      <dt>配送要否</dt>
      <dd>{supplyText(input?.supplyNeeded)}</dd>
      <dt>数量</dt>
      <dd>
        {quantity === null ? "未入力" : formatSets(quantity)}
        <span className="sos-review-facts__aside">（購入上限数 {formatSets(limitSets)}）</span>
      </dd>
      {input?.overrideReason ? (
        <>
          <dt>{OVERRIDE_REASON_LABEL}</dt>
          <dd>{input.overrideReason}</dd>
        </>
      ) : null}
      <dt>備考</dt>
      <dd>{input?.notes.trim() ? input.notes : "（なし）"}</dd>
      {completedAt !== null && (
        <>
          <dt>確認完了</dt>
          <dd>
            {formatJaDateTime(toInstant(completedAt))}
            {input?.completedBy ? `（${input.completedBy.displayName}）` : ""}
          </dd>
        </>
      )}
    </dl>
  );
}

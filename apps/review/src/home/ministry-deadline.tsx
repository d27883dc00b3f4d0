import { DeadlineCountdown, formatJaDateTime, formatNumber, toInstant } from "@sos/ui";
import "./prefecture-deadline.css";

export interface MinistryDeadlineProps {
  /** The prefectures' due time of the round (review.deadlines round.prefectureDue). */
  deadline: Date | string;
  now?: Date | string | undefined;
  live?: boolean | undefined;
  /** Requests waiting for the ministry, every week (review.deadlines awaitingMinistry). */
  awaitingMinistry: number;
  /** Requests the prefectures still have (review.deadlines awaitingPrefecture). */
  awaitingPrefecture: number;
  weekTitle?: string | undefined;
}

/**
 * The ministry's banner: what waits for the ministry itself first, then the prefectures'
 * Thursday 17:00 and what they still have. The scheme sets no due time for the ministry's
 * approval, so the only deadline shown is the prefectures', named as theirs.
 */
export function MinistryDeadline({
  deadline,
  now,
  live,
  awaitingMinistry,
  awaitingPrefecture,
  weekTitle,
}: MinistryDeadlineProps) {
  const counts = (
    <>
      <span className="sos-prefecture-deadline__open">
        国確認待ち <strong>{formatNumber(awaitingMinistry)}件</strong>
      </span>
      <span className="sos-prefecture-deadline__open">
        都道府県確認中 {formatNumber(awaitingPrefecture)}件
      </span>
      {weekTitle !== undefined && (
        <span className="sos-prefecture-deadline__week">対象：{weekTitle}</span>
      )}
    </>
  );
  return (
    <DeadlineCountdown
      deadline={deadline}
      now={now}
      live={live}
      label="都道府県の確認期限"
      overdueMessage={
        <>
          <span>
            <strong>都道府県の確認期限を過ぎています</strong>（
            {formatJaDateTime(toInstant(deadline))}）
          </span>
          {counts}
        </>
      }
    >
      {counts}
    </DeadlineCountdown>
  );
}

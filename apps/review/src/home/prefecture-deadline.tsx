import { DeadlineCountdown, formatJaDateTime, formatNumber, toInstant } from "@sos/ui";
import "./prefecture-deadline.css";

export interface PrefectureDeadlineProps {
  /** The prefecture's due time, Thursday 17:00 as a rule (review.deadlines round.prefectureDue). */
  deadline: Date | string;
  /** The current time; when given, no timer runs (stories, tests, the server's clock). */
  now?: Date | string | undefined;
  /** Without `now`, follows the clock minute by minute; false freezes it. */
  live?: boolean | undefined;
  /** Requests still waiting for the prefecture's input (review.deadlines awaitingPrefecture). */
  awaiting?: number | undefined;
  /** The survey week, e.g. 「2026年12月2日（水）17:00締切の週」. */
  weekTitle?: string | undefined;
}

/**
 * Time left until the prefecture's part is due (都道府県は木曜17時までに確認, as a
 * rule), with how many requests are still waiting. Once the time has passed it says
 * so, and how many are late.
 */
export function PrefectureDeadline({
  deadline,
  now,
  live,
  awaiting,
  weekTitle,
}: PrefectureDeadlineProps) {
  const open =
    awaiting === undefined ? null : (
      <span className="sos-prefecture-deadline__open">
        未完了 <strong>{formatNumber(awaiting)}件</strong>
      </span>
    );
  const week =
    weekTitle === undefined ? null : (
      <span className="sos-prefecture-deadline__week">対象：{weekTitle}</span>
    );
  return (
    <DeadlineCountdown
      deadline={deadline}
      now={now}
      live={live}
      label="確認期限"
      overdueMessage={
        <>
          <span>
            <strong>都道府県の確認期限を過ぎています</strong>（
            {formatJaDateTime(toInstant(deadline))}）
          </span>
          {awaiting !== undefined && (
            <span className="sos-prefecture-deadline__open">
              {awaiting === 0 ? (
                "未完了の要請はありません"
              ) : (
                <>
                  未完了 <strong>{formatNumber(awaiting)}件</strong>
                  ：できるだけ早く確認を完了してください
                </>
              )}
            </span>
          )}
          {week}
        </>
      }
    >
      {open}
      {week}
    </DeadlineCountdown>
  );
}

import { formatNumber } from "@sos/ui";
import { useSignedInUser, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { MinistryDeadline } from "./ministry-deadline";
import { PrefectureDeadline } from "./prefecture-deadline";

/**
 * Time left until the prefectures' Thursday 17:00, with the requests still waiting for
 * the officer's prefecture; the ministry sees first what waits for the ministry itself.
 * Nothing is shown until the server has answered: a guessed deadline would be worse than none.
 */
export function DeadlineBanner() {
  const trpc = useTRPC();
  const user = useSignedInUser();
  const deadlines = useQuery(trpc.review.deadlines.queryOptions());
  if (deadlines.data === undefined) return null;
  const { round, awaitingPrefecture, awaitingMinistry, overdue } = deadlines.data;
  return (
    <>
      {user.role === "ministry" ? (
        <MinistryDeadline
          deadline={round.prefectureDue}
          awaitingMinistry={awaitingMinistry}
          awaitingPrefecture={awaitingPrefecture}
          weekTitle={round.weekTitle}
        />
      ) : (
        <PrefectureDeadline
          deadline={round.prefectureDue}
          awaiting={awaitingPrefecture}
          weekTitle={round.weekTitle}
        />
      )}
      {overdue > 0 && (
        <p className="rev-flag rev-flag--error">
          確認期限を過ぎても都道府県確認中の要請が {formatNumber(overdue)}件 あります。
        </p>
      )}
    </>
  );
}

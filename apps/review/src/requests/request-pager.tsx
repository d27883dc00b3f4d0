import { formatNumber } from "@sos/ui";
import { Link } from "react-router";
import { requestPath } from "../paths";
import { neighbours, type QueueContext } from "../queue/queue-context";

/**
 * The previous and next request of the queue page this one was opened from, so an
 * officer can read through a page without going back to the list each time.
 */
export function RequestPager({ context, currentId }: { context: QueueContext; currentId: string }) {
  const { previous, next } = neighbours(context, currentId);
  const index = context.ids.indexOf(currentId);
  if (index === -1) return null;
  const state = { reviewQueue: context };
  return (
    <nav className="rev-pager" aria-label="一覧の前後の要請">
      {previous !== null && (
        <Link to={requestPath(previous)} state={state} rel="prev">
          <span aria-hidden="true">‹ </span>前の要請
        </Link>
      )}
      <span className="rev-pager__position">
        このページの {formatNumber(index + 1)} / {formatNumber(context.ids.length)} 件目
      </span>
      {next !== null && (
        <Link to={requestPath(next)} state={state} rel="next">
          次の要請<span aria-hidden="true"> ›</span>
        </Link>
      )}
    </nav>
  );
}

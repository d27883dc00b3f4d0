import { KEEP_FOCUS_STATE, useSignedInUser, useTRPC } from "@sos/web";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { PATHS, requestPath } from "../paths";
import { advanceContext, pickNext, type QueueContext } from "../queue/queue-context";
import { parseQueueState, queueInput, queueOptionsFor, queueSearch } from "../queue/queue-params";
import type { DecisionFlash } from "./flash";

/** Opened by its address: the next request is the role's first queue from the top. */
const FROM_THE_TOP: QueueContext = { search: "", page: 1, ids: [], done: [] };

/**
 * After a decision, on to the next request of the queue the officer is working
 * through (read afresh, so what others decided meanwhile is skipped), with the
 * outcome shown there; back to the queue when none is left on this page or the next.
 */
export function useNextRequest(currentId: string, context: QueueContext | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { role } = useSignedInUser();

  return async (flash: DecisionFlash): Promise<void> => {
    const base = context ?? FROM_THE_TOP;
    const options = queueOptionsFor(role);
    const state = parseQueueState(new URLSearchParams(base.search), options);
    let exhausted = false;
    try {
      for (const page of [base.page, base.page + 1]) {
        const pageState = { ...state, page };
        const data = await queryClient.fetchQuery({
          ...trpc.review.queue.queryOptions(queueInput(pageState)),
          staleTime: 0,
        });
        // Below the current one on its own page; anything not yet decided on the next.
        const from = page === base.page ? base : { ...base, ids: [] };
        const next = pickNext(data.items, from, currentId, role);
        if (next !== null) {
          const moved = advanceContext(
            base,
            currentId,
            page,
            data.items,
            queueSearch(pageState, options),
          );
          await navigate(requestPath(next), {
            state: {
              ...KEEP_FOCUS_STATE,
              reviewQueue: moved,
              reviewFlash: flash,
              focusDecision: true,
            },
          });
          return;
        }
        if (page >= data.pageCount) break;
      }
      exhausted = true;
    } catch {
      // The queue could not be read: the queue page itself says so, with a retry.
    }
    await navigate(`${PATHS.requests}${base.search}`, {
      state: { reviewFlash: flash, queueDone: exhausted },
    });
  };
}

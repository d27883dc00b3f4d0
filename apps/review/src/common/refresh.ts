import { useTRPC } from "@sos/web";
import { useQueryClient } from "@tanstack/react-query";

/**
 * After a decision: everything read from the review and the target lists is re-read
 * (the queue, the counts, the deadline's 未完了, what waits for the next list).
 */
export function useRefreshReviewData(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.review.pathFilter()),
      queryClient.invalidateQueries(trpc.targetList.pathFilter()),
    ]);
  };
}

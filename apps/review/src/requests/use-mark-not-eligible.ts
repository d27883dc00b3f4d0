import { useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import type { ReviewDetail } from "../api-types";
import type { DecisionFlash } from "./flash";

export interface MarkNotEligibleHandlers {
  /** Forgets the last refusal before trying. */
  clear: () => void;
  /** Shows a refusal where it belongs; the dialog stays open (the error is rethrown). */
  refused: (error: unknown) => void;
  onUpdated: (request: ReviewDetail) => void;
  /** Once closed, before moving on (e.g. to close a dialog the caller owns). */
  onClosed?: (() => void) | undefined;
  onDecided: (flash: DecisionFlash) => Promise<void>;
}

/**
 * 「対象外とする」 as both officers take it (review.markNotEligible): the request is
 * closed, the page moves on and says from when the institution is emailed.
 */
export function useMarkNotEligible(
  request: ReviewDetail,
  handlers: MarkNotEligibleHandlers,
): (reason: string) => Promise<void> {
  const trpc = useTRPC();
  const markNotEligible = useMutation(trpc.review.markNotEligible.mutationOptions());
  return async (reason) => {
    handlers.clear();
    let noticeAt: string;
    try {
      const result = await markNotEligible.mutateAsync({
        id: request.id,
        expectedVersion: request.version,
        reason,
      });
      noticeAt = result.notice.sendAt;
      handlers.onUpdated(result.request);
    } catch (error) {
      handlers.refused(error);
      throw error;
    }
    handlers.onClosed?.();
    await handlers.onDecided({
      kind: "notEligible",
      institutionName: request.institution.name,
      noticeAt,
    });
  };
}

import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RunProgress } from "../api-types";
import { newRunId } from "./run-id";

const POLL_MS = 700;

export interface SendOptions {
  /** The ticked items; every item of the batch when null. */
  itemIds: readonly string[] | null;
  resend: boolean;
  allowMismatched: boolean;
}

interface Run extends SendOptions {
  runId: string;
}

/**
 * 「購入リンクを送信」 as the screen runs it: the run id is made here, the send
 * starts, and its progress is polled while the request works. A send cut off
 * (connection lost, page reloaded) is resumed by sending the same run id again.
 */
export function useSendRun(batchId: string, latestRun: RunProgress | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [run, setRun] = useState<Run | null>(null);
  const send = useMutation(trpc.vendorPortal.sendPurchaseLinks.mutationOptions());
  const runId = run?.runId ?? null;
  const polled = useQuery({
    ...trpc.vendorPortal.sendProgress.queryOptions({ runId: runId ?? "" }),
    enabled: runId !== null,
    refetchInterval: (query) => (send.isPending && !query.state.data?.finished ? POLL_MS : false),
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batch.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batches.queryKey() });
  };

  const submit = (next: Run) => {
    setRun(next);
    send.mutate(
      {
        batchId,
        itemIds: next.itemIds ? [...next.itemIds] : null,
        runId: next.runId,
        resend: next.resend,
        allowMismatched: next.allowMismatched,
      },
      {
        onSuccess: (finished) => {
          queryClient.setQueryData(
            trpc.vendorPortal.sendProgress.queryKey({ runId: next.runId }),
            finished,
          );
        },
        onSettled: refresh,
      },
    );
  };

  // Shown: this screen's run, else the batch's last one (e.g. after a reload).
  const progress: RunProgress | null =
    run === null ? latestRun : (send.data ?? polled.data ?? null);
  const interrupted = progress !== null && !progress.finished && !send.isPending;

  return {
    progress,
    /** The progress is of a send started on this screen (not the batch's earlier one). */
    current: run !== null,
    /** True while this screen's send request runs. */
    sending: send.isPending,
    /** Why the send request failed, when it did (the run may still have sent some). */
    failure: send.isError ? errorMessageJa(send.error) : null,
    /** The run stopped before the end (failed request, or a run left by a reload). */
    interrupted,
    start: (options: SendOptions) => submit({ ...options, runId: newRunId() }),
    resume: () => {
      if (progress === null) return;
      submit({
        runId: progress.runId,
        itemIds: run?.itemIds ?? null,
        resend: progress.resend,
        allowMismatched: progress.allowMismatched,
      });
    },
  };
}

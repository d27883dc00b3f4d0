import type { SosStatus } from "@sos/domain";
import { useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SosApplyResult, SosRequestDetail } from "../api-types";
import { type RequestFailure, requestFailure } from "./request-failure";

export type ApplyOutcome = Pick<SosApplyResult, "outcome" | "reasons">;

/**
 * 「システムチェック&申請」 and 「取下げ」 on the request page: each sends the version
 * on screen, and a refusal because the request changed meanwhile reloads it.
 */
export function useRequestCommands(request: SosRequestDetail, reload: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [applyOpen, setApplyOpen] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [applyOutcome, setApplyOutcome] = useState<ApplyOutcome | null>(null);
  /** The status the request was withdrawn from, once withdrawn here. */
  const [withdrawnFrom, setWithdrawnFrom] = useState<SosStatus | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);

  const store = (detail: SosRequestDetail) => {
    queryClient.setQueryData(trpc.sos.get.queryKey({ id: detail.id }), detail);
    void queryClient.invalidateQueries({ queryKey: trpc.sos.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
  };
  const apply = useMutation(trpc.sos.checkAndApply.mutationOptions());
  const withdraw = useMutation(trpc.sos.withdraw.mutationOptions());

  const reset = () => {
    setDialogError(null);
    setFailure(null);
    setApplyOutcome(null);
    setWithdrawnFrom(null);
  };

  /**
   * A refusal because the request moved on (changed elsewhere, already filed) is shown
   * on the page over fresh data; anything else stays in the dialog for a retry.
   */
  const fail = (title: string, error: unknown, close: () => void) => {
    const described = requestFailure(title, error);
    if (described.reload) {
      close();
      setFailure(described);
      reload();
      return;
    }
    setDialogError(described.message);
    throw error;
  };

  return {
    applyOutcome,
    withdrawnFrom,
    failure,
    dialogError,
    applyOpen,
    withdrawOpen,
    openApply: () => {
      reset();
      setApplyOpen(true);
    },
    openWithdraw: () => {
      reset();
      setWithdrawOpen(true);
    },
    cancel: () => {
      setApplyOpen(false);
      setWithdrawOpen(false);
      setDialogError(null);
    },
    confirmApply: async () => {
      setDialogError(null);
      try {
        const result = await apply.mutateAsync({ id: request.id, version: request.version });
        store(result.request);
        setApplyOutcome({ outcome: result.outcome, reasons: result.reasons });
        setApplyOpen(false);
      } catch (error) {
        fail("システムチェック&申請を行えませんでした", error, () => setApplyOpen(false));
      }
    },
    confirmWithdraw: async () => {
      setDialogError(null);
      try {
        store(await withdraw.mutateAsync({ id: request.id, version: request.version }));
        setWithdrawnFrom(request.status);
        setWithdrawOpen(false);
      } catch (error) {
        fail("取り下げできませんでした", error, () => setWithdrawOpen(false));
      }
    },
  };
}

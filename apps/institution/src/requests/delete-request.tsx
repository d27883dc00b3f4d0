import { Alert, ConfirmDialog } from "@sos/ui";
import { errorMessageJa, trpcErrorCode, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { SosRequestDetail } from "../api-types";
import { PATHS } from "../paths";
import { useArrivalState } from "./arrival-state";

/**
 * 削除 of a request never filed (申請前・エラーあり): asked once more, then the
 * list, which says it is gone. A request already deleted (another click or tab)
 * leads to the list as well, with the server's words.
 */

interface DeletedState {
  deleted: { what: string } | { alreadyGone: string };
}

function deletedOf(state: unknown): DeletedState["deleted"] | null {
  if (typeof state !== "object" || state === null || !("deleted" in state)) return null;
  const deleted = (state as DeletedState).deleted;
  return typeof deleted === "object" && deleted !== null ? deleted : null;
}

export function useDeleteRequest(request: SosRequestDetail) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation(trpc.sos.delete.mutationOptions());
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toList = async (deleted: DeletedState["deleted"]) => {
    queryClient.removeQueries({ queryKey: trpc.sos.get.queryKey({ id: request.id }) });
    await queryClient.invalidateQueries({ queryKey: trpc.sos.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
    await navigate(PATHS.requests, { state: { deleted } satisfies DeletedState });
  };

  return {
    open,
    error,
    openDialog: () => {
      setError(null);
      setOpen(true);
    },
    cancel: () => setOpen(false),
    confirm: async () => {
      setError(null);
      try {
        await remove.mutateAsync({ id: request.id, version: request.version });
      } catch (failure) {
        if (trpcErrorCode(failure) === "NOT_FOUND") {
          await toList({ alreadyGone: errorMessageJa(failure) });
          return;
        }
        setError(errorMessageJa(failure));
        throw failure;
      }
      await toList({ what: `${request.weekTitle}の要請（${request.statusLabel}）` });
    },
  };
}

export function DeleteRequestDialog({
  commands,
  request,
}: {
  commands: ReturnType<typeof useDeleteRequest>;
  request: SosRequestDetail;
}) {
  return (
    <ConfirmDialog
      open={commands.open}
      title="この要請を削除しますか？"
      confirmLabel="削除する"
      confirmVariant="danger"
      pendingLabel="削除中"
      onConfirm={commands.confirm}
      onCancel={commands.cancel}
      error={commands.error}
    >
      <p>
        {request.weekTitle}の要請（{request.statusLabel}
        ）を削除します。削除すると一覧から消え、元に戻すことはできません。
      </p>
      <p>
        この要請は都道府県・国には届いていません。改めて要請する場合は、新しい要請を作成してください。
      </p>
    </ConfirmDialog>
  );
}

/** On the list, once: what the request page deleted (or found already gone). */
export function DeletedNotice() {
  const deleted = useArrivalState(deletedOf);
  if (deleted === null) return null;
  return "what" in deleted ? (
    <Alert tone="success" title="要請を削除しました">
      <p>{deleted.what}を削除しました。</p>
    </Alert>
  ) : (
    <Alert tone="info" title="この要請はすでに削除されています">
      <p>{deleted.alreadyGone}</p>
    </Alert>
  );
}

import type { SosRequestForm as SosRequestFormValues } from "@sos/domain";
import { Notice, PageHeader, StatusBadge } from "@sos/ui";
import { BackLink, LoadFailed, Loading, PageTitle, RouterLinkButton, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { SosRequestDetail } from "../api-types";
import { useDraftKey } from "../common/form-draft";
import { PATHS, requestPath } from "../paths";
import { notEditableReason } from "./closed-reasons";
import type { RequestPageState } from "./flash";
import { requestFailure } from "./request-failure";
import { requestFormErrors } from "./request-form-errors";
import { type SosRequestFieldErrors, SosRequestForm } from "./sos-request-form";

/** 編集 → 保存, until the request is closed (受付完了, 対象外, 取下げ). */
export function EditRequestPage() {
  const { requestId = "" } = useParams();
  const trpc = useTRPC();
  const request = useQuery(trpc.sos.get.queryOptions({ id: requestId }));

  return (
    <div className="sos-stack">
      <PageTitle>緊急配布要請の編集</PageTitle>
      <BackLink to={requestPath(requestId)}>要請のページへ</BackLink>
      <PageHeader
        title="緊急配布要請の編集"
        meta={request.data && <StatusBadge status={request.data.status} />}
        description={request.data?.weekTitle}
      />
      {request.data === undefined ? (
        request.isError ? (
          <LoadFailed
            title="緊急配布要請を表示できませんでした"
            error={request.error}
            onRetry={() => void request.refetch()}
            back={{ to: PATHS.requests, label: "緊急配布要請の一覧へ戻る" }}
          />
        ) : (
          <Loading>緊急配布要請を読み込んでいます…</Loading>
        )
      ) : request.data.editable ? (
        <EditForm request={request.data} onStale={() => void request.refetch()} />
      ) : (
        <>
          <Notice title="この要請は編集できません" headingLevel={2}>
            <p>{notEditableReason(request.data.status)}</p>
          </Notice>
          <RouterLinkButton to={requestPath(requestId)} variant="secondary" fullWidth>
            要請のページへ戻る
          </RouterLinkButton>
        </>
      )}
    </div>
  );
}

function EditForm({ request, onStale }: { request: SosRequestDetail; onStale: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const update = useMutation(trpc.sos.update.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<SosRequestFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const draftKey = useDraftKey("request", request.id);

  const save = async (values: SosRequestFormValues) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      // The version shown is sent along: if someone else saved meanwhile, this save is refused.
      const saved = await update.mutateAsync({
        id: request.id,
        version: request.version,
        ...values,
      });
      queryClient.setQueryData(trpc.sos.get.queryKey({ id: saved.id }), saved);
      void queryClient.invalidateQueries({ queryKey: trpc.sos.list.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
      await navigate(requestPath(saved.id), {
        replace: true,
        state: { flash: "saved" } satisfies RequestPageState,
      });
    } catch (error) {
      const failure = requestFailure("保存できませんでした", error);
      const errors = requestFormErrors(error);
      setFieldErrors(errors.fieldErrors);
      // What was typed stays in the boxes; only the version and the status are refreshed.
      setServerError(
        failure.reload
          ? `${failure.message} 最新の内容を読み込みました。入力内容を確認して、もう一度「保存」を押してください。`
          : errors.serverError,
      );
      if (failure.reload) onStale();
      throw error;
    }
  };

  return (
    <>
      {request.status === "reviewing" && (
        <Notice title="都道府県・国確認中の要請です" headingLevel={2}>
          <p>保存すると変更内容が履歴に残り、都道府県・国の担当者にも表示されます。</p>
        </Notice>
      )}
      <SosRequestForm
        draftKey={draftKey}
        defaultValues={{
          contactName: request.contactName,
          contactPhone: request.contactPhone,
          notes: request.notes,
          conditionsConfirmed: request.conditionsConfirmed,
        }}
        onSubmit={save}
        onCancel={() => void navigate(requestPath(request.id))}
        fieldErrors={fieldErrors}
        serverError={serverError}
        conditionsAside={
          <p>
            条件を満たしているかは、<Link to={PATHS.selfCheck}>自己チェックシート</Link>
            で確認できます。
          </p>
        }
      />
    </>
  );
}

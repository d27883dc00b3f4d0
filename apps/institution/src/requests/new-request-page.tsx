import type { SosRequestForm as SosRequestFormValues } from "@sos/domain";
import { DeadlineCountdown, Notice, PageHeader } from "@sos/ui";
import { BackLink, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { HomeSummary } from "../api-types";
import { useDraftKey } from "../common/form-draft";
import { PATHS, requestPath, surveyPath } from "../paths";
import type { RequestPageState } from "./flash";
import { requestFormErrors } from "./request-form-errors";
import { type SosRequestFieldErrors, SosRequestForm } from "./sos-request-form";

/** 新規 → 保存: stores a draft (申請前); filing is the next step, on the request page. */
export function NewRequestPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const summary = useQuery(trpc.home.summary.queryOptions());
  const create = useMutation(trpc.sos.create.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<SosRequestFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  // A new request's draft, kept until it is saved (one new request per institution at a time).
  const draftKey = useDraftKey("request", "new");

  const save = async (values: SosRequestFormValues) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      const created = await create.mutateAsync(values);
      queryClient.setQueryData(trpc.sos.get.queryKey({ id: created.id }), created);
      void queryClient.invalidateQueries({ queryKey: trpc.sos.list.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
      await navigate(requestPath(created.id), {
        replace: true,
        state: { flash: "created" } satisfies RequestPageState,
      });
    } catch (error) {
      const errors = requestFormErrors(error);
      setFieldErrors(errors.fieldErrors);
      setServerError(errors.serverError);
      throw error;
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>緊急配布要請の作成</PageTitle>
      <BackLink to={PATHS.requests}>緊急配布要請の一覧へ</BackLink>
      <PageHeader
        title="緊急配布要請の作成"
        description="内容を入力して「保存」したあと、要請のページで「システムチェック&申請」を行ってください。"
      />
      {summary.data && <WeekStatus summary={summary.data} />}
      <SosRequestForm
        draftKey={draftKey}
        onSubmit={save}
        onCancel={() => void navigate(PATHS.requests)}
        fieldErrors={fieldErrors}
        serverError={serverError}
        conditionsAside={
          <p>
            条件を満たしているかは、<Link to={PATHS.selfCheck}>自己チェックシート</Link>
            で確認できます。
          </p>
        }
      />
    </div>
  );
}

/** This week's facts that decide whether filing makes sense now. */
function WeekStatus({ summary }: { summary: HomeSummary }) {
  const { survey, request, deadline } = summary;
  return (
    <div className="sos-stack inst-week-status">
      <DeadlineCountdown deadline={deadline.at} handleFrom={deadline.ifAppliedNow.handleFrom} />
      {survey.status === "unanswered" && (
        <Notice title="今週の週次調査が未回答です" emphasis="important">
          <p>
            申請（システムチェック）には、今週の週次調査への回答が必要です。保存はできますが、申請の前に回答してください。
          </p>
          <p>
            <Link to={surveyPath(survey.id)}>週次調査に回答する</Link>
          </p>
        </Notice>
      )}
      {request && (request.status === "draft" || request.status === "error") && (
        <Notice title="まだ申請していない要請があります">
          <p>
            今週の要請（{request.statusLabel}
            ）があります。新しく作成せずに、その要請を編集して「システムチェック&申請」を行うこともできます。
          </p>
          <p>
            <Link to={requestPath(request.id)}>申請していない要請を見る</Link>
          </p>
        </Notice>
      )}
      {request?.open && (
        <Notice title="今週はすでに要請しています" emphasis="important">
          <p>
            今週の要請（{request.statusLabel}
            ）があります。同じ週に申請できる要請は1件です。内容を変える場合は、その要請を編集してください。
          </p>
          <p>
            <Link to={requestPath(request.id)}>今週の要請を見る</Link>
          </p>
        </Notice>
      )}
    </div>
  );
}

import type { SurveyAnswer } from "@sos/domain";
import { FIGURE_KEYS, formatJaDateTime, PageHeader } from "@sos/ui";
import {
  BackLink,
  errorMessageJa,
  formFieldErrors,
  LoadFailed,
  Loading,
  PageTitle,
  RouterLinkButton,
  trpcErrorCode,
  useTRPC,
} from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { SurveyDetail } from "../api-types";
import { useDraftKey } from "../common/form-draft";
import { SurveyStatusBadge } from "../common/survey-status-badge";
import { ActingForBanner } from "../delegation/acting-for-banner";
import { OnBehalfNote } from "../delegation/on-behalf-note";
import { PATHS } from "../paths";
import { useSubmissionKey } from "./submission-key";
import { type SurveyFieldErrors, SurveyForm } from "./survey-form";
import { SurveyReceiptNote } from "./survey-receipt";

/** One week's survey: answer or edit it this week, read it afterwards. */
export function SurveyPage() {
  const { surveyId = "" } = useParams();
  const trpc = useTRPC();
  const survey = useQuery(trpc.survey.get.queryOptions({ id: surveyId }));

  return (
    <div className="sos-stack">
      <PageTitle>週次調査</PageTitle>
      <BackLink to={PATHS.surveys}>週次調査の一覧へ</BackLink>
      {survey.data === undefined ? (
        <>
          <PageHeader title="週次調査" />
          {survey.isError ? (
            <LoadFailed
              title="週次調査を表示できませんでした"
              error={survey.error}
              onRetry={() => void survey.refetch()}
              back={{ to: PATHS.surveys, label: "週次調査の一覧へ戻る" }}
            />
          ) : (
            <Loading>週次調査を読み込んでいます…</Loading>
          )}
        </>
      ) : (
        <SurveyAnswerSection survey={survey.data} />
      )}
    </div>
  );
}

function SurveyAnswerSection({ survey }: { survey: SurveyDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<SurveyFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);

  const submission = useSubmissionKey();
  // What is typed is kept in this browser until saved, per user, institution and week.
  const draftKey = useDraftKey("survey", survey.id);

  // A saved answer changes the list, the home page and the self-check's prefill.
  const settle = ({ receipt: _receipt, ...saved }: SurveyDetail & { receipt: unknown }) => {
    submission.saved();
    queryClient.setQueryData(trpc.survey.get.queryKey({ id: saved.id }), saved);
    void queryClient.invalidateQueries({ queryKey: trpc.survey.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.survey.current.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
  };
  const answer = useMutation(trpc.survey.answer.mutationOptions({ onSuccess: settle }));
  const copyPrevious = useMutation(trpc.survey.copyPrevious.mutationOptions({ onSuccess: settle }));

  const fail = (error: unknown) => {
    const byField = formFieldErrors(error, FIGURE_KEYS);
    setFieldErrors(byField);
    setServerError(Object.keys(byField).length > 0 ? null : errorMessageJa(error));
    // The week closed while the page was open (Wednesday 18:35): show it read-only now.
    if (trpcErrorCode(error) === "PRECONDITION_FAILED") {
      void queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.home.summary.queryKey() });
    }
    // The form keeps what was typed and shows the messages.
    throw error;
  };
  const clear = () => {
    setFieldErrors(null);
    setServerError(null);
  };

  // The same content pressed again (or retried by the client after 混雑) keeps its key.
  const save = async (values: SurveyAnswer) => {
    clear();
    const idempotencyKey = submission.keyFor({ answer: survey.id, values });
    await answer.mutateAsync({ id: survey.id, ...values, idempotencyKey }).catch(fail);
  };
  const copy = async () => {
    clear();
    const idempotencyKey = submission.keyFor({ copy: survey.id });
    await copyPrevious.mutateAsync({ id: survey.id, idempotencyKey }).catch(fail);
  };

  const answered = survey.status === "answered";
  return (
    <>
      <PageHeader
        title="週次調査"
        meta={<SurveyStatusBadge status={survey.status} />}
        description={
          <>
            <p className="inst-week-title">
              {survey.title}
              {survey.isCurrent && "（今週）"}
            </p>
            {survey.answeredAt && (
              <p className="inst-muted">
                {formatJaDateTime(new Date(survey.answeredAt))}に回答
                {survey.answeredBy && `（${survey.answeredBy.displayName}）`}
              </p>
            )}
            {survey.latestReceipt && <SurveyReceiptNote receipt={survey.latestReceipt} />}
            <OnBehalfNote onBehalf={survey.onBehalf} />
          </>
        }
      />
      <ActingForBanner />
      {survey.editable && (
        <p>
          {answered
            ? "回答済みです。数値を変更して「保存」すると、回答を更新できます。"
            : "医療用手袋の3つの数値を、枚数で回答してください。"}
        </p>
      )}
      <SurveyForm
        defaultValues={{
          stock: survey.stock,
          consumption: survey.consumption,
          purchases: survey.purchases,
        }}
        onSubmit={save}
        previous={survey.previous}
        onCopyPrevious={copy}
        readOnlyReason={survey.readOnlyReason}
        draftKey={survey.editable ? draftKey : null}
        fieldErrors={fieldErrors}
        serverError={serverError}
      />
      {answered && survey.isCurrent && (
        <RouterLinkButton to={PATHS.requests} variant="secondary" fullWidth>
          緊急配布要請へ
        </RouterLinkButton>
      )}
    </>
  );
}

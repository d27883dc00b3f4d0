import { Alert, formatJaDateTime, PageHeader, StatusBadge } from "@sos/ui";
import {
  BackLink,
  KEEP_FOCUS_STATE,
  LoadFailed,
  Loading,
  PageTitle,
  useSignedInUser,
  useTRPC,
} from "@sos/web";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import type { ReviewDetail } from "../api-types";
import { useRefreshReviewData } from "../common/refresh";
import { PATHS } from "../paths";
import { type QueueContext, queueContextOf } from "../queue/queue-context";
import { AuditTrail } from "./audit-trail";
import { type DecisionFlash, decisionFlashOf, decisionTitle } from "./flash";
import { MinistryDecision } from "./ministry-decision";
import { PrefectureDecision } from "./prefecture-decision";
import {
  ApprovalCard,
  CalculationCard,
  ContactLine,
  FilingCard,
  InstitutionCard,
  RequestNotices,
} from "./request-facts";
import { RequestPager } from "./request-pager";
import { useNextRequest } from "./use-next-request";

function focusDecisionOf(state: unknown): boolean {
  return typeof state === "object" && state !== null && "focusDecision" in state;
}

/** A request of the review console; the page is fresh for each request (no state carried over). */
export function RequestPage() {
  const { requestId = "" } = useParams();
  return <RequestScreen key={requestId} id={requestId} />;
}

function RequestScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const location = useLocation();
  const navigate = useNavigate();
  const context = queueContextOf(location.state);
  // Read once: the history entry is then cleaned, so a reload does not repeat them.
  const [flash] = useState(() => decisionFlashOf(location.state));
  const [focusDecision] = useState(() => focusDecisionOf(location.state));
  // Always read afresh: another officer may have decided it a moment ago.
  const request = useQuery(trpc.review.get.queryOptions({ id }, { staleTime: 0 }));
  const backTo = `${PATHS.requests}${context?.search ?? ""}`;

  // Once, on arrival.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the arrival state matters
  useEffect(() => {
    if (flash !== null || focusDecision) {
      void navigate(".", {
        replace: true,
        preventScrollReset: true,
        state: { ...KEEP_FOCUS_STATE, ...(context ? { reviewQueue: context } : {}) },
      });
    }
  }, []);

  return (
    <div className="sos-stack rev-wide">
      <BackLink to={backTo}>要請の一覧へ</BackLink>
      {request.data === undefined ? (
        <>
          <PageTitle>要請の確認</PageTitle>
          <PageHeader title="要請の確認" />
          {request.isError ? (
            <LoadFailed
              title="要請を表示できませんでした"
              error={request.error}
              onRetry={() => void request.refetch()}
              back={{ to: backTo, label: "要請の一覧へ戻る" }}
            />
          ) : (
            <Loading>要請を読み込んでいます…</Loading>
          )}
        </>
      ) : (
        <RequestView
          request={request.data}
          context={context}
          flash={flash}
          focusDecision={focusDecision}
          reload={() => request.refetch()}
        />
      )}
    </div>
  );
}

function RequestView({
  request,
  context,
  flash,
  focusDecision,
  reload,
}: {
  request: ReviewDetail;
  context: QueueContext | null;
  flash: DecisionFlash | null;
  focusDecision: boolean;
  reload: () => Promise<unknown>;
}) {
  const user = useSignedInUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const goNext = useNextRequest(request.id, context);
  const refresh = useRefreshReviewData();
  const decisionRef = useRef<HTMLElement>(null);
  const decisionHeadingId = useId();
  const ministry = user.role === "ministry";

  // Arrived here after deciding the previous request: the keyboard goes on in the form.
  useEffect(() => {
    if (!focusDecision) return;
    const section = decisionRef.current;
    const first = section?.querySelector<HTMLElement>(
      "input:not([disabled]), textarea:not([disabled])",
    );
    (first ?? section?.querySelector<HTMLElement>("h2"))?.focus();
  }, [focusDecision]);

  const onUpdated = (updated: ReviewDetail) => {
    queryClient.setQueryData(trpc.review.get.queryKey({ id: request.id }), updated);
  };

  const onDecided = async (outcome: DecisionFlash) => {
    void refresh();
    await goNext(outcome);
  };

  const institution = request.institution;
  return (
    <>
      <PageTitle>{`${institution.name}の要請`}</PageTitle>
      <PageHeader
        title={institution.name}
        meta={<StatusBadge status={request.status} reviewStage={request.reviewStage} />}
        description={
          <>
            <p className="rev-muted">
              {institution.prefectureName}・{institution.typeLabel}・医療機関コード{" "}
              {institution.code}・{request.weekTitle}
            </p>
            <ContactLine request={request} />
          </>
        }
      />
      {context !== null && <RequestPager context={context} currentId={request.id} />}

      {flash !== null && (
        <Alert tone="success" title={decisionTitle(flash)}>
          {flash.noticeAt !== undefined && (
            <p>
              医療機関には {formatJaDateTime(new Date(flash.noticeAt))} 以降にメールで連絡します。
            </p>
          )}
          <p>一覧の次の要請を表示しています。</p>
        </Alert>
      )}

      <RequestNotices request={request} />

      <div className="rev-request">
        <div className="rev-request__facts">
          <CalculationCard request={request} />
          <InstitutionCard request={request} />
          <FilingCard request={request} />
          <ApprovalCard request={request} />
        </div>
        <section
          ref={decisionRef}
          className="rev-request__decision"
          aria-labelledby={decisionHeadingId}
        >
          <h2 id={decisionHeadingId} tabIndex={-1}>
            {ministry ? "国の確認" : "都道府県の確認"}
          </h2>
          {ministry ? (
            <MinistryDecision
              request={request}
              onUpdated={onUpdated}
              onReload={reload}
              onDecided={onDecided}
            />
          ) : (
            <PrefectureDecision
              request={request}
              onUpdated={onUpdated}
              onReload={reload}
              onDecided={onDecided}
            />
          )}
        </section>
        <div className="rev-request__history">
          <AuditTrail entries={request.history} />
        </div>
      </div>
    </>
  );
}

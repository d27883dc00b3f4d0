import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  DeadlineCountdown,
  Notice,
  PageHeader,
  RequestHistory,
  StatusBadge,
} from "@sos/ui";
import { BackLink, LoadFailed, Loading, PageTitle, RouterLinkButton, useTRPC } from "@sos/web";
import { skipToken, useQuery } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef } from "react";
import { Link, useHref, useParams } from "react-router";
import type { HomeSummary, SosRequestDetail } from "../api-types";
import { ActingForBanner } from "../delegation/acting-for-banner";
import { OnBehalfNote } from "../delegation/on-behalf-note";
import { editRequestPath, PATHS, surveyPath } from "../paths";
import { PurchaseSection } from "../purchase/purchase-section";
import { useArrivalState } from "./arrival-state";
import { CheckSummary } from "./check-summary";
import { notEditableReason } from "./closed-reasons";
import { DeleteRequestDialog, useDeleteRequest } from "./delete-request";
import { flashOf, type RequestFlash } from "./flash";
import { applyNextStep } from "./next-step";
import { useRequestCommands } from "./request-commands";
import { RequestDecision } from "./request-decision";
import { RequestDetails } from "./request-details";
import { RequestFailureAlert } from "./request-failure-alert";
import { SosRequestView } from "./sos-request-view";
import { SystemCheckDialog } from "./system-check-dialog";
import { type SurveyLinkRenderProps, SystemCheckResult } from "./system-check-result";

/** One request: its status, what to do next, the review's outcome and the whole history. */
export function RequestPage() {
  const { requestId = "" } = useParams();
  const trpc = useTRPC();
  // Always read afresh on opening: reviewers change the status, and the read is what
  // puts the request at the top of 「最近参照した要請」.
  const request = useQuery(trpc.sos.get.queryOptions({ id: requestId }, { staleTime: 0 }));
  const flash = useFlash();

  return (
    <div className="sos-stack">
      <PageTitle>緊急配布要請</PageTitle>
      <BackLink to={PATHS.requests}>緊急配布要請の一覧へ</BackLink>
      {request.data === undefined ? (
        <>
          <PageHeader title="緊急配布要請" />
          {request.isError ? (
            <LoadFailed
              title="緊急配布要請を表示できませんでした"
              error={request.error}
              onRetry={() => void request.refetch()}
              back={{ to: PATHS.requests, label: "緊急配布要請の一覧へ戻る" }}
            />
          ) : (
            <Loading>緊急配布要請を読み込んでいます…</Loading>
          )}
        </>
      ) : (
        <RequestView request={request.data} flash={flash} reload={() => void request.refetch()} />
      )}
    </div>
  );
}

/** The confirmation the previous page asked for, taken out of the history entry once read. */
function useFlash(): RequestFlash | null {
  return useArrivalState(flashOf);
}

/** The fix-the-survey link of a failed check, as an in-app link. */
function renderSurveyLink({ surveyId, className, children }: SurveyLinkRenderProps) {
  return (
    <Link to={surveyPath(surveyId)} className={className}>
      {children}
    </Link>
  );
}

const FLASH_MESSAGES: Readonly<Record<RequestFlash, string>> = {
  created: "保存しました（申請前）。",
  saved: "変更を保存しました。",
};

function RequestView({
  request,
  flash,
  reload,
}: {
  request: SosRequestDetail;
  flash: RequestFlash | null;
  reload: () => void;
}) {
  const trpc = useTRPC();
  const commands = useRequestCommands(request, reload);
  const deletion = useDeleteRequest(request);
  // The dialog says which week the check reads and whether filing now is late.
  const summary = useQuery(
    trpc.home.summary.queryOptions(request.canApply ? undefined : skipToken),
  );
  const outcome = commands.applyOutcome;
  // Focus the outcome so it is read first; the dialog's button that had focus is gone.
  // Here rather than in CommandOutcome: it must run after the dialog's own effects.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome !== null || commands.withdrawnFrom !== null || commands.failure !== null) {
      resultRef.current?.focus();
    }
  }, [outcome, commands.withdrawnFrom, commands.failure]);

  const closed = !request.editable;
  return (
    <>
      <PageHeader
        title="緊急配布要請"
        meta={<StatusBadge status={request.status} />}
        description={
          <>
            <p className="inst-week-title">{request.weekTitle}</p>
            <OnBehalfNote onBehalf={request.onBehalf} />
          </>
        }
      />
      <ActingForBanner />

      <CommandOutcome request={request} commands={commands} flash={flash} resultRef={resultRef} />

      {request.status === "reviewing" && request.lateNote && outcome === null && (
        <Notice title="締切後の申請です" emphasis="important">
          <p>{request.lateNote}</p>
        </Notice>
      )}
      {request.status === "accepted" && <PurchaseSection requestId={request.id} />}

      {!closed && (
        <RequestActions
          request={request}
          summary={summary.data}
          onApply={commands.openApply}
          onWithdraw={commands.openWithdraw}
          onDelete={deletion.openDialog}
        />
      )}

      <RequestDecision status={request.status} decision={request.decision} />

      {closed ? (
        <SosRequestView
          readOnlyReason={notEditableReason(request.status)}
          values={{
            contactName: request.contactName,
            contactPhone: request.contactPhone,
            notes: request.notes,
            conditionsConfirmed: request.conditionsConfirmed,
          }}
        />
      ) : (
        <RequestDetails request={request} />
      )}

      {request.check && <CheckSummary check={request.check} />}

      <RequestHistory entries={request.history} title="履歴" />

      <SystemCheckDialog
        open={commands.applyOpen}
        onConfirm={commands.confirmApply}
        onCancel={commands.cancel}
        {...(summary.data ? { weekTitle: summary.data.week.title } : {})}
        late={summary.data?.deadline.ifAppliedNow.late ?? false}
        handleFrom={summary.data?.deadline.ifAppliedNow.handleFrom ?? null}
        error={commands.dialogError}
      />
      <WithdrawDialog
        open={commands.withdrawOpen}
        reviewing={request.status === "reviewing"}
        onConfirm={commands.confirmWithdraw}
        onCancel={commands.cancel}
        error={commands.dialogError}
      />
      <DeleteRequestDialog commands={deletion} request={request} />
    </>
  );
}

/** What the last command did: its failure, the withdrawal, the flash, or the system check's outcome. */
function CommandOutcome({
  request,
  commands,
  flash,
  resultRef,
}: {
  request: SosRequestDetail;
  commands: ReturnType<typeof useRequestCommands>;
  flash: RequestFlash | null;
  resultRef: RefObject<HTMLDivElement | null>;
}) {
  const surveyBase = useHref("/surveys");
  const outcome = commands.applyOutcome;
  return (
    <div ref={resultRef} tabIndex={-1} className="inst-result sos-stack">
      {commands.failure && <RequestFailureAlert failure={commands.failure} />}
      {commands.withdrawnFrom !== null && (
        <Alert tone="success" title="要請を取り下げました">
          {commands.withdrawnFrom === "reviewing" && (
            <p>都道府県の担当者にも、取り下げたことがメールで伝わります。</p>
          )}
        </Alert>
      )}
      {flash && outcome === null && commands.withdrawnFrom === null && (
        <Alert tone="success" title={FLASH_MESSAGES[flash]}>
          {request.canApply && (
            <p>まだ要請は完了していません。下の「システムチェック&申請」を行ってください。</p>
          )}
        </Alert>
      )}
      {outcome !== null ? (
        <SystemCheckResult
          outcome={outcome.outcome}
          reasons={outcome.reasons}
          late={request.late}
          handleFrom={request.handleFrom}
          surveyHref={(id) => `${surveyBase}/${id}`}
          renderLink={renderSurveyLink}
        />
      ) : (
        request.status === "error" && (
          <SystemCheckResult
            outcome="error"
            reasons={request.errorReasons}
            surveyHref={(id) => `${surveyBase}/${id}`}
            renderLink={renderSurveyLink}
          />
        )
      )}
    </div>
  );
}

function WithdrawDialog({
  open,
  reviewing,
  onConfirm,
  onCancel,
  error,
}: {
  open: boolean;
  reviewing: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  error: string | null;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="この要請を取り下げますか？"
      confirmLabel="取り下げる"
      confirmVariant="danger"
      pendingLabel="取り下げ中"
      onConfirm={onConfirm}
      onCancel={onCancel}
      error={error}
    >
      <p>
        取り下げると元に戻すことはできません。
        {reviewing &&
          "都道府県・国での確認は行われなくなり、都道府県の担当者にはメールで伝わります。"}
      </p>
      <p>改めて要請する場合は、新しい要請を作成して申請してください。</p>
    </ConfirmDialog>
  );
}

function RequestActions({
  request,
  summary,
  onApply,
  onWithdraw,
  onDelete,
}: {
  request: SosRequestDetail;
  summary: HomeSummary | undefined;
  onApply: () => void;
  onWithdraw: () => void;
  onDelete: () => void;
}) {
  return (
    <Card title="この要請の操作">
      {request.canApply && (
        <>
          <p>{applyNextStep(request)}</p>
          {summary && (
            <DeadlineCountdown
              deadline={summary.deadline.at}
              handleFrom={summary.deadline.ifAppliedNow.handleFrom}
            />
          )}
          {summary?.survey.status === "unanswered" && (
            <p className="inst-late">
              今週の週次調査が未回答です。申請の前に
              <Link to={surveyPath(summary.survey.id)}>週次調査に回答</Link>
              してください。
            </p>
          )}
        </>
      )}
      {request.status === "reviewing" && (
        <p>都道府県・国で確認中です。受付が完了するまでは、内容の編集や取下げができます。</p>
      )}
      <div className="inst-actions">
        {request.canApply && (
          <Button size="large" fullWidth onClick={onApply}>
            システムチェック&申請
          </Button>
        )}
        {request.editable && (
          <RouterLinkButton to={editRequestPath(request.id)} variant="secondary" fullWidth>
            編集
          </RouterLinkButton>
        )}
        {request.canWithdraw && (
          <Button variant="danger-secondary" fullWidth onClick={onWithdraw}>
            取下げ
          </Button>
        )}
        {request.canDelete && (
          <Button variant="danger-secondary" fullWidth onClick={onDelete}>
            削除
          </Button>
        )}
      </div>
    </Card>
  );
}

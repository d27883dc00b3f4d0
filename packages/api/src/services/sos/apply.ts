import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { activeSanctions, findInstitution } from "@sos/db/repositories/institution";
import { findInstitutionContact } from "@sos/db/repositories/review";
import {
  insertHistory,
  openRequestExists,
  type SosRequestRow,
  updateRequest,
  updateRequestUnlessWeekTaken,
} from "@sos/db/repositories/sos-request";
import { ensureSurvey, lockSurveyOfWeek } from "@sos/db/repositories/survey";
import {
  INITIAL_REVIEW_STAGE,
  type SosStatus,
  sosHandling,
  surveyWeekOf,
  tokyoDate,
  transition,
} from "@sos/rules";
import { DomainError } from "../../errors";
import type { ApplyResult } from "../../schemas/sos";
import { actorRole, delegationDetails, type InstitutionActor } from "../survey/actor";
import { surveyFigures } from "../survey/service";
import { OPEN_REQUEST_EXISTS_MESSAGE, runSystemCheck, type SystemCheckResult } from "./check";
import { lockAtVersion, type MailConfig } from "./commands";
import { institutionMailLinks, requestReceivedMail } from "./institution-mail";
import { NOT_APPLICABLE_MESSAGES } from "./messages";
import { appliedMail, mailOfficers, reviewLink } from "./officer-mail";
import { loadRequestDetail } from "./read";

function notApplicable(status: SosStatus): DomainError {
  const messageJa =
    status === "draft" || status === "error" ? undefined : NOT_APPLICABLE_MESSAGES[status];
  return new DomainError("INVALID_STATE", messageJa === undefined ? {} : { messageJa });
}

/**
 * 「システムチェック&申請」→「完了」: runs the system check and files the
 * request (reviewing, with the prefecture) or records why it failed (error).
 *
 * Concurrency, in the order locks are taken:
 * 1. the request row (FOR UPDATE) with the version the client saw: a second
 *    click or tab on the same request waits, then finds a newer version and
 *    gets CONFLICT instead of a second transition;
 * 2. the institution's survey row of the filing week (created first if the
 *    weekly job has not reached it): two different requests of the same
 *    institution and week queue here, so the second sees the first one's
 *    outcome when it looks for an open request; an answer being saved to the
 *    survey at the same time also waits, so the check reads settled figures.
 * The partial unique index sos_requests_one_open_per_week is the last line of
 * defence (say, a request made reviewing by a path that skipped the survey
 * lock): its violation is caught under a savepoint and reported as the same
 * 「同じ週に申請中の要請があります」 outcome.
 *
 * The request moves to the week it is filed in, and the figures checked are
 * copied onto it (see migration 0002): reviewers judge what was filed even if
 * the survey is edited later in the week.
 */
export async function applySosRequest(
  db: Db,
  { now, actor, id, version, mail }: ApplyCall,
): Promise<ApplyResult> {
  const { outcome, reasons } = await db.transaction().execute(async (trx) => {
    const row = await lockAtVersion(trx, actor, id, version);
    if (!transition(row.status, "apply_passed").ok) throw notApplicable(row.status);
    const { weekStart, surveyId, check } = await checkAndSettle(trx, row, actor, now);
    const handling = sosHandling(now);
    await recordApplyHistory(trx, row, { actor, now, weekStart, surveyId, check, handling });
    const filing = { actor, now, weekStart, check, handling, mail };
    const mailed =
      check.passed && check.figures && check.assessment ? await mailFiling(trx, row, filing) : 0;
    const receiptMailId = check.passed ? await mailReceipt(trx, row, filing) : null;
    await appendAudit(trx, {
      action: check.passed ? "sos.apply.passed" : "sos.apply.failed",
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      targetType: "sos_request",
      targetId: row.id,
      ip: actor.ip,
      details: {
        ...delegationDetails(actor),
        weekStart,
        fromStatus: row.status,
        reasons: check.reasons.map((reason) => reason.code),
        late: check.passed ? handling.late : null,
        officersMailed: mailed,
        receiptMailId,
      },
    });
    const to: SosStatus = check.passed ? "reviewing" : "error";
    return { outcome: to as "reviewing" | "error", reasons: check.reasons };
  });
  return { outcome, reasons, request: await loadRequestDetail(db, { actor, id }) };
}

interface ApplyCall {
  now: Date;
  actor: InstitutionActor;
  id: string;
  version: number;
  mail: MailConfig;
}

type Handling = ReturnType<typeof sosHandling>;

/**
 * Locks the survey of the filing week (creating it if the weekly job has not
 * reached it), runs the system check on it and writes the outcome onto the
 * request: filed for review, or error with its reasons. The one-open-per-week
 * index turning down the filing counts as the open-request reason.
 */
async function checkAndSettle(
  trx: Db,
  row: SosRequestRow,
  actor: InstitutionActor,
  now: Date,
): Promise<{ weekStart: string; surveyId: string; check: SystemCheckResult }> {
  const { weekStart } = surveyWeekOf(now);
  await ensureSurvey(trx, actor.institutionId, weekStart, now);
  const survey = await lockSurveyOfWeek(trx, actor.institutionId, weekStart);
  if (!survey) throw new Error(`survey of ${weekStart} missing right after ensureSurvey`);

  const [sanctions, openExists] = await Promise.all([
    activeSanctions(trx, actor.institutionId, tokyoDate(now)),
    openRequestExists(trx, actor.institutionId, weekStart, row.id),
  ]);
  let check = runSystemCheck({
    survey: { id: survey.id, weekStart, figures: surveyFigures(survey) },
    sanctions,
    openRequestExists: openExists,
  });
  const context = { now, weekStart, surveyId: survey.id };
  if (check.passed && !(await fileForReview(trx, row, { ...context, check }))) {
    check = {
      ...check,
      passed: false,
      reasons: [
        { code: "open_request_exists", message: OPEN_REQUEST_EXISTS_MESSAGE, surveyId: null },
      ],
    };
  }
  if (!check.passed) await recordFailure(trx, row, { ...context, check });
  return { weekStart, surveyId: survey.id, check };
}

async function recordApplyHistory(
  trx: Db,
  row: SosRequestRow,
  {
    actor,
    now,
    weekStart,
    surveyId,
    check,
    handling,
  }: CheckContext & { actor: InstitutionActor; handling: Handling },
): Promise<void> {
  await insertHistory(trx, {
    requestId: row.id,
    at: now,
    actorUserId: actor.userId,
    actorRole: actorRole(actor),
    delegateOrganisationId: actor.delegateOrganisationId,
    action: check.passed ? "apply_passed" : "apply_failed",
    fromStatus: row.status,
    toStatus: check.passed ? "reviewing" : "error",
    changes: {
      ...(row.weekStart === weekStart ? {} : { weekStart: { from: row.weekStart, to: weekStart } }),
      surveyId,
      checkedFigures: check.figures,
      limitSets: check.assessment?.limitSets ?? null,
      errorReasons: check.reasons.map((reason) => reason.code),
      ...(check.passed ? { late: handling.late, handleFrom: handling.handleFrom } : {}),
    },
  });
}

/** What the mails of a filing are written from. */
type FilingMailContext = Omit<CheckContext, "surveyId"> & {
  actor: InstitutionActor;
  handling: Handling;
  mail: MailConfig;
};

/** Tells the prefecture's officers about the filing; returns how many were mailed. */
async function mailFiling(
  trx: Db,
  row: SosRequestRow,
  { actor, now, weekStart, check, handling, mail }: FilingMailContext,
): Promise<number> {
  const { figures, assessment } = check;
  if (!figures || !assessment) return 0;
  const institution = await findInstitution(trx, actor.institutionId);
  if (!institution) throw new DomainError("NOT_FOUND");
  const facts = {
    requestId: row.id,
    institution,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    notes: row.notes,
    weekStart,
    appliedAt: now,
    figures,
    assessment,
    late: handling.late,
    handleFrom: handling.handleFrom,
    deadline: handling.deadline,
  };
  const link = reviewLink(mail.publicBaseUrl, row.id);
  return mailOfficers(trx, {
    prefectureCode: row.prefectureCode,
    kind: "sos_applied",
    from: mail.mailFrom,
    build: (officerName) => appliedMail(officerName, facts, link),
  });
}

/** Tells the institution its request was received (受付); returns the mail's id. */
async function mailReceipt(
  trx: Db,
  row: SosRequestRow,
  { actor, now, weekStart, check, handling, mail }: FilingMailContext,
): Promise<string> {
  const institution = await findInstitutionContact(trx, actor.institutionId);
  if (!institution) throw new DomainError("NOT_FOUND");
  const { subject, text } = requestReceivedMail(
    {
      requestId: row.id,
      institution,
      contactName: row.contactName,
      weekStart,
      appliedAt: now,
      limitSets: check.assessment?.limitSets ?? 0,
      late: handling.late,
      handleFrom: handling.handleFrom,
    },
    institutionMailLinks(mail.publicBaseUrl, row.id),
  );
  return enqueueMail(trx, {
    kind: "sos_received",
    to: institution.email,
    from: mail.mailFrom,
    subject,
    text,
  });
}

interface CheckContext {
  now: Date;
  weekStart: string;
  surveyId: string;
  check: SystemCheckResult;
}

function checkedColumns(check: SystemCheckResult) {
  return {
    checkedStock: check.figures?.stock ?? null,
    checkedConsumption: check.figures?.consumption ?? null,
    checkedPurchases: check.figures?.purchases ?? null,
    checkedLimitSets: check.figures ? (check.assessment?.limitSets ?? 0) : null,
  };
}

/**
 * Moves the request to reviewing under a savepoint; false when the one-open-
 * per-week index refused it (the savepoint keeps the transaction usable).
 */
async function fileForReview(
  db: Db,
  row: SosRequestRow,
  { now, weekStart, surveyId, check }: CheckContext,
): Promise<boolean> {
  const handling = sosHandling(now);
  return updateRequestUnlessWeekTaken(db, row.id, {
    status: "reviewing",
    reviewStage: INITIAL_REVIEW_STAGE,
    weekStart,
    surveyId,
    appliedAt: now,
    late: handling.late,
    handleFrom: handling.handleFrom,
    ...checkedColumns(check),
    errorReasons: "[]",
    errorDetails: "[]",
    version: row.version + 1,
    updatedAt: now,
  });
}

async function recordFailure(
  db: Db,
  row: SosRequestRow,
  { now, weekStart, surveyId, check }: CheckContext,
): Promise<void> {
  await updateRequest(db, row.id, {
    status: "error",
    reviewStage: null,
    weekStart,
    // Points at the survey to fix, which is what the error page links to.
    surveyId,
    appliedAt: now,
    late: false,
    handleFrom: null,
    ...checkedColumns(check),
    errorReasons: JSON.stringify(check.reasons.map((reason) => reason.code)),
    errorDetails: JSON.stringify(check.reasons),
    version: row.version + 1,
    updatedAt: now,
  });
}

import { type Db, enqueueMail } from "@sos/db";
import {
  closeRequest,
  findInstitutionContact,
  upsertNotEligibleReason,
} from "@sos/db/repositories/review";
import { notEligibleNoticeFrom, reviewTransition, type SosStatus, transition } from "@sos/rules";
import { DomainError } from "../../errors";
import type { NotEligibleResult } from "../../schemas/review";
import type { MailConfig } from "../sos/commands";
import { mailOfficers } from "../sos/officer-mail";
import type { ReasonedDecision, ReviewActor } from "./actor";
import { reviewDetail } from "./detail";
import {
  institutionRequestLink,
  notEligibleInstitutionMail,
  notEligibleOfficerMail,
  type RequestFacts,
  reviewRequestLink,
} from "./mails";
import { WITH_MINISTRY_MESSAGE } from "./messages";
import { computedLimitSets, requireReviewing } from "./prefecture-review";
import { recordReviewAction } from "./record";
import { lockForReview, type RequestRow } from "./scope";

export async function requestFacts(
  db: Db,
  row: RequestRow,
): Promise<RequestFacts & { email: string }> {
  const institution = await findInstitutionContact(db, row.institutionId);
  if (!institution || row.appliedAt === null) throw new DomainError("NOT_FOUND");
  return {
    requestId: row.id,
    weekStart: row.weekStart,
    appliedAt: row.appliedAt,
    institution: {
      code: institution.code,
      name: institution.name,
      prefectureName: institution.prefectureName,
    },
    contactName: row.contactName,
    email: institution.email,
  };
}

interface Decision {
  actor: ReviewActor;
  now: Date;
  row: RequestRow;
  reason: string;
  mail: MailConfig;
}

type Notice = NotEligibleResult["notice"];

/** The status 対象外 leads to; a prefecture decides only while it holds the request. */
function notEligibleStatus(actor: ReviewActor, row: RequestRow): SosStatus {
  requireReviewing(row);
  if (actor.role === "prefecture" && row.reviewStage !== "prefecture") {
    throw new DomainError("INVALID_STATE", { messageJa: WITH_MINISTRY_MESSAGE });
  }
  const next = transition(row.status, "reject");
  const stage = row.reviewStage === null ? null : reviewTransition(row.reviewStage, "reject");
  if (!next.ok || (stage !== null && !stage.ok)) throw new DomainError("INVALID_STATE");
  return next.value;
}

/** Ends the request; a prefecture's reason is kept with its input as well. */
async function closeAsNotEligible(trx: Db, d: Decision, status: SosStatus): Promise<void> {
  const { actor, now, row, reason } = d;
  await closeRequest(trx, {
    id: row.id,
    status,
    closedReason: reason,
    version: row.version + 1,
    at: now,
  });
  if (actor.role === "prefecture") {
    await upsertNotEligibleReason(trx, {
      requestId: row.id,
      computedLimitSets: await computedLimitSets(trx, row),
      reason,
      at: now,
      by: actor.userId,
    });
  }
}

/**
 * Queues the institution's notice, held until the Friday of the request week,
 * and (when the ministry decided) tells the prefecture's officers.
 */
async function queueNotices(
  trx: Db,
  d: Decision,
): Promise<{ notice: Notice; officersMailed: number }> {
  const { actor, now, row, reason, mail } = d;
  const facts = await requestFacts(trx, row);
  const noticeFrom = notEligibleNoticeFrom(facts.appliedAt);
  const sendAt = noticeFrom.getTime() > now.getTime() ? noticeFrom : now;
  const { subject, text } = notEligibleInstitutionMail(
    { ...facts, reason, decidedBy: actor.role },
    institutionRequestLink(mail.publicBaseUrl, row.id),
  );
  const mailId = await enqueueMail(trx, {
    kind: "sos_not_eligible",
    to: facts.email,
    from: mail.mailFrom,
    subject,
    text,
    sendAt,
  });
  const officersMailed =
    actor.role !== "ministry"
      ? 0
      : await mailOfficers(trx, {
          prefectureCode: row.prefectureCode,
          kind: "sos_not_eligible_by_ministry",
          from: mail.mailFrom,
          build: (officerName) =>
            notEligibleOfficerMail(
              officerName,
              { ...facts, reason, noticeFrom: sendAt },
              reviewRequestLink(mail.publicBaseUrl, row.id),
            ),
        });
  return { notice: { mailId, to: facts.email, sendAt }, officersMailed };
}

/**
 * 対象外: the prefecture (while it holds the request) or the ministry closes
 * it with a reason. The request ends; the institution is emailed through the
 * outbox, but the job is held until the Friday of the request week, as the
 * manual promises institutions (要請した週の金曜以降).
 */
export async function markNotEligible(
  db: Db,
  { actor, now, id, expectedVersion, reason, mail }: ReasonedDecision,
): Promise<NotEligibleResult> {
  const notice = await db.transaction().execute(async (trx) => {
    const row = await lockForReview(trx, actor.scope, id, expectedVersion);
    const status = notEligibleStatus(actor, row);
    const decision: Decision = { actor, now, row, reason, mail };
    await closeAsNotEligible(trx, decision, status);
    const { notice, officersMailed } = await queueNotices(trx, decision);
    await recordReviewAction(trx, actor, {
      requestId: row.id,
      at: now,
      action: "reject",
      fromStatus: row.status,
      toStatus: status,
      changes: {
        reason,
        reviewStage: { from: row.reviewStage, to: null },
        notice: { mailId: notice.mailId, to: notice.to, sendAt: notice.sendAt.toISOString() },
      },
      auditAction: "review.not_eligible",
      auditDetails: {
        reviewStage: row.reviewStage,
        noticeSendAt: notice.sendAt.toISOString(),
        officersMailed,
      },
    });
    return notice;
  });
  return { request: await reviewDetail(db, { scope: actor.scope, now, id }), notice };
}

import { type Db, enqueueMail } from "@sos/db";
import { notEligibleNoticeFrom, reviewTransition, transition } from "@sos/rules";
import { DomainError } from "../../errors";
import type { MailConfig } from "../sos/commands";
import { mailOfficers } from "../sos/officer-mail";
import type { ReviewActor } from "./actor";
import { type ReviewDetail, reviewDetail } from "./detail";
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

export interface NotEligibleResult {
  request: ReviewDetail;
  notice: {
    mailId: string;
    to: string;
    /** When the worker may send it: not before the Friday of the request week. */
    sendAt: Date;
  };
}

export async function requestFacts(
  db: Db,
  row: RequestRow,
): Promise<RequestFacts & { email: string }> {
  const institution = await db
    .selectFrom("institutions as i")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .select(["i.code", "i.name", "i.email", "p.name as prefectureName"])
    .where("i.id", "=", row.institutionId)
    .executeTakeFirst();
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

/**
 * 対象外: the prefecture (while it holds the request) or the ministry closes
 * it with a reason. The request ends; the institution is emailed through the
 * outbox, but the job is held until the Friday of the request week, as the
 * manual promises institutions (要請した週の金曜以降).
 */
export async function markNotEligible(
  db: Db,
  {
    actor,
    now,
    id,
    expectedVersion,
    reason,
    mail,
  }: {
    actor: ReviewActor;
    now: Date;
    id: string;
    expectedVersion: number;
    reason: string;
    mail: MailConfig;
  },
): Promise<NotEligibleResult> {
  const notice = await db.transaction().execute(async (trx) => {
    const row = await lockForReview(trx, actor.scope, id, expectedVersion);
    requireReviewing(row);
    if (actor.role === "prefecture" && row.reviewStage !== "prefecture") {
      throw new DomainError("INVALID_STATE", { messageJa: WITH_MINISTRY_MESSAGE });
    }
    const next = transition(row.status, "reject");
    const stage = row.reviewStage === null ? null : reviewTransition(row.reviewStage, "reject");
    if (!next.ok || (stage !== null && !stage.ok)) throw new DomainError("INVALID_STATE");

    await trx
      .updateTable("sosRequests")
      .set({
        status: next.value,
        reviewStage: null,
        closedReason: reason,
        version: row.version + 1,
        updatedAt: now,
      })
      .where("id", "=", row.id)
      .execute();
    if (actor.role === "prefecture") {
      const limitSets = await computedLimitSets(trx, row);
      await trx
        .insertInto("prefectureReviews")
        .values({
          requestId: row.id,
          computedLimitSets: limitSets,
          notEligibleReason: reason,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .onConflict((oc) =>
          oc.column("requestId").doUpdateSet((eb) => ({
            notEligibleReason: reason,
            updatedAt: now,
            updatedBy: actor.userId,
            version: eb(eb.ref("prefectureReviews.version"), "+", 1),
          })),
        )
        .execute();
    }

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
    let officersMailed = 0;
    if (actor.role === "ministry") {
      officersMailed = await mailOfficers(trx, {
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
    }

    await recordReviewAction(trx, actor, {
      requestId: row.id,
      at: now,
      action: "reject",
      fromStatus: row.status,
      toStatus: next.value,
      changes: {
        reason,
        reviewStage: { from: row.reviewStage, to: null },
        notice: { mailId, to: facts.email, sendAt: sendAt.toISOString() },
      },
      auditAction: "review.not_eligible",
      auditDetails: {
        reviewStage: row.reviewStage,
        noticeSendAt: sendAt.toISOString(),
        officersMailed,
      },
    });
    return { mailId, to: facts.email, sendAt };
  });
  return { request: await reviewDetail(db, { scope: actor.scope, now, id }), notice };
}

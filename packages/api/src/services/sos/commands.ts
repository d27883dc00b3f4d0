import { appendAudit, type Db } from "@sos/db";
import { findInstitution } from "@sos/db/repositories/institution";
import {
  insertHistory,
  insertRequest,
  lockRequest,
  type SosRequestRow,
  updateRequest,
} from "@sos/db/repositories/sos-request";
import { isEditable, surveyWeekOf, transition } from "@sos/rules";
import { DomainError } from "../../errors";
import type { SosRequestDetail } from "../../schemas/sos";
import { actorRole, delegationDetails, type InstitutionActor } from "../survey/actor";
import { NOT_EDITABLE_MESSAGES, NOT_WITHDRAWABLE_MESSAGES } from "./messages";
import { mailOfficers, reviewLink, withdrawnMail } from "./officer-mail";
import { loadRequestDetail } from "./read";
import { canWithdraw } from "./views";

/** What the request form carries, already normalised by SosRequestFormInput. */
export interface SosRequestForm {
  contactName: string;
  contactPhone: string | null;
  notes: string;
  conditionsConfirmed: true;
}

export interface MailConfig {
  publicBaseUrl: string;
  mailFrom: string;
}

const FORM_FIELDS = ["contactName", "contactPhone", "notes"] as const;

async function requireInstitution(db: Db, institutionId: string) {
  const institution = await findInstitution(db, institutionId);
  if (!institution) throw new DomainError("NOT_FOUND");
  return institution;
}

/** Locks the request and checks the version the client edited: another tab or click may have been first. */
export async function lockAtVersion(
  db: Db,
  actor: InstitutionActor,
  id: string,
  version: number,
): Promise<SosRequestRow> {
  const row = await lockRequest(db, actor.institutionId, id);
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.version !== version) {
    throw new DomainError("STALE_VERSION");
  }
  return row;
}

/**
 * 新規 → 保存: stores a draft (申請前) for the survey week open now. Saving is
 * not filing; only 「システムチェック&申請」 files it.
 */
export async function createSosRequest(
  db: Db,
  { now, actor, form }: { now: Date; actor: InstitutionActor; form: SosRequestForm },
): Promise<SosRequestDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const institution = await requireInstitution(trx, actor.institutionId);
    const row = await insertRequest(trx, {
      institutionId: institution.id,
      prefectureCode: institution.prefectureCode,
      weekStart: surveyWeekOf(now).weekStart,
      status: "draft",
      conditionsConfirmed: form.conditionsConfirmed,
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      notes: form.notes,
      createdBy: actor.userId,
      createdByDelegateId: actor.delegateOrganisationId,
      createdAt: now,
      updatedAt: now,
    });
    const changes = Object.fromEntries(
      FORM_FIELDS.map((field) => [field, { from: null, to: form[field] }]),
    );
    await insertHistory(trx, {
      requestId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      delegateOrganisationId: actor.delegateOrganisationId,
      action: "create",
      fromStatus: null,
      toStatus: "draft",
      changes,
    });
    await appendAudit(trx, {
      action: "sos.create",
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      targetType: "sos_request",
      targetId: row.id,
      ip: actor.ip,
      details: {
        ...delegationDetails(actor),
        weekStart: row.weekStart,
      },
    });
    return row.id;
  });
  return loadRequestDetail(db, { actor, id });
}

/**
 * 編集 → 保存. Allowed until the request is closed (受付完了, 対象外, 取下げ);
 * a reviewing request stays editable, as the manual says, and the reviewers
 * see the change in its history. Saving without a change writes nothing.
 */
export async function updateSosRequest(
  db: Db,
  {
    now,
    actor,
    id,
    version,
    form,
  }: { now: Date; actor: InstitutionActor; id: string; version: number; form: SosRequestForm },
): Promise<SosRequestDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, actor.institutionId, id);
    if (!row) throw new DomainError("NOT_FOUND");
    // A closed request is refused whatever version the client holds: reloading would not help.
    if (!isEditable(row.status)) {
      const messageJa =
        row.status === "accepted" || row.status === "not_eligible" || row.status === "withdrawn"
          ? NOT_EDITABLE_MESSAGES[row.status]
          : undefined;
      throw new DomainError("INVALID_STATE", messageJa === undefined ? {} : { messageJa });
    }
    if (row.version !== version) {
      throw new DomainError("STALE_VERSION");
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FORM_FIELDS) {
      if (row[field] !== form[field]) changes[field] = { from: row[field], to: form[field] };
    }
    if (Object.keys(changes).length === 0) return;
    await updateRequest(trx, row.id, {
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      notes: form.notes,
      version: row.version + 1,
      updatedAt: now,
    });
    await insertHistory(trx, {
      requestId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      delegateOrganisationId: actor.delegateOrganisationId,
      action: "save",
      fromStatus: row.status,
      toStatus: row.status,
      changes,
    });
    await appendAudit(trx, {
      action: "sos.update",
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      targetType: "sos_request",
      targetId: row.id,
      ip: actor.ip,
      details: {
        ...delegationDetails(actor),
        fields: Object.keys(changes),
        status: row.status,
      },
    });
  });
  return loadRequestDetail(db, { actor, id });
}

/**
 * 取下げ by the institution. Officers already looking at a reviewing request
 * are told it has been withdrawn, so nobody keeps working on it.
 */
export async function withdrawSosRequest(
  db: Db,
  {
    now,
    actor,
    id,
    version,
    mail,
  }: { now: Date; actor: InstitutionActor; id: string; version: number; mail: MailConfig },
): Promise<SosRequestDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockAtVersion(trx, actor, id, version);
    const next = transition(row.status, "withdraw");
    if (!next.ok || !canWithdraw(row.status)) {
      const messageJa =
        row.status === "draft" ||
        row.status === "accepted" ||
        row.status === "not_eligible" ||
        row.status === "withdrawn"
          ? NOT_WITHDRAWABLE_MESSAGES[row.status]
          : undefined;
      throw new DomainError("INVALID_STATE", messageJa === undefined ? {} : { messageJa });
    }
    await updateRequest(trx, row.id, {
      status: next.value,
      reviewStage: null,
      version: row.version + 1,
      updatedAt: now,
    });
    await insertHistory(trx, {
      requestId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      delegateOrganisationId: actor.delegateOrganisationId,
      action: "withdraw",
      fromStatus: row.status,
      toStatus: next.value,
      changes: row.reviewStage === null ? {} : { reviewStage: { from: row.reviewStage, to: null } },
    });
    const mailed =
      row.status === "reviewing" ? await mailWithdrawal(trx, row, { actor, now, mail }) : 0;
    await appendAudit(trx, {
      action: "sos.withdraw",
      actorUserId: actor.userId,
      actorRole: actorRole(actor),
      targetType: "sos_request",
      targetId: row.id,
      ip: actor.ip,
      details: {
        ...delegationDetails(actor),
        fromStatus: row.status,
        officersMailed: mailed,
      },
    });
  });
  return loadRequestDetail(db, { actor, id });
}

/** Officers already looking at a reviewing request are told it has been withdrawn. */
async function mailWithdrawal(
  trx: Db,
  row: SosRequestRow,
  { actor, now, mail }: { actor: InstitutionActor; now: Date; mail: MailConfig },
): Promise<number> {
  const institution = await requireInstitution(trx, actor.institutionId);
  const link = reviewLink(mail.publicBaseUrl, row.id);
  return mailOfficers(trx, {
    prefectureCode: row.prefectureCode,
    kind: "sos_withdrawn",
    from: mail.mailFrom,
    build: (officerName) =>
      withdrawnMail(
        officerName,
        {
          requestId: row.id,
          institution,
          contactName: row.contactName,
          contactPhone: row.contactPhone,
          notes: row.notes,
          weekStart: row.weekStart,
          withdrawnAt: now,
        },
        link,
      ),
  });
}

import { appendAudit, type Db } from "@sos/db";
import {
  type DelegationRow,
  findDelegateOrganisation,
  findDelegationOfInstitution,
  insertDelegation,
  listDelegationsOfInstitution,
  revokeDelegation as revokeRow,
} from "@sos/db/repositories/delegation";
import { DELEGATE_KIND_LABELS_JA } from "@sos/domain";
import { DomainError } from "../../errors";
import type { Delegation, DelegationList } from "../../schemas/delegation";
import type { InstitutionActor } from "../survey/actor";

export const ALREADY_REVOKED_MESSAGE =
  "この代理入力の許可は既に取り消されています。画面を再読み込みして最新の状態を確認してください。";

function toDelegationView(row: DelegationRow): Delegation {
  return {
    id: row.id,
    organisation: {
      id: row.organisationId,
      code: row.organisationCode,
      name: row.organisationName,
      kind: row.organisationKind,
      kindLabel: DELEGATE_KIND_LABELS_JA[row.organisationKind],
    },
    grantedAt: row.grantedAt,
    grantedByName: row.grantedByName,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedByName,
    active: row.revokedAt === null,
  };
}

/** 代理入力の許可: the institution's current grants and its past (revoked) ones. */
export async function listDelegations(db: Db, institutionId: string): Promise<DelegationList> {
  const views = (await listDelegationsOfInstitution(db, institutionId)).map(toDelegationView);
  return {
    current: views.filter((view) => view.active),
    past: views.filter((view) => !view.active),
  };
}

/**
 * Grants the organisation entry for the institution. Granting what is already
 * granted (a second click, a second tab) changes nothing and writes no second
 * audit entry: the partial unique index lets one insert win.
 */
export async function grantDelegation(
  db: Db,
  { actor, organisationId, now }: { actor: InstitutionActor; organisationId: string; now: Date },
): Promise<DelegationList> {
  await db.transaction().execute(async (trx) => {
    const organisation = await findDelegateOrganisation(trx, organisationId);
    if (!organisation) throw new DomainError("NOT_FOUND");
    const inserted = await insertDelegation(trx, {
      organisationId,
      institutionId: actor.institutionId,
      grantedBy: actor.userId,
      grantedAt: now,
    });
    if (inserted === undefined) return;
    await appendAudit(trx, {
      action: "delegation.grant",
      actorUserId: actor.userId,
      actorRole: "institution",
      targetType: "delegation",
      targetId: inserted.id,
      ip: actor.ip,
      details: {
        institutionId: actor.institutionId,
        delegateOrganisationId: organisationId,
        organisationCode: organisation.code,
      },
    });
  });
  return listDelegations(db, actor.institutionId);
}

/**
 * Revokes a grant: from the delegate's next request on it is refused. Another
 * institution's grant is NOT_FOUND; one already revoked is told as such.
 */
export async function revokeDelegation(
  db: Db,
  { actor, delegationId, now }: { actor: InstitutionActor; delegationId: string; now: Date },
): Promise<DelegationList> {
  await db.transaction().execute(async (trx) => {
    const revoked = await revokeRow(trx, {
      id: delegationId,
      institutionId: actor.institutionId,
      revokedBy: actor.userId,
      revokedAt: now,
    });
    if (revoked === undefined) {
      const existing = await findDelegationOfInstitution(trx, actor.institutionId, delegationId);
      if (existing === undefined) throw new DomainError("NOT_FOUND");
      throw new DomainError("INVALID_STATE", { messageJa: ALREADY_REVOKED_MESSAGE });
    }
    await appendAudit(trx, {
      action: "delegation.revoke",
      actorUserId: actor.userId,
      actorRole: "institution",
      targetType: "delegation",
      targetId: revoked.id,
      ip: actor.ip,
      details: {
        institutionId: actor.institutionId,
        delegateOrganisationId: revoked.organisationId,
      },
    });
  });
  return listDelegations(db, actor.institutionId);
}

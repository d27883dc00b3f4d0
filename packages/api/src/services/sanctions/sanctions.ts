import { appendAudit, type Db } from "@sos/db";
import {
  findSanctionCandidate,
  findSanctionRow,
  findSanctionTarget,
  insertSanction,
  listSanctionRows,
  lockSanction,
  type SanctionRow,
  setSanctionLifted,
} from "@sos/db/repositories/sanction";
import { INSTITUTION_TYPE_LABELS, type InstitutionType } from "@sos/domain";
import { tokyoDate } from "@sos/rules";
import { DomainError } from "../../errors";
import type { Sanction, SanctionState, SanctionTarget } from "../../schemas/sanctions";
import type { ReviewActor } from "../review/actor";

/**
 * Measures under consent term ④ (resale or another breach): while one is in
 * force, the institution's new requests fail the system check with its
 * reason (services/sos/check). A sanction is lifted, never deleted.
 */

export { SANCTION_STATES, type SanctionState } from "../../schemas/sanctions";

function toView(row: SanctionRow, today: string): Sanction {
  let state: SanctionState = "in_force";
  if (row.liftedAt !== null) state = "lifted";
  else if (row.effectiveFrom > today) state = "scheduled";
  return {
    id: row.id,
    institution: {
      id: row.institutionId,
      code: row.institutionCode,
      name: row.institutionName,
      prefectureCode: row.prefectureCode,
      prefectureName: row.prefectureName,
    },
    reason: row.reason,
    effectiveFrom: row.effectiveFrom,
    state,
    createdAt: row.createdAt,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    liftedAt: row.liftedAt,
    liftedBy:
      row.liftedBy === null ? null : { id: row.liftedBy, displayName: row.liftedByName ?? "" },
    liftReason: row.liftReason,
  };
}

export async function listSanctions(
  db: Db,
  { now, state }: { now: Date; state: SanctionState | null },
): Promise<Sanction[]> {
  const today = tokyoDate(now);
  const rows = await listSanctionRows(db, { state, today });
  return rows.map((row) => toView(row, today));
}

async function sanctionById(db: Db, id: string, now: Date): Promise<Sanction> {
  const row = await findSanctionRow(db, id);
  if (!row) throw new DomainError("NOT_FOUND");
  return toView(row, tokyoDate(now));
}

export const INSTITUTION_NOT_FOUND_MESSAGE =
  "指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。";

function institutionNotFound(): DomainError {
  return new DomainError("NOT_FOUND", {
    messageJa: INSTITUTION_NOT_FOUND_MESSAGE,
    fieldErrors: { institution: [INSTITUTION_NOT_FOUND_MESSAGE] },
  });
}

/** Who the code names: shown in the confirmation, so a typo is not sanctioned blind. */
export async function sanctionTarget(db: Db, code: string): Promise<SanctionTarget> {
  const row = await findSanctionCandidate(db, code);
  if (!row) throw institutionNotFound();
  const type = row.type as InstitutionType;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    prefectureCode: row.prefectureCode,
    prefectureName: row.prefectureName,
    type,
    typeLabel: INSTITUTION_TYPE_LABELS.ja[type],
    openSanctions: Number(row.openSanctions ?? 0),
  };
}

export async function createSanction(
  db: Db,
  {
    actor,
    now,
    institution,
    reason,
    effectiveFrom,
  }: {
    actor: ReviewActor;
    now: Date;
    institution: { id: string } | { code: string };
    reason: string;
    effectiveFrom: string;
  },
): Promise<Sanction> {
  const id = await db.transaction().execute(async (trx) => {
    const target = await findSanctionTarget(trx, institution);
    if (!target) throw institutionNotFound();
    const row = await insertSanction(trx, {
      institutionId: target.id,
      reason,
      effectiveFrom,
      createdBy: actor.userId,
      createdAt: now,
    });
    await appendAudit(trx, {
      action: "sanction.create",
      actorUserId: actor.userId,
      actorRole: actor.role,
      targetType: "institution",
      targetId: target.id,
      ip: actor.ip,
      details: { sanctionId: row.id, institutionCode: target.code, reason, effectiveFrom },
    });
    return row.id;
  });
  return sanctionById(db, id, now);
}

export const ALREADY_LIFTED_MESSAGE = "この措置はすでに解除されています。";

export async function liftSanction(
  db: Db,
  { actor, now, id, reason }: { actor: ReviewActor; now: Date; id: string; reason: string },
): Promise<Sanction> {
  await db.transaction().execute(async (trx) => {
    const row = await lockSanction(trx, id);
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.liftedAt !== null) {
      throw new DomainError("INVALID_STATE", { messageJa: ALREADY_LIFTED_MESSAGE });
    }
    await setSanctionLifted(trx, { id, at: now, by: actor.userId, reason });
    await appendAudit(trx, {
      action: "sanction.lift",
      actorUserId: actor.userId,
      actorRole: actor.role,
      targetType: "institution",
      targetId: row.institutionId,
      ip: actor.ip,
      details: { sanctionId: id, reason },
    });
  });
  return sanctionById(db, id, now);
}

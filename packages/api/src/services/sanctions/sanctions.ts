import { appendAudit, type Db } from "@sos/db";
import { tokyoDate } from "@sos/rules";
import { DomainError } from "../../errors";
import type { ReviewActor } from "../review/actor";
import type { Person } from "../review/detail";

/**
 * Measures under consent term ④ (resale or another breach): while one is in
 * force, the institution's new requests fail the system check with its
 * reason (services/sos/check). A sanction is lifted, never deleted.
 */

export const SANCTION_STATES = ["in_force", "scheduled", "lifted"] as const;
/** in_force: effective today; scheduled: effective from a later day; lifted. */
export type SanctionState = (typeof SANCTION_STATES)[number];

export interface SanctionView {
  id: string;
  institution: {
    id: string;
    code: string;
    name: string;
    prefectureCode: number;
    prefectureName: string;
  };
  reason: string;
  effectiveFrom: string;
  state: SanctionState;
  createdAt: Date;
  createdBy: Person;
  liftedAt: Date | null;
  liftedBy: Person | null;
  liftReason: string | null;
}

function sanctionRows(db: Db) {
  return db
    .selectFrom("sanctions as s")
    .innerJoin("institutions as i", "i.id", "s.institutionId")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .innerJoin("users as cu", "cu.id", "s.createdBy")
    .leftJoin("users as lu", "lu.id", "s.liftedBy")
    .select([
      "s.id",
      "s.reason",
      "s.effectiveFrom",
      "s.createdAt",
      "s.createdBy",
      "cu.displayName as createdByName",
      "s.liftedAt",
      "s.liftedBy",
      "lu.displayName as liftedByName",
      "s.liftReason",
      "i.id as institutionId",
      "i.code as institutionCode",
      "i.name as institutionName",
      "i.prefectureCode",
      "p.name as prefectureName",
    ]);
}

type SanctionRow = Awaited<ReturnType<ReturnType<typeof sanctionRows>["execute"]>>[number];

function toView(row: SanctionRow, today: string): SanctionView {
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
): Promise<SanctionView[]> {
  const today = tokyoDate(now);
  let query = sanctionRows(db);
  if (state === "lifted") query = query.where("s.liftedAt", "is not", null);
  if (state === "in_force") {
    query = query.where("s.liftedAt", "is", null).where("s.effectiveFrom", "<=", today);
  }
  if (state === "scheduled") {
    query = query.where("s.liftedAt", "is", null).where("s.effectiveFrom", ">", today);
  }
  const rows = await query.orderBy("s.createdAt", "desc").orderBy("s.id").execute();
  return rows.map((row) => toView(row, today));
}

async function sanctionById(db: Db, id: string, now: Date): Promise<SanctionView> {
  const row = await sanctionRows(db).where("s.id", "=", id).executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND");
  return toView(row, tokyoDate(now));
}

export const INSTITUTION_NOT_FOUND_MESSAGE =
  "指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。";

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
): Promise<SanctionView> {
  const id = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom("institutions").select(["id", "code"]);
    query =
      "id" in institution
        ? query.where("id", "=", institution.id)
        : query.where("code", "=", institution.code);
    const target = await query.executeTakeFirst();
    if (!target) {
      throw new DomainError("NOT_FOUND", {
        messageJa: INSTITUTION_NOT_FOUND_MESSAGE,
        fieldErrors: { institution: [INSTITUTION_NOT_FOUND_MESSAGE] },
      });
    }
    const row = await trx
      .insertInto("sanctions")
      .values({
        institutionId: target.id,
        reason,
        effectiveFrom,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
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
): Promise<SanctionView> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("sanctions")
      .select(["id", "institutionId", "liftedAt"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.liftedAt !== null) {
      throw new DomainError("INVALID_STATE", { messageJa: ALREADY_LIFTED_MESSAGE });
    }
    await trx
      .updateTable("sanctions")
      .set({ liftedAt: now, liftedBy: actor.userId, liftReason: reason })
      .where("id", "=", id)
      .execute();
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

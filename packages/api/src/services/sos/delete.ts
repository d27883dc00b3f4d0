import { appendAudit, type Db } from "@sos/db";
import { deleteUnfiledRequest } from "@sos/db/repositories/sos-request";
import { sql } from "kysely";
import { DomainError } from "../../errors";
import { actorRole, delegationDetails, type InstitutionActor } from "../survey/actor";
import { lockAtVersion } from "./commands";
import { ALREADY_DELETED_MESSAGE, NOT_DELETABLE_MESSAGE } from "./messages";
import { canDelete, DELETABLE_STATUSES } from "./views";

/**
 * 削除 of a request that was never filed (申請前・エラーあり): it reached no
 * prefecture, so it goes with its history; the audit entry keeps what it was.
 * Two clicks delete once: the second finds nothing and is told the request is
 * already gone (only the institution that deleted it is told so; anyone else's
 * id stays an unknown one).
 */
export async function deleteSosRequest(
  db: Db,
  { actor, id, version }: { actor: InstitutionActor; id: string; version: number },
): Promise<{ id: string; deleted: true }> {
  try {
    await db.transaction().execute(async (trx) => {
      const row = await lockAtVersion(trx, actor, id, version);
      if (!canDelete(row.status)) {
        throw new DomainError("INVALID_STATE", { messageJa: NOT_DELETABLE_MESSAGE });
      }
      if (!(await deleteUnfiledRequest(trx, row.id, DELETABLE_STATUSES))) {
        throw new DomainError("INVALID_STATE", { messageJa: NOT_DELETABLE_MESSAGE });
      }
      await appendAudit(trx, {
        action: "sos.delete",
        actorUserId: actor.userId,
        actorRole: actorRole(actor),
        targetType: "sos_request",
        targetId: row.id,
        ip: actor.ip,
        details: {
          ...delegationDetails(actor),
          institutionId: row.institutionId,
          status: row.status,
          weekStart: row.weekStart,
          createdAt: row.createdAt.toISOString(),
          contactName: row.contactName,
        },
      });
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") {
      if (await deletedBy(db, actor.institutionId, id)) {
        throw new DomainError("NOT_FOUND", { messageJa: ALREADY_DELETED_MESSAGE });
      }
    }
    throw error;
  }
  return { id, deleted: true };
}

/** Whether this institution deleted request `id` (its audit entry says so). */
async function deletedBy(db: Db, institutionId: string, id: string): Promise<boolean> {
  const found = await sql<{ found: boolean }>`
    select exists (select 1 from audit_log
      where target_type = 'sos_request' and target_id = ${id} and action = 'sos.delete'
        and details->>'institutionId' = ${institutionId}) as found`.execute(db);
  return found.rows[0]?.found ?? false;
}

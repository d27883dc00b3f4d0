import { appendAudit, type Db } from "@sos/db";
import { insertHistory } from "@sos/db/repositories/sos-request";
import type { SosStatus } from "@sos/rules";
import type { ReviewActor } from "./actor";

export interface ReviewRecord {
  requestId: string;
  at: Date;
  /** sos_request_history.action: one of the rules' SosAction names, or prefecture_save. */
  action: string;
  fromStatus: SosStatus;
  toStatus: SosStatus;
  changes: Record<string, unknown>;
  /** audit_log.action, e.g. "review.approve". */
  auditAction: string;
  auditDetails?: Record<string, unknown>;
}

/**
 * Every review action leaves two traces in its transaction: the request's
 * history (shown on the request page, to officers and the institution) and the
 * append-only audit log (who, from where).
 */
export async function recordReviewAction(
  db: Db,
  actor: ReviewActor,
  record: ReviewRecord,
): Promise<void> {
  await insertHistory(db, {
    requestId: record.requestId,
    at: record.at,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: record.action,
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    changes: record.changes,
  });
  await appendAudit(db, {
    action: record.auditAction,
    actorUserId: actor.userId,
    actorRole: actor.role,
    targetType: "sos_request",
    targetId: record.requestId,
    ip: actor.ip,
    details: { fromStatus: record.fromStatus, toStatus: record.toStatus, ...record.auditDetails },
  });
}

import type { SessionUser } from "@sos/auth";
import { appendAudit, type Db } from "@sos/db";
import { foreignObjects, type ObjectScope } from "@sos/db/repositories/ownership";
import { auditIp } from "./audit-ip";
import { isDomainError } from "./errors";

/** What was refused: a procedure or route, or one object by its id. */
export interface Denial {
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

/**
 * The one record of a refusal worth an administrator's look (ASVS 16.3.2): a
 * wrong role, another prefecture's parameter, another institution's or
 * prefecture's object. Anonymous calls are not recorded: they are refused
 * before anyone is known.
 */
export async function auditAccessDenied(
  db: Db,
  actor: { user: Pick<SessionUser, "id" | "role">; ip: string },
  denial: Denial,
): Promise<void> {
  await appendAudit(db, {
    action: "access.denied",
    actorUserId: actor.user.id,
    actorRole: actor.user.role,
    targetType: denial.targetType,
    targetId: denial.targetId,
    ip: auditIp(actor.ip),
    details: denial.details,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Inputs are small and already validated; a bound keeps the lookup one cheap query. */
const MAX_IDS = 20;

/** Every id the input names, at any depth: an id is how a caller points at an object. */
function idsIn(input: unknown, found: Set<string> = new Set()): Set<string> {
  if (found.size >= MAX_IDS) return found;
  if (typeof input === "string") {
    if (UUID.test(input)) found.add(input.toLowerCase());
  } else if (Array.isArray(input)) {
    for (const item of input) idsIn(item, found);
  } else if (typeof input === "object" && input !== null) {
    for (const value of Object.values(input)) idsIn(value, found);
  }
  return found;
}

function isNotFound(error: { code: string; cause?: unknown }): boolean {
  return isDomainError(error.cause) ? error.cause.code === "NOT_FOUND" : error.code === "NOT_FOUND";
}

/**
 * Runs after a scoped procedure: an object outside the caller's scope is
 * answered NOT_FOUND like an unknown id, so the caller cannot tell them apart;
 * the audit log can. Only an object that exists is recorded, never an unknown
 * id, and the answer is the procedure's own either way. (Ids are random UUIDs:
 * the extra write can only time an id the caller already holds.)
 */
export async function auditOutOfScope(
  ctx: { db: Db; user: Pick<SessionUser, "id" | "role">; ip: string },
  call: { path: string; scope: ObjectScope; getRawInput: () => Promise<unknown> },
  result: { ok: true } | { ok: false; error: { code: string; cause?: unknown } },
): Promise<void> {
  if (result.ok || !isNotFound(result.error)) return;
  const ids = [...idsIn(await call.getRawInput())];
  if (ids.length === 0) return;
  for (const object of await foreignObjects(ctx.db, call.scope, ids)) {
    await auditAccessDenied(ctx.db, ctx, {
      targetType: object.type,
      targetId: object.id,
      details: { procedure: call.path, reason: "out_of_scope" },
    });
  }
}

import type { SessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import { auditAccessDenied, type Denial } from "./access-denied";
import { DomainError } from "./errors";

/**
 * How a refusal is answered: FORBIDDEN when the caller may know the thing exists
 * (a procedure or route of another role, another prefecture's parameter),
 * NOT_FOUND when even that would say too much (another's object by its id);
 * DELEGATION_NOT_GRANTED (a FORBIDDEN) when a delegate names an institution
 * that has not granted, or has revoked, its organisation (代理入力).
 */
export type DenialAnswer = "FORBIDDEN" | "NOT_FOUND" | "DELEGATION_NOT_GRANTED";

/**
 * The one way to refuse a signed-in caller: records the refusal (access.denied,
 * ASVS 16.3.2), then gives the product's answer as a DomainError. A tRPC
 * procedure throws it (`throw await deny(…)`); an HTTP route outside tRPC sends
 * `domainErrorShape(error.code)`, the same status and message.
 */
export async function deny(
  db: Db,
  actor: { user: Pick<SessionUser, "id" | "role">; ip: string },
  denial: Denial,
  answer: DenialAnswer = "FORBIDDEN",
): Promise<DomainError> {
  await auditAccessDenied(db, actor, denial);
  return new DomainError(answer);
}

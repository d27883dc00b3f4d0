import { auditIp } from "../../audit-ip";

/** Who is acting for an institution: the signed-in user, from the institution procedure's ctx. */
export interface InstitutionActor {
  userId: string;
  institutionId: string;
  /** For the audit log; null when it is not an address. */
  ip: string | null;
}

/** The actor of an institution procedure's context. */
export function institutionActor(ctx: {
  user: { id: string };
  institutionId: string;
  ip: string;
}): InstitutionActor {
  return { userId: ctx.user.id, institutionId: ctx.institutionId, ip: auditIp(ctx.ip) };
}

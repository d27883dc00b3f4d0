import { auditIp } from "../../audit-ip";

/** Who is acting for an institution: the signed-in user, from the institution procedure's ctx. */
export interface InstitutionActor {
  userId: string;
  institutionId: string;
  /** For the audit log; null when it is not an address. */
  ip: string | null;
  /**
   * 代理入力: the delegate organisation (医師会, 法人本部) whose user acts for the
   * institution; null when it is the institution's own user. Recorded on every
   * row and audit entry the call writes, to show 「X が Y の代理で」.
   */
  delegateOrganisationId: string | null;
}

/** The actor of an institution procedure's context. */
export function institutionActor(ctx: {
  user: { id: string };
  institutionId: string;
  ip: string;
  delegation: { organisationId: string } | null;
}): InstitutionActor {
  return {
    userId: ctx.user.id,
    institutionId: ctx.institutionId,
    ip: auditIp(ctx.ip),
    delegateOrganisationId: ctx.delegation?.organisationId ?? null,
  };
}

/** The audit log's actor role: the delegate acts as itself, for the institution. */
export function actorRole(actor: InstitutionActor): "institution" | "delegate" {
  return actor.delegateOrganisationId === null ? "institution" : "delegate";
}

/** What every audit entry of a delegated call adds to its details (empty for the institution). */
export function delegationDetails(actor: InstitutionActor): Record<string, string> {
  return actor.delegateOrganisationId === null
    ? {}
    : { actingFor: actor.institutionId, delegateOrganisationId: actor.delegateOrganisationId };
}

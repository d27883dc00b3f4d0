import { auditIp } from "../../audit-ip";

/** A signed-in vendor operator, as the audit log records them. */
export interface VendorActor {
  userId: string;
  /** For the audit log; null when it is not an address. */
  ip: string | null;
}

export function vendorActor(ctx: { user: { id: string }; ip: string }): VendorActor {
  return { userId: ctx.user.id, ip: auditIp(ctx.ip) };
}

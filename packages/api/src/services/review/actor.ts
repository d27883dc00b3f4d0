import { auditIp } from "../../audit-ip";
import type { ReviewScope } from "../../trpc";
import type { MailConfig } from "../sos/commands";

/** Who is acting in the review console: a prefecture officer (one prefecture) or the ministry. */
export interface ReviewActor {
  userId: string;
  role: "prefecture" | "ministry";
  scope: ReviewScope;
  /** For the audit log; null when it is not an address. */
  ip: string | null;
}

export function reviewActor(ctx: {
  user: { id: string };
  scope: ReviewScope;
  ip: string;
}): ReviewActor {
  return {
    userId: ctx.user.id,
    role: ctx.scope.kind === "ministry" ? "ministry" : "prefecture",
    scope: ctx.scope,
    ip: auditIp(ctx.ip),
  };
}

/** The actor of a ministry-only procedure. */
export function ministryActor(ctx: { user: { id: string }; ip: string }): ReviewActor {
  return reviewActor({ ...ctx, scope: { kind: "ministry" } });
}

/** A decision on one request that needs a reason and mails someone (対象外, 差戻し). */
export interface ReasonedDecision {
  actor: ReviewActor;
  now: Date;
  id: string;
  /** The version the officer saw; another one is STALE_VERSION. */
  expectedVersion: number;
  reason: string;
  mail: MailConfig;
}

import type { SessionUser } from "@sos/auth";
import { isReadOnly } from "@sos/db";
import { findActiveDelegationForUser } from "@sos/db/repositories/delegation";
import { initTRPC, TRPCError } from "@trpc/server";
import { auditOutOfScope } from "./access-denied";
import type { Context } from "./context";
import { deny } from "./deny";
import { formatError } from "./error-shape";
import { DomainError, isDomainError } from "./errors";
import "./zod-locale";

export interface ProcedureMeta {
  /** A write that stays open in read-only mode: signing in and out, and the switch itself. */
  allowedWhileReadOnly?: true;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter: ({ error, ctx }) => formatError(error, ctx?.requestId),
  });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Gives a DomainError its own tRPC code (and so its HTTP status) instead of the
 * INTERNAL_SERVER_ERROR tRPC assigns to any non-tRPC error; the DomainError stays
 * the cause, which the error formatter reads.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    return {
      ...result,
      error: new TRPCError({ code: cause.trpcCode, message: cause.messageJa, cause }),
    };
  }
  return result;
});

/**
 * The ministry's read-only mode: every mutation asks the database before its
 * handler runs (with a session, the request's session check has already read
 * the switch in its statement), so it is refused whole, before any write. One admitted just
 * before the switch runs to its end (its writes are its own transactions);
 * none is cut off halfway.
 */
const readOnlyGuard = t.middleware(async ({ ctx, type, meta, next }) => {
  if (type !== "mutation" || meta?.allowedWhileReadOnly === true) return next();
  if (ctx.readOnly ?? (await isReadOnly(ctx.db))) throw new DomainError("READ_ONLY_MODE");
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(readOnlyGuard);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.user === null || ctx.session === null) throw new DomainError("UNAUTHENTICATED");
  return next({ ctx: { user: ctx.user, session: ctx.session } });
});

type RequiredRole =
  | "institution"
  | "institution_self"
  | "prefecture"
  | "ministry"
  | "reviewer"
  | "vendor"
  | "delegate";

/** Records who tried what, then refuses; a wrong-role call is worth a look by an administrator. */
function denied(
  ctx: Context & { user: SessionUser },
  path: string,
  required: RequiredRole,
): Promise<DomainError> {
  return deny(ctx.db, ctx, { targetType: "procedure", targetId: path, details: { required } });
}

/** Who acts in an institution procedure: its own user, or a delegate's user acting for it. */
export type InstitutionUser = SessionUser & {
  role: "institution" | "delegate";
  institutionId: string;
};
/** 代理入力: the delegate organisation a call is made through; null for the institution's own user. */
export type ActingDelegation = { organisationId: string; organisationName: string } | null;
export type DelegateUser = SessionUser & { role: "delegate" };
export type PrefectureUser = SessionUser & { role: "prefecture"; prefectureCode: number };
export type MinistryUser = SessionUser & { role: "ministry" };
export type VendorUser = SessionUser & { role: "vendor" };

/** Whose requests a reviewer may see: one prefecture's, or (the ministry) all of them. */
export type ReviewScope = { kind: "prefecture"; code: number } | { kind: "ministry" };

// The scoped procedures below answer another's object NOT_FOUND; auditOutOfScope records it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The institution a call works on, and through whom: the caller's own
 * institution, or (代理入力) the institution a delegate's user names in
 * ctx.actingForInstitutionId when that institution has an active grant to the
 * user's organisation. The grant is read on every call, so a revocation
 * refuses the delegate's very next request. This is the one scope check of
 * delegated entry: every institution procedure goes through it.
 */
async function institutionScope(
  ctx: Context & { user: SessionUser },
  path: string,
): Promise<{ institutionId: string; delegation: ActingDelegation }> {
  const { user } = ctx;
  if (user.role === "institution" && user.institutionId !== null) {
    return { institutionId: user.institutionId, delegation: null };
  }
  if (user.role !== "delegate") throw await denied(ctx, path, "institution");
  const institutionId = ctx.actingForInstitutionId;
  const grant =
    institutionId !== undefined && UUID.test(institutionId)
      ? await findActiveDelegationForUser(ctx.db, user.id, institutionId)
      : undefined;
  if (institutionId === undefined || grant === undefined) {
    const denial = {
      targetType: institutionId === undefined ? "procedure" : "institution",
      targetId: institutionId === undefined ? path : institutionId.slice(0, 64),
      details: { procedure: path, reason: "not_delegated" },
    };
    throw await deny(ctx.db, ctx, denial, "DELEGATION_NOT_GRANTED");
  }
  const { organisationId, organisationName } = grant;
  return { institutionId, delegation: { organisationId, organisationName } };
}

/**
 * An institution's procedures: its own users, and delegates acting for it
 * with its consent (see institutionScope). ctx.delegation tells them apart for
 * what they record.
 */
export const institutionProcedure = authedProcedure.use(
  async ({ ctx, path, getRawInput, next }) => {
    const { institutionId, delegation } = await institutionScope(ctx, path);
    const institutionUser: InstitutionUser = {
      ...ctx.user,
      role: delegation === null ? "institution" : "delegate",
      institutionId,
    };
    const result = await next({ ctx: { user: institutionUser, institutionId, delegation } });
    await auditOutOfScope(ctx, { path, scope: { institutionId }, getRawInput }, result);
    return result;
  },
);

/**
 * What only the institution's own users may do, never a delegate: granting
 * and revoking delegates (代理入力の許可).
 */
export const institutionSelfProcedure = authedProcedure.use(
  async ({ ctx, path, getRawInput, next }) => {
    const { user } = ctx;
    if (user.role !== "institution" || user.institutionId === null) {
      throw await denied(ctx, path, "institution_self");
    }
    const institutionUser: InstitutionUser = {
      ...user,
      role: "institution",
      institutionId: user.institutionId,
    };
    const institutionId = user.institutionId;
    const result = await next({ ctx: { user: institutionUser, institutionId } });
    await auditOutOfScope(ctx, { path, scope: { institutionId }, getRawInput }, result);
    return result;
  },
);

/** A delegate organisation's user, on its own (which institutions it may act for). */
export const delegateProcedure = authedProcedure.use(async ({ ctx, path, next }) => {
  const { user } = ctx;
  if (user.role !== "delegate") throw await denied(ctx, path, "delegate");
  const delegateUser: DelegateUser = { ...user, role: "delegate" };
  return next({ ctx: { user: delegateUser } });
});

export const prefectureProcedure = authedProcedure.use(async ({ ctx, path, getRawInput, next }) => {
  const { user } = ctx;
  if (user.role !== "prefecture" || user.prefectureCode === null) {
    throw await denied(ctx, path, "prefecture");
  }
  const prefectureUser: PrefectureUser = {
    ...user,
    role: "prefecture",
    prefectureCode: user.prefectureCode,
  };
  const result = await next({ ctx: { user: prefectureUser, prefectureCode: user.prefectureCode } });
  const scope = { prefectureCode: user.prefectureCode };
  await auditOutOfScope(ctx, { path, scope, getRawInput }, result);
  return result;
});

export const ministryProcedure = authedProcedure.use(async ({ ctx, path, next }) => {
  const { user } = ctx;
  if (user.role !== "ministry") throw await denied(ctx, path, "ministry");
  const ministryUser: MinistryUser = { ...user, role: "ministry" };
  return next({ ctx: { user: ministryUser } });
});

export const reviewerProcedure = authedProcedure.use(async ({ ctx, path, getRawInput, next }) => {
  const { user } = ctx;
  let scope: ReviewScope;
  if (user.role === "ministry") {
    scope = { kind: "ministry" };
  } else if (user.role === "prefecture" && user.prefectureCode !== null) {
    scope = { kind: "prefecture", code: user.prefectureCode };
  } else {
    throw await denied(ctx, path, "reviewer");
  }
  const result = await next({ ctx: { scope } });
  if (scope.kind === "prefecture") {
    await auditOutOfScope(
      ctx,
      { path, scope: { prefectureCode: scope.code }, getRawInput },
      result,
    );
  }
  return result;
});

export const vendorProcedure = authedProcedure.use(async ({ ctx, path, next }) => {
  const { user } = ctx;
  if (user.role !== "vendor") throw await denied(ctx, path, "vendor");
  const vendorUser: VendorUser = { ...user, role: "vendor" };
  return next({ ctx: { user: vendorUser } });
});

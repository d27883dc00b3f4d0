import { invalidateSession } from "@sos/auth";
import { undeliverableInvitations } from "@sos/db/repositories/invitation";
import { auditIp } from "../../audit-ip";
import { deny } from "../../deny";
import {
  AcceptInvitationInput,
  AcceptInvitationOutput,
  BulkInviteInput,
  CreateInvitationInput,
  InvitationCreatedOutput,
  InvitationPageOutput,
  InvitationProgressInput,
  InvitationProgressOutput,
  InvitationTokenInput,
  ResendInvitationInput,
  ResendInvitationOutput,
  UndeliverableOutput,
} from "../../schemas/invitations";
import {
  acceptInvitation,
  createInvitation,
  invitationPage,
  invitationProgress,
  mayInvite,
  resendInstitutionInvitation,
  startBulkInvitation,
} from "../../services/invitations";
import {
  authedProcedure,
  ministryProcedure,
  prefectureProcedure,
  publicProcedure,
  reviewerProcedure,
  router,
} from "../../trpc";

/** Invitations: how every account after the seed comes to be (issue 15 item 2). */
export const invitationsRouter = router({
  /** The page behind a mailed link: public, the token is the only key. */
  view: publicProcedure
    .input(InvitationTokenInput)
    .output(InvitationPageOutput)
    .query(({ ctx, input }) => invitationPage(ctx.db, input.token, ctx.now())),

  accept: publicProcedure
    .input(AcceptInvitationInput)
    .output(AcceptInvitationOutput)
    .mutation(async ({ ctx, input }) => {
      const accepted = await acceptInvitation(ctx.db, {
        token: input.token,
        displayName: input.displayName,
        password: input.password,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        now: ctx.now(),
      });
      // Whoever this browser was signed in as, it is now the new account.
      if (ctx.session !== null) await invalidateSession(ctx.db, ctx.session.id);
      ctx.setSessionCookie(accepted.sessionToken, accepted.sessionExpiresAt);
      const { user } = accepted;
      return { username: user.username, displayName: user.displayName, role: user.role };
    }),

  /** A colleague (an institution's user), or an officer or vendor user (the ministry). */
  create: authedProcedure
    .input(CreateInvitationInput)
    .output(InvitationCreatedOutput)
    .mutation(async ({ ctx, input, path }) => {
      if (!(await mayInvite(ctx.db, ctx.user, input.invitee))) {
        throw await deny(ctx.db, ctx, {
          targetType: "procedure",
          targetId: path,
          details: { invitee: input.invitee },
        });
      }
      return createInvitation(ctx.db, {
        actor: { user: ctx.user, ip: auditIp(ctx.ip) },
        now: ctx.now(),
        config: ctx.config,
        invitee: input.invitee,
        email: input.email,
      });
    }),

  /** The ministry, or a prefecture for its own institutions: a new link, the old one void. */
  resend: reviewerProcedure
    .input(ResendInvitationInput)
    .output(ResendInvitationOutput)
    .mutation(async ({ ctx, input, path }) => {
      const result = await resendInstitutionInvitation(ctx.db, {
        actor: { user: ctx.user, ip: auditIp(ctx.ip) },
        now: ctx.now(),
        config: ctx.config,
        institution:
          "institutionId" in input ? { id: input.institutionId } : { code: input.institutionCode },
        prefectureCode: ctx.scope.kind === "prefecture" ? ctx.scope.code : null,
      });
      if (result.kind === "out_of_scope") {
        throw await deny(
          ctx.db,
          ctx,
          {
            targetType: "institution",
            targetId: result.institutionId,
            details: { procedure: path, reason: "out_of_scope" },
          },
          "NOT_FOUND",
        );
      }
      return { ...result.invitation, institution: result.institution };
    }),

  /** 「一括招待」: every institution without a user or an open invitation (optionally one prefecture). */
  bulkInvite: ministryProcedure
    .input(BulkInviteInput)
    .output(InvitationProgressOutput)
    .mutation(({ ctx, input }) =>
      startBulkInvitation(ctx.db, {
        actor: { user: ctx.user, ip: auditIp(ctx.ip) },
        now: ctx.now(),
        config: ctx.config,
        prefectureCode: input.prefectureCode,
      }),
    ),

  progress: ministryProcedure
    .input(InvitationProgressInput)
    .output(InvitationProgressOutput)
    .query(({ ctx, input }) =>
      invitationProgress(ctx.db, ctx.config, input?.prefectureCode ?? null),
    ),

  /** The prefecture's own institutions whose invitation the mail server refused. */
  undeliverable: prefectureProcedure
    .output(UndeliverableOutput)
    .query(({ ctx }) => undeliverableInvitations(ctx.db, ctx.prefectureCode)),
});

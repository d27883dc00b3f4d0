import {
  extendSession,
  invalidateSession,
  PASSWORD_POLICY_MESSAGES_JA,
  requestPasswordReset,
  resetPassword,
  sessionTimeLeft,
  signIn,
  signOut,
} from "@sos/auth";
import { surveyWeekOf } from "@sos/rules";
import { appBaseUrl } from "../../apps";
import { DomainError } from "../../errors";
import {
  OkOutput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SessionTimeLeftOutput,
  SessionUser,
  SignInInput,
} from "../../schemas/auth";
import { authedProcedure, publicProcedure, router } from "../../trpc";

export const authRouter = router({
  signIn: publicProcedure
    .meta({ allowedWhileReadOnly: true })
    .input(SignInInput)
    .output(SessionUser)
    .mutation(async ({ ctx, input }) => {
      const result = await signIn(ctx.db, {
        username: input.username,
        password: input.password,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        now: ctx.now(),
        deviceTokens: ctx.deviceTokens,
        mailFrom: ctx.config.mailFrom,
        // The deadline-day sign-in wall: see README, architecture notes.
        institutionTrustedSessionUntil: surveyWeekOf(ctx.now()).closesAt,
      });
      if (!result.ok) {
        if (result.error.code === "throttled") {
          const minutes = Math.max(1, Math.ceil(result.error.retryAfterSeconds / 60));
          throw new DomainError("SIGN_IN_THROTTLED", {
            // Guessing from elsewhere holds back browsers that have never signed in to the
            // account; a reset proves the mailbox and makes the resetting browser trusted.
            messageJa: `ログイン試行が多すぎます。${minutes}分後に再度お試しください。お急ぎの場合は「パスワードをお忘れですか？」から再設定すると、再設定したブラウザからすぐにログインできます。`,
          });
        }
        throw new DomainError("INVALID_CREDENTIALS");
      }
      // A session this browser already had must not outlive the switch to a new one.
      if (ctx.session !== null) await invalidateSession(ctx.db, ctx.session.id);
      ctx.setSessionCookie(result.value.token, result.value.expiresAt);
      ctx.setDeviceCookie(result.value.device.tokens, result.value.device.expiresAt);
      return result.value.user;
    }),

  // Public on purpose: signing out with an already expired session still clears the cookie.
  // The device cookie stays: the browser remains one the owner has signed in on.
  signOut: publicProcedure
    .meta({ allowedWhileReadOnly: true })
    .output(OkOutput)
    .mutation(async ({ ctx }) => {
      if (ctx.session !== null && ctx.user !== null) {
        await signOut(ctx.db, {
          sessionId: ctx.session.id,
          user: ctx.user,
          ip: ctx.ip,
          now: ctx.now(),
        });
      }
      ctx.clearSessionCookie();
      return { ok: true as const };
    }),

  me: publicProcedure.output(SessionUser.nullable()).query(({ ctx }) => ctx.user),

  // The idle warning's check: a passive procedure (PASSIVE_PROCEDURES), so asking does
  // not itself keep the session alive. Null when signed out or the session is over.
  session: publicProcedure
    .output(SessionTimeLeftOutput.nullable())
    .query(async ({ ctx }) =>
      ctx.session === null ? null : sessionTimeLeft(ctx.db, ctx.session.id, ctx.now()),
    ),

  // 「延長」: the caller's own session, and no other, starts its idle timeout again.
  // Allowed in read-only mode: it changes no data, and a maintenance must not sign people out.
  extendSession: authedProcedure
    .meta({ allowedWhileReadOnly: true })
    .output(SessionTimeLeftOutput)
    .mutation(async ({ ctx }) => {
      const extended = await extendSession(ctx.db, ctx.session.id, ctx.now());
      if (extended === null) throw new DomainError("UNAUTHENTICATED");
      return extended;
    }),

  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .output(OkOutput)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, {
        username: input.username,
        ip: ctx.ip,
        now: ctx.now(),
        appBaseUrl: (role) => appBaseUrl(ctx.config.publicBaseUrl, role),
        mailFrom: ctx.config.mailFrom,
      });
      return { ok: true as const };
    }),

  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .output(OkOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await resetPassword(ctx.db, {
        token: input.token,
        newPassword: input.password,
        ip: ctx.ip,
        now: ctx.now(),
        deviceTokens: ctx.deviceTokens,
      });
      if (!result.ok) {
        if (result.error === "invalid_or_expired") throw new DomainError("RESET_TOKEN_INVALID");
        const messageJa = PASSWORD_POLICY_MESSAGES_JA[result.error];
        throw new DomainError("PASSWORD_POLICY", {
          messageJa,
          fieldErrors: { password: [messageJa] },
        });
      }
      // Every session of the user has just ended, this browser's included.
      if (ctx.user?.id === result.value.userId) ctx.clearSessionCookie();
      // This browser proved the mailbox: it is now the one trusted for the account.
      ctx.setDeviceCookie(result.value.device.tokens, result.value.device.expiresAt);
      return { ok: true as const };
    }),
});

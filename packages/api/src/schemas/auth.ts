import { z } from "zod";

export {
  RequestPasswordResetInput,
  ResetPasswordInput,
  SessionUser,
  SignInInput,
} from "@sos/domain";

export const OkOutput = z.object({ ok: z.literal(true) });

/**
 * How long the caller's session has left, as durations on the server's clock (the
 * apps' idle warning, issue 16). idleExpiresInMs null: no idle end to warn of (no
 * idle timeout, or the absolute end comes first).
 */
export const SessionTimeLeftOutput = z.object({
  idleExpiresInMs: z.number().int().nonnegative().nullable(),
  expiresInMs: z.number().int().nonnegative(),
});

import { z } from "zod";

export {
  RequestPasswordResetInput,
  ResetPasswordInput,
  SessionUser,
  SignInInput,
} from "@sos/domain";

export const OkOutput = z.object({ ok: z.literal(true) });

import { z } from "#zod";
import { PrefectureCode } from "../prefecture-code";
import { Role } from "../role";
import { EmailAddress, Id, Timestamp } from "./common";

/** A user account; password_hash stays in @sos/auth and is deliberately absent. */
export const User = z.object({
  id: Id,
  username: z.string().check(z.minLength(3), z.maxLength(64)),
  displayName: z.string(),
  email: EmailAddress,
  role: Role,
  institutionId: z.nullable(Id),
  prefectureCode: z.nullable(PrefectureCode),
  passwordChangedAt: Timestamp,
  disabledAt: z.nullable(Timestamp),
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

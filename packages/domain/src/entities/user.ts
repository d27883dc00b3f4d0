import { z } from "zod";
import { PrefectureCode } from "../prefectures";
import { Role } from "../role";
import { EmailAddress, Id, Timestamp } from "./common";

/** A user account; password_hash stays in @sos/auth and is deliberately absent. */
export const User = z.object({
  id: Id,
  username: z.string().min(3).max(64),
  displayName: z.string(),
  email: EmailAddress,
  role: Role,
  institutionId: Id.nullable(),
  prefectureCode: PrefectureCode.nullable(),
  passwordChangedAt: Timestamp,
  disabledAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

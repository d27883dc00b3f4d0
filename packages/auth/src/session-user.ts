import type { User, UsersTable } from "@sos/db";

export type Role = UsersTable["role"];

/**
 * What the rest of the system knows about whoever is signed in. Never holds the
 * password hash, so it can be handed to any layer.
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  prefectureCode: number | null;
  email: string;
}

export function toSessionUser(
  user: Pick<
    User,
    "id" | "username" | "displayName" | "role" | "institutionId" | "prefectureCode" | "email"
  >,
): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    institutionId: user.institutionId,
    prefectureCode: user.prefectureCode,
    email: user.email,
  };
}

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
  /**
   * A prefecture's lead officer (主担当), who may manage its prefecture's officers.
   * Read with the session on every request, so a flag the ministry takes away
   * counts at the next request; the screens use it to show the account pages.
   */
  leadOfficer: boolean;
}

export function toSessionUser(
  user: Pick<
    User,
    | "id"
    | "username"
    | "displayName"
    | "role"
    | "institutionId"
    | "prefectureCode"
    | "email"
    | "leadOfficer"
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
    leadOfficer: user.leadOfficer,
  };
}

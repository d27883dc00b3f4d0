import type { SessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import { findManager } from "@sos/db/repositories/account";
import { type AccountPerson, mayInvite as policyMayInvite } from "@sos/rules";

/** Whom an invitation makes a user of: an institution's staff, a prefecture's officer, the vendor. */
export type Invitee =
  | { role: "institution"; institutionId: string }
  | { role: "prefecture"; prefectureCode: number }
  | { role: "vendor" };

export type InvitingActor = Pick<SessionUser, "id" | "role" | "institutionId" | "prefectureCode">;

function inviteePerson(invitee: Invitee): AccountPerson {
  return {
    role: invitee.role,
    institutionId: invitee.role === "institution" ? invitee.institutionId : null,
    prefectureCode: invitee.role === "prefecture" ? invitee.prefectureCode : null,
    leadOfficer: false,
  };
}

/**
 * Who may invite whom is who may manage whom (the account policy in @sos/rules):
 * an institution's user its own colleagues; a prefecture's lead officer its own
 * prefecture's officers; the ministry institutions' staff, officers and vendor
 * users. The lead flag is read from the database, as the accounts router does, so
 * a flag the ministry has just taken away counts at once.
 */
export async function mayInvite(db: Db, actor: InvitingActor, invitee: Invitee): Promise<boolean> {
  const leadOfficer =
    actor.role === "prefecture" && (await findManager(db, actor.id))?.leadOfficer === true;
  if (actor.role === "delegate") return false;
  const person: AccountPerson = {
    id: actor.id,
    role: actor.role,
    institutionId: actor.institutionId,
    prefectureCode: actor.prefectureCode,
    leadOfficer,
  };
  return policyMayInvite(person, inviteePerson(invitee));
}

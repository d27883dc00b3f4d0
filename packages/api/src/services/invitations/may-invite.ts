import type { SessionUser } from "@sos/auth";

/** Whom an invitation makes a user of: an institution's staff, a prefecture's officer, the vendor. */
export type Invitee =
  | { role: "institution"; institutionId: string }
  | { role: "prefecture"; prefectureCode: number }
  | { role: "vendor" };

export type InvitingActor = Pick<SessionUser, "role" | "institutionId" | "prefectureCode">;

/**
 * A prefecture officer inviting: allowed only for its own prefecture's officers,
 * and only to a lead officer (users.lead_officer, migration 0014 of the
 * accounts work). Until that flag exists no officer may invite, so this answers
 * false; it is the one place to wire the lead officer's right.
 */
export function officerMayInvite(actor: InvitingActor, invitee: Invitee): boolean {
  void actor;
  void invitee;
  return false;
}

/**
 * Who may invite whom, in one place:
 * - an institution's user: a colleague of its own institution;
 * - the ministry: institutions' staff, prefecture officers, vendor users;
 * - a prefecture officer: see officerMayInvite;
 * - the vendor: nobody.
 */
export function mayInvite(actor: InvitingActor, invitee: Invitee): boolean {
  switch (actor.role) {
    case "ministry":
      return true;
    case "institution":
      return (
        invitee.role === "institution" &&
        actor.institutionId !== null &&
        invitee.institutionId === actor.institutionId
      );
    case "prefecture":
      return officerMayInvite(actor, invitee);
    default:
      return false;
  }
}

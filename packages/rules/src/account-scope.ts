import { err, ok, type Result } from "./result";

// Who may manage whose account (issue 15, "staff and officers"). Pure: the
// caller reads the people from the database and asks here; the API answers a
// refusal, the screens show only the buttons this allows, and the invitations
// ask `mayManage` about the person they would create.
//
// The scheme knows one vendor (販売業者) and no vendor organisation: vendor users
// manage no one, the ministry manages them. Ministry users are managed by no one
// in the product (operators create them), so nobody can lock the ministry out.
// A lead officer manages its own prefecture's other, non-lead officers: two leads
// of one prefecture cannot disable each other; the ministry decides between them.

/** "delegate": a medical association's or head office's account for 代理入力 (0015). */
export type AccountRole = "institution" | "prefecture" | "ministry" | "vendor" | "delegate";

/** A person as the policy sees them: enough to place them, nothing else. */
export interface AccountPerson {
  /** Absent for a person not created yet (an invitation). */
  id?: string;
  role: AccountRole;
  institutionId: string | null;
  prefectureCode: number | null;
  leadOfficer: boolean;
}

/** Whom an actor manages; "none" for most people. */
export type ManageScope =
  | { kind: "none" }
  | { kind: "institution"; institutionId: string }
  | { kind: "prefecture"; prefectureCode: number }
  | { kind: "ministry" };

/** The scopes, in the words the screens use. */
export const MANAGE_SCOPE_LABELS_JA: Record<ManageScope["kind"], string> = {
  none: "なし",
  institution: "自施設の職員",
  prefecture: "自都道府県の担当者（主担当を除く）",
  ministry: "都道府県担当者・販売業者・代理入力団体・医療機関の利用停止",
};

export function manageScopeOf(actor: AccountPerson): ManageScope {
  if (actor.role === "institution" && actor.institutionId !== null) {
    return { kind: "institution", institutionId: actor.institutionId };
  }
  if (actor.role === "prefecture" && actor.leadOfficer && actor.prefectureCode !== null) {
    return { kind: "prefecture", prefectureCode: actor.prefectureCode };
  }
  if (actor.role === "ministry") return { kind: "ministry" };
  return { kind: "none" };
}

function isSelf(actor: AccountPerson, target: AccountPerson): boolean {
  return actor.id !== undefined && actor.id === target.id;
}

/**
 * Whether `target` lies in the actor's scope: the question every account action
 * (and an invitation, for a person not yet created) asks first. Nobody is in
 * their own scope except an institution user, who may leave its institution.
 */
export function mayManage(actor: AccountPerson, target: AccountPerson): boolean {
  const scope = manageScopeOf(actor);
  switch (scope.kind) {
    case "institution":
      return target.role === "institution" && target.institutionId === scope.institutionId;
    case "prefecture":
      return (
        !isSelf(actor, target) &&
        target.role === "prefecture" &&
        target.prefectureCode === scope.prefectureCode &&
        !target.leadOfficer
      );
    case "ministry":
      return (
        target.role === "prefecture" ||
        target.role === "vendor" ||
        target.role === "institution" ||
        target.role === "delegate"
      );
    default:
      return false;
  }
}

/** Invitations ask the same question as management (helper `invitations`). */
export const mayInvite = mayManage;

export const ACCOUNT_ACTIONS = ["disable", "enable", "remove", "setLead", "unsetLead"] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export type AccountState = "active" | "disabled" | "removed";

/** What the action needs to know besides the two people. */
export interface AccountFacts {
  targetState: AccountState;
  /** Active users of the target's institution, the target included if active. */
  activeColleagues: number;
}

export type AccountRefusal =
  /** The target is outside the actor's scope: answered as if unknown. */
  | "out_of_scope"
  /** In scope, but this actor may not do this to anyone. */
  | "not_permitted"
  /** The institution would be left with no active user. */
  | "last_active_user"
  /** A removed person stays removed; a new invitation brings them back. */
  | "removed";

/** Which actions each scope holds. */
const ACTIONS_OF: Record<ManageScope["kind"], readonly AccountAction[]> = {
  none: [],
  institution: ["remove"],
  prefecture: ["disable", "enable"],
  ministry: ["disable", "enable", "setLead", "unsetLead"],
};

/** The target roles an action applies to (the lead flag is a prefecture officer's only). */
function appliesTo(action: AccountAction, target: AccountPerson): boolean {
  if (action === "setLead" || action === "unsetLead") return target.role === "prefecture";
  return true;
}

/**
 * May `actor` do `action` to `target`? Ok also when the action would change
 * nothing (disabling the disabled): the service makes that a no-op.
 */
export function decideAccountAction(
  actor: AccountPerson,
  action: AccountAction,
  target: AccountPerson,
  facts: AccountFacts,
): Result<AccountAction, AccountRefusal> {
  if (!mayManage(actor, target)) return err("out_of_scope");
  const scope = manageScopeOf(actor);
  if (!ACTIONS_OF[scope.kind].includes(action) || !appliesTo(action, target)) {
    return err("not_permitted");
  }
  // Removing or disabling the removed changes nothing (a second click); bringing back does.
  if (facts.targetState === "removed" && (action === "enable" || action === "setLead")) {
    return err("removed");
  }
  if (action === "remove" && facts.targetState === "active" && facts.activeColleagues <= 1) {
    return err("last_active_user");
  }
  return ok(action);
}

/** Every action the actor may take on the target now (the screen's buttons). */
export function allowedAccountActions(
  actor: AccountPerson,
  target: AccountPerson,
  facts: AccountFacts,
): AccountAction[] {
  return ACCOUNT_ACTIONS.filter((action) => {
    if (!decideAccountAction(actor, action, target, facts).ok) return false;
    // Offer only what would change something.
    if (action === "disable") return facts.targetState === "active";
    if (action === "enable") return facts.targetState === "disabled";
    if (action === "setLead") return !target.leadOfficer && facts.targetState === "active";
    if (action === "unsetLead") return target.leadOfficer;
    return facts.targetState !== "removed";
  });
}

import { invalidateUserSessions, revokeTrustedDevices } from "@sos/auth";
import { appendAudit, type Db } from "@sos/db";
import {
  findAccount,
  type LockedAccount,
  listAccounts,
  lockAccount,
  lockInstitutionAccounts,
  setAccountDisabled,
  setAccountEnabled,
  setAccountRemoved,
  setLeadOfficer,
} from "@sos/db/repositories/account";
import { type AccountAction, decideAccountAction } from "@sos/rules";
import type { AccountManager } from "../../account-procedure";
import { auditIp } from "../../audit-ip";
import { DomainError } from "../../errors";
import type { AccountChange } from "../../schemas/accounts";
import { accountState, policyPerson, toAccountView } from "./view";

export const LAST_ACTIVE_USER_MESSAGE =
  "この医療機関で利用できる最後の職員のため、削除できません。先に別の職員を招待してください。";
export const REMOVED_MESSAGE = "この職員は削除済みです。再び利用するには、改めて招待してください。";

/** The refusals the router turns into its own answers (audited there). */
export class AccountRefused extends Error {
  constructor(readonly reason: "out_of_scope" | "not_permitted") {
    super(reason);
  }
}

export interface AccountChangeRequest {
  manager: AccountManager;
  action: AccountAction;
  userId: string;
  now: Date;
}

type Snapshot = { disabled: boolean; removed: boolean; leadOfficer: boolean };

function snapshot(row: LockedAccount): Snapshot {
  return {
    disabled: row.disabledAt !== null,
    removed: row.removedAt !== null,
    leadOfficer: row.leadOfficer,
  };
}

/** Writes the action; false when it was already so (a second click changes nothing). */
async function apply(trx: Db, request: AccountChangeRequest): Promise<boolean> {
  const { action, userId, now, manager } = request;
  if (action === "disable") return setAccountDisabled(trx, userId, now);
  if (action === "enable") return setAccountEnabled(trx, userId);
  if (action === "remove")
    return setAccountRemoved(trx, { id: userId, at: now, by: manager.person.id });
  return setLeadOfficer(trx, userId, action === "setLead");
}

/**
 * One change to one person's account, in one transaction: the person's row is
 * locked (with every colleague's, for an institution, so that "not the last
 * one" holds against a colleague's simultaneous removal), the policy decides,
 * the row changes, a disabled or removed person's sessions and trusted browsers
 * end with it, and the audit log gets actor, target, before and after. A change
 * that was already made is answered changed: false and not audited again.
 */
export async function changeAccount(db: Db, request: AccountChangeRequest): Promise<AccountChange> {
  const { manager, action, userId } = request;
  const changed = await db.transaction().execute(async (trx) => {
    const unlocked = await findAccount(trx, userId);
    if (!unlocked) throw new DomainError("NOT_FOUND");
    const activeColleagues =
      unlocked.institutionId === null
        ? 0
        : await lockInstitutionAccounts(trx, unlocked.institutionId);
    const row = await lockAccount(trx, userId);
    if (!row) throw new DomainError("NOT_FOUND");
    const decision = decideAccountAction(manager.person, action, policyPerson(row), {
      targetState: accountState(row),
      activeColleagues,
    });
    if (!decision.ok) {
      if (decision.error === "last_active_user") {
        throw new DomainError("INVALID_STATE", { messageJa: LAST_ACTIVE_USER_MESSAGE });
      }
      if (decision.error === "removed")
        throw new DomainError("INVALID_STATE", { messageJa: REMOVED_MESSAGE });
      throw new AccountRefused(decision.error);
    }
    const before = snapshot(row);
    if (!(await apply(trx, request))) return false;
    let sessionsEnded = 0;
    let devicesRevoked = 0;
    if (action === "disable" || action === "remove") {
      sessionsEnded = await invalidateUserSessions(trx, userId);
      devicesRevoked = (await revokeTrustedDevices(trx, userId)).size;
    }
    const after = await lockAccount(trx, userId);
    await appendAudit(trx, {
      action: `account.${action}`,
      actorUserId: manager.person.id,
      actorRole: manager.person.role,
      targetType: "user",
      targetId: userId,
      ip: auditIp(manager.ip),
      details: {
        before,
        after: after ? snapshot(after) : null,
        sessionsEnded,
        devicesRevoked,
      },
    });
    return true;
  });
  const row = await findAccount(db, userId);
  if (!row) throw new DomainError("NOT_FOUND");
  const active = row.institutionId === null ? 0 : await countActive(db, row.institutionId);
  return { changed, person: toAccountView(row, manager, active) };
}

async function countActive(db: Db, institutionId: string): Promise<number> {
  const colleagues = await listAccounts(db, { kind: "institution", institutionId });
  return colleagues.filter((colleague) => colleague.disabledAt === null).length;
}

import type { AccountRow } from "@sos/db/repositories/account";
import {
  type AccountFacts,
  type AccountPerson,
  type AccountState,
  allowedAccountActions,
  manageScopeOf,
} from "@sos/rules";
import type { AccountManager } from "../../account-procedure";
import type { Account } from "../../schemas/accounts";

export function accountState(row: {
  disabledAt: Date | null;
  removedAt: Date | null;
}): AccountState {
  if (row.removedAt !== null) return "removed";
  return row.disabledAt === null ? "active" : "disabled";
}

export function policyPerson(row: {
  id: string;
  role: AccountPerson["role"];
  institutionId: string | null;
  prefectureCode: number | null;
  leadOfficer: boolean;
}): AccountPerson & { id: string } {
  return {
    id: row.id,
    role: row.role,
    institutionId: row.institutionId,
    prefectureCode: row.prefectureCode,
    leadOfficer: row.leadOfficer,
  };
}

/** A person as the caller sees them, with the buttons the caller may press. */
export function toAccountView(
  row: AccountRow,
  manager: AccountManager,
  activeColleagues: number,
): Account {
  const person = policyPerson(row);
  const facts: AccountFacts = { targetState: accountState(row), activeColleagues };
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    prefecture:
      row.placePrefectureCode === null || row.prefectureName === null
        ? null
        : { code: row.placePrefectureCode, name: row.prefectureName },
    institution:
      row.institutionId === null
        ? null
        : {
            id: row.institutionId,
            code: row.institutionCode ?? "",
            name: row.institutionName ?? "",
          },
    leadOfficer: row.leadOfficer,
    status: facts.targetState,
    manages: facts.targetState === "active" ? manageScopeOf(person).kind : "none",
    lastSignInAt: row.lastSignInAt === null ? null : new Date(row.lastSignInAt),
    actions: allowedAccountActions(manager.person, person, facts),
    self: row.id === manager.person.id,
  };
}

/** Active users per institution among the rows (for "not the last one"). */
export function activeByInstitution(rows: readonly AccountRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.institutionId === null || accountState(row) !== "active") continue;
    counts.set(row.institutionId, (counts.get(row.institutionId) ?? 0) + 1);
  }
  return counts;
}

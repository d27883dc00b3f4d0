import type { Db } from "@sos/db";
import { type AccountFilter, listAccounts } from "@sos/db/repositories/account";
import type { AccountManager } from "../../account-procedure";
import type { AccountList } from "../../schemas/accounts";
import { activeByInstitution, toAccountView } from "./view";

export interface AccountListRequest {
  prefectureCode: number | null;
  institutionCode: string | null;
}

/** Whose accounts the manager sees: its scope; the ministry may narrow or choose an institution. */
function filterFor(manager: AccountManager, request: AccountListRequest): AccountFilter {
  const { scope } = manager;
  if (scope.kind === "institution")
    return { kind: "institution", institutionId: scope.institutionId };
  if (scope.kind === "prefecture") {
    return { kind: "prefectureOfficers", prefectureCode: scope.prefectureCode };
  }
  if (request.institutionCode !== null)
    return { kind: "institutionCode", code: request.institutionCode };
  if (request.prefectureCode !== null) {
    return { kind: "prefectureOfficers", prefectureCode: request.prefectureCode };
  }
  return { kind: "staff", roles: ["prefecture", "vendor"] };
}

/** The people the manager may manage (and, for a lead, its prefecture's other leads, without buttons). */
export async function listManagedAccounts(
  db: Db,
  manager: AccountManager,
  request: AccountListRequest,
): Promise<AccountList> {
  const rows = await listAccounts(db, filterFor(manager, request));
  const active = activeByInstitution(rows);
  return {
    scope: manager.scope.kind,
    people: rows.map((row) =>
      toAccountView(
        row,
        manager,
        row.institutionId === null ? 0 : (active.get(row.institutionId) ?? 0),
      ),
    ),
  };
}

/**
 * 「権限の一覧」: who may act where. The ministry sees all its staff (officers,
 * ministry, vendor); a lead officer its own prefecture's officers.
 */
export async function listPermissions(
  db: Db,
  manager: AccountManager,
  prefectureCode: number | null,
): Promise<AccountList> {
  let filter: AccountFilter;
  if (manager.scope.kind === "prefecture") {
    filter = { kind: "prefectureOfficers", prefectureCode: manager.scope.prefectureCode };
  } else if (prefectureCode !== null) {
    filter = { kind: "prefectureOfficers", prefectureCode };
  } else {
    filter = { kind: "staff", roles: ["ministry", "prefecture", "vendor"] };
  }
  const rows = await listAccounts(db, filter);
  return { scope: manager.scope.kind, people: rows.map((row) => toAccountView(row, manager, 0)) };
}

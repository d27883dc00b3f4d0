import { findManager } from "@sos/db/repositories/account";
import { type AccountPerson, type ManageScope, manageScopeOf } from "@sos/rules";
import { deny } from "./deny";
import { authedProcedure } from "./trpc";

/** Whoever manages accounts, as the account policy sees them (the session knows no lead flag). */
export interface AccountManager {
  person: AccountPerson & { id: string };
  scope: Exclude<ManageScope, { kind: "none" }>;
  ip: string;
}

/**
 * The accounts router's base: an institution user, a prefecture's lead officer
 * or the ministry, read from the database on each call, so that a lead flag the
 * ministry has just taken away counts at once. Anyone else (an officer who is
 * not a lead, a vendor user) is refused as a wrong role is.
 */
export const accountManagerProcedure = authedProcedure.use(async ({ ctx, path, next }) => {
  const row = await findManager(ctx.db, ctx.user.id);
  const person = row && {
    id: row.id,
    role: row.role,
    institutionId: row.institutionId,
    prefectureCode: row.prefectureCode,
    leadOfficer: row.leadOfficer,
  };
  const scope = person ? manageScopeOf(person) : { kind: "none" as const };
  if (!person || row?.disabledAt != null || scope.kind === "none") {
    throw await deny(ctx.db, ctx, {
      targetType: "procedure",
      targetId: path,
      details: { required: "account_manager" },
    });
  }
  const manager: AccountManager = { person, scope, ip: ctx.ip };
  return next({ ctx: { manager } });
});

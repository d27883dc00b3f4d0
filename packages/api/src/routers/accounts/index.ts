import type { AccountAction } from "@sos/rules";
import { type AccountManager, accountManagerProcedure } from "../../account-procedure";
import type { Context } from "../../context";
import { deny } from "../../deny";
import {
  AccountChangeOutput,
  AccountLeadInput,
  AccountListInput,
  AccountListOutput,
  AccountTargetInput,
} from "../../schemas/accounts";
import {
  AccountRefused,
  changeAccount,
  listManagedAccounts,
  listPermissions,
} from "../../services/accounts";
import { router } from "../../trpc";

/**
 * One change to one person; a person outside the caller's scope is answered as
 * unknown (NOT_FOUND) and an action the caller's role never holds as a wrong
 * role (FORBIDDEN), both recorded as access.denied.
 */
async function change(
  ctx: Context & { manager: AccountManager; user: { id: string; role: string } },
  path: string,
  action: AccountAction,
  userId: string,
) {
  try {
    return await changeAccount(ctx.db, { manager: ctx.manager, action, userId, now: ctx.now() });
  } catch (error) {
    if (!(error instanceof AccountRefused)) throw error;
    const actor = {
      user: { id: ctx.manager.person.id, role: ctx.manager.person.role },
      ip: ctx.ip,
    };
    if (error.reason === "out_of_scope") {
      throw await deny(
        ctx.db,
        actor,
        {
          targetType: "user",
          targetId: userId,
          details: { procedure: path, reason: "out_of_scope" },
        },
        "NOT_FOUND",
      );
    }
    throw await deny(ctx.db, actor, {
      targetType: "procedure",
      targetId: path,
      details: { required: action },
    });
  }
}

/** Staff and officers (issue 15): who manages whom is @sos/rules' account scope. */
export const accountsRouter = router({
  people: accountManagerProcedure
    .input(AccountListInput)
    .output(AccountListOutput)
    .query(({ ctx, input }) =>
      listManagedAccounts(ctx.db, ctx.manager, {
        prefectureCode:
          ctx.manager.scope.kind === "ministry" ? (input?.prefectureCode ?? null) : null,
        institutionCode:
          ctx.manager.scope.kind === "ministry" ? (input?.institutionCode ?? null) : null,
      }),
    ),

  /** 「権限の一覧」: the ministry (all staff) and lead officers (own prefecture). */
  permissions: accountManagerProcedure
    .input(AccountListInput)
    .output(AccountListOutput)
    .query(async ({ ctx, input, path }) => {
      if (ctx.manager.scope.kind === "institution") {
        throw await deny(ctx.db, ctx, {
          targetType: "procedure",
          targetId: path,
          details: { required: "reviewer_manager" },
        });
      }
      return listPermissions(ctx.db, ctx.manager, input?.prefectureCode ?? null);
    }),

  disable: accountManagerProcedure
    .input(AccountTargetInput)
    .output(AccountChangeOutput)
    .mutation(({ ctx, input, path }) => change(ctx, path, "disable", input.userId)),

  enable: accountManagerProcedure
    .input(AccountTargetInput)
    .output(AccountChangeOutput)
    .mutation(({ ctx, input, path }) => change(ctx, path, "enable", input.userId)),

  /** An institution removes a colleague (or itself, not being the last). */
  remove: accountManagerProcedure
    .input(AccountTargetInput)
    .output(AccountChangeOutput)
    .mutation(({ ctx, input, path }) => change(ctx, path, "remove", input.userId)),

  /** The ministry names or un-names a prefecture's lead officer. */
  setLead: accountManagerProcedure
    .input(AccountLeadInput)
    .output(AccountChangeOutput)
    .mutation(({ ctx, input, path }) =>
      change(ctx, path, input.lead ? "setLead" : "unsetLead", input.userId),
    ),
});

import {
  type MaintenanceState,
  readMaintenanceState,
  recentSignInAlerts,
  switchReadOnly,
} from "@sos/db";
import { auditIp } from "../../audit-ip";
import {
  MaintenanceStateOutput,
  ReadOnlyStatusOutput,
  SetReadOnlyInput,
  SetReadOnlyOutput,
  SIGN_IN_ALERT_LIMIT,
  SignInAlertsOutput,
} from "../../schemas/operations";
import { ministryProcedure, publicProcedure, router } from "../../trpc";

function stateOutput(state: MaintenanceState) {
  return {
    readOnly: state.readOnly,
    reason: state.reason,
    changedAt: state.changedAt,
    changedBy: state.changedBy === null ? null : { displayName: state.changedBy.displayName },
    changedVia: state.changedVia,
  };
}

/** Running the service: the read-only switch for maintenance and the sign-in alerts. */
export const operationsRouter = router({
  // Public: the sign-in page and the storefront show the banner too.
  readOnlyStatus: publicProcedure.output(ReadOnlyStatusOutput).query(async ({ ctx }) => {
    const state = await readMaintenanceState(ctx.db);
    return { readOnly: state.readOnly, since: state.readOnly ? state.changedAt : null };
  }),

  maintenance: ministryProcedure
    .output(MaintenanceStateOutput)
    .query(async ({ ctx }) => stateOutput(await readMaintenanceState(ctx.db))),

  setReadOnly: ministryProcedure
    .meta({ allowedWhileReadOnly: true })
    .input(SetReadOnlyInput)
    .output(SetReadOnlyOutput)
    .mutation(async ({ ctx, input }) => {
      const changed = await switchReadOnly(ctx.db, {
        readOnly: input.readOnly,
        reason: input.reason,
        at: ctx.now(),
        actor: { userId: ctx.user.id, role: ctx.user.role },
        via: "console",
        ip: auditIp(ctx.ip),
      });
      return { ...stateOutput(await readMaintenanceState(ctx.db)), changed };
    }),

  signInAlerts: ministryProcedure
    .output(SignInAlertsOutput)
    .query(({ ctx }) => recentSignInAlerts(ctx.db, SIGN_IN_ALERT_LIMIT)),
});

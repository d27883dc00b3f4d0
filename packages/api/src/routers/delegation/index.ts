import {
  DelegateClientsOutput,
  DelegateSearchInput,
  DelegateSearchOutput,
  DelegationGrantInput,
  DelegationListOutput,
  DelegationRevokeInput,
} from "../../schemas/delegation";
import {
  delegateClients,
  grantDelegation,
  listDelegations,
  revokeDelegation,
  searchDelegates,
} from "../../services/delegation";
import { institutionActor } from "../../services/survey";
import { delegateProcedure, institutionSelfProcedure, router } from "../../trpc";

/**
 * 代理入力. The institution's own users grant and revoke (never a delegate on
 * its behalf); a delegate's user lists the institutions it may act for. Acting
 * itself goes through the institution's own procedures (see institutionProcedure).
 */
export const delegationRouter = router({
  search: institutionSelfProcedure
    .input(DelegateSearchInput)
    .output(DelegateSearchOutput)
    .query(({ ctx, input }) => searchDelegates(ctx.db, input.query)),

  list: institutionSelfProcedure
    .output(DelegationListOutput)
    .query(({ ctx }) => listDelegations(ctx.db, ctx.institutionId)),

  grant: institutionSelfProcedure
    .input(DelegationGrantInput)
    .output(DelegationListOutput)
    .mutation(({ ctx, input }) =>
      grantDelegation(ctx.db, {
        actor: institutionActor({ ...ctx, delegation: null }),
        organisationId: input.organisationId,
        now: ctx.now(),
      }),
    ),

  revoke: institutionSelfProcedure
    .input(DelegationRevokeInput)
    .output(DelegationListOutput)
    .mutation(({ ctx, input }) =>
      revokeDelegation(ctx.db, {
        actor: institutionActor({ ...ctx, delegation: null }),
        delegationId: input.delegationId,
        now: ctx.now(),
      }),
    ),

  clients: delegateProcedure
    .output(DelegateClientsOutput)
    .query(({ ctx }) => delegateClients(ctx.db, ctx.user.id)),
});

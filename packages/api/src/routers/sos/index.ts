import { SosRequestFormInput } from "@sos/domain";
import {
  SosApplyOutput,
  SosDeleteOutput,
  SosDetailOutput,
  SosIdInput,
  SosListInput,
  SosListOutput,
  SosUpdateInput,
  SosVersionInput,
} from "../../schemas/sos";
import { PAGE_SIZE_DEFAULT } from "../../schemas/survey";
import {
  applySosRequest,
  createSosRequest,
  deleteSosRequest,
  getSosRequest,
  listSosRequests,
  updateSosRequest,
  withdrawSosRequest,
} from "../../services/sos";
import { institutionActor } from "../../services/survey";
import { institutionProcedure, router } from "../../trpc";

/** 緊急配布要請 (SOS) on the institution's side; another institution's request is NOT_FOUND. */
export const sosRouter = router({
  list: institutionProcedure
    .input(SosListInput)
    .output(SosListOutput)
    .query(({ ctx, input }) =>
      listSosRequests(ctx.db, {
        now: ctx.now(),
        actor: institutionActor(ctx),
        view: input.view,
        cursor: input.cursor ?? null,
        limit: input.limit ?? PAGE_SIZE_DEFAULT,
      }),
    ),

  get: institutionProcedure
    .input(SosIdInput)
    .output(SosDetailOutput)
    .query(({ ctx, input }) =>
      getSosRequest(ctx.db, { now: ctx.now(), actor: institutionActor(ctx), id: input.id }),
    ),

  create: institutionProcedure
    .input(SosRequestFormInput)
    .output(SosDetailOutput)
    .mutation(({ ctx, input }) =>
      createSosRequest(ctx.db, { now: ctx.now(), actor: institutionActor(ctx), form: input }),
    ),

  update: institutionProcedure
    .input(SosUpdateInput)
    .output(SosDetailOutput)
    .mutation(({ ctx, input }) => {
      const { id, version, ...form } = input;
      return updateSosRequest(ctx.db, {
        now: ctx.now(),
        actor: institutionActor(ctx),
        id,
        version,
        form,
      });
    }),

  // "apply" is a reserved name in tRPC routers (Function.prototype.apply), hence the longer name.
  checkAndApply: institutionProcedure
    .input(SosVersionInput)
    .output(SosApplyOutput)
    .mutation(({ ctx, input }) =>
      applySosRequest(ctx.db, {
        now: ctx.now(),
        actor: institutionActor(ctx),
        id: input.id,
        version: input.version,
        mail: { publicBaseUrl: ctx.config.publicBaseUrl, mailFrom: ctx.config.mailFrom },
      }),
    ),

  withdraw: institutionProcedure
    .input(SosVersionInput)
    .output(SosDetailOutput)
    .mutation(({ ctx, input }) =>
      withdrawSosRequest(ctx.db, {
        now: ctx.now(),
        actor: institutionActor(ctx),
        id: input.id,
        version: input.version,
        mail: { publicBaseUrl: ctx.config.publicBaseUrl, mailFrom: ctx.config.mailFrom },
      }),
    ),

  /** 削除 of a request never filed (申請前・エラーあり); a filed one is withdrawn instead. */
  delete: institutionProcedure
    .input(SosVersionInput)
    .output(SosDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteSosRequest(ctx.db, {
        actor: institutionActor(ctx),
        id: input.id,
        version: input.version,
      }),
    ),
});

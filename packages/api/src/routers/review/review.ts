import { deny } from "../../deny";
import { readConnection } from "../../read-connection";
import {
  ApproveInput,
  ApproveOutput,
  CompletePrefectureBatchInput,
  CompletePrefectureBatchOutput,
  DeadlinesOutput,
  MarkNotEligibleInput,
  NotEligibleOutput,
  ProgressInput,
  ProgressOutput,
  QueueInput,
  QueueOutput,
  ReturnInput,
  ReviewDetailOutput,
  ReviewIdInput,
  SavePrefectureReviewInput,
} from "../../schemas/review";
import {
  approveRequests,
  completePrefectureBatch,
  markNotEligible,
  ministryActor,
  ministryProgress,
  returnToPrefecture,
  reviewActor,
  reviewDeadlines,
  reviewDetail,
  reviewQueue,
  savePrefectureReview,
} from "../../services/review";
import { ministryProcedure, prefectureProcedure, reviewerProcedure, router } from "../../trpc";

function mailConfig(ctx: { config: { publicBaseUrl: string; mailFrom: string } }) {
  return { publicBaseUrl: ctx.config.publicBaseUrl, mailFrom: ctx.config.mailFrom };
}

/**
 * The review console's requests: prefecture officers see and decide their own
 * prefecture's (any other id is NOT_FOUND), the ministry all of them.
 */
export const reviewRouter = router({
  queue: reviewerProcedure
    .input(QueueInput)
    .output(QueueOutput)
    .query(async ({ ctx, input, path }) => {
      const { scope } = ctx;
      const asked = input.prefectureCode ?? null;
      if (scope.kind === "prefecture" && asked !== null && asked !== scope.code) {
        throw await deny(ctx.db, ctx, {
          targetType: "procedure",
          targetId: path,
          details: { prefectureCode: asked },
        });
      }
      return reviewQueue(await readConnection(ctx), {
        scope,
        now: ctx.now(),
        query: {
          status: input.status,
          stage: input.stage ?? null,
          institutionType: input.institutionType ?? null,
          filedFrom: input.filedFrom ?? null,
          filedTo: input.filedTo ?? null,
          late: input.late ?? null,
          prefectureCode: asked,
          reviewState: input.reviewState ?? null,
          search: input.search,
          sort: input.sort,
          dir: input.dir,
          page: input.page,
          pageSize: input.pageSize,
        },
      });
    }),

  deadlines: reviewerProcedure
    .output(DeadlinesOutput)
    .query(({ ctx }) => reviewDeadlines(ctx.db, { scope: ctx.scope, now: ctx.now() })),

  get: reviewerProcedure
    .input(ReviewIdInput)
    .output(ReviewDetailOutput)
    .query(({ ctx, input }) =>
      reviewDetail(ctx.db, { scope: ctx.scope, now: ctx.now(), id: input.id }),
    ),

  savePrefectureReview: prefectureProcedure
    .input(SavePrefectureReviewInput)
    .output(ReviewDetailOutput)
    .mutation(({ ctx, input }) =>
      savePrefectureReview(ctx.db, {
        actor: reviewActor({ ...ctx, scope: { kind: "prefecture", code: ctx.prefectureCode } }),
        now: ctx.now(),
        input: {
          id: input.id,
          expectedVersion: input.expectedVersion,
          supplyNeeded: input.supplyNeeded,
          quantitySets: input.quantitySets ?? null,
          overrideReason: input.overrideReason,
          notes: input.notes,
          complete: input.complete,
        },
      }),
    ),

  /** 都道府県確認の一括完了: several of the officer's own requests, all or none. */
  completePrefectureBatch: prefectureProcedure
    .input(CompletePrefectureBatchInput)
    .output(CompletePrefectureBatchOutput)
    .mutation(({ ctx, input }) =>
      completePrefectureBatch(ctx.db, {
        actor: reviewActor({ ...ctx, scope: { kind: "prefecture", code: ctx.prefectureCode } }),
        now: ctx.now(),
        items: input.items,
      }),
    ),

  markNotEligible: reviewerProcedure
    .input(MarkNotEligibleInput)
    .output(NotEligibleOutput)
    .mutation(({ ctx, input }) =>
      markNotEligible(ctx.db, {
        actor: reviewActor(ctx),
        now: ctx.now(),
        id: input.id,
        expectedVersion: input.expectedVersion,
        reason: input.reason,
        mail: mailConfig(ctx),
      }),
    ),

  ministryProgress: ministryProcedure
    .input(ProgressInput)
    .output(ProgressOutput)
    .query(async ({ ctx, input }) =>
      ministryProgress(await readConnection(ctx), {
        now: ctx.now(),
        weekStart: input?.weekStart ?? null,
      }),
    ),

  approve: ministryProcedure
    .input(ApproveInput)
    .output(ApproveOutput)
    .mutation(({ ctx, input }) =>
      approveRequests(ctx.db, {
        actor: ministryActor(ctx),
        now: ctx.now(),
        items: input.items.map((item) => ({
          id: item.id,
          expectedVersion: item.expectedVersion,
          quantitySets: item.quantitySets ?? null,
          adjustReason: item.adjustReason,
        })),
        mail: mailConfig(ctx),
      }),
    ),

  returnToPrefecture: ministryProcedure
    .input(ReturnInput)
    .output(ReviewDetailOutput)
    .mutation(({ ctx, input }) =>
      returnToPrefecture(ctx.db, {
        actor: ministryActor(ctx),
        now: ctx.now(),
        id: input.id,
        expectedVersion: input.expectedVersion,
        reason: input.reason,
        mail: mailConfig(ctx),
      }),
    ),
});

import {
  answerSurvey,
  copyPreviousSurvey,
  getCurrentSurvey,
  getSurvey,
  institutionActor,
  listSurveys,
} from "../../services/surveys";
import { institutionProcedure, router } from "../../trpc";
import {
  PAGE_SIZE_DEFAULT,
  SurveyAnswerByIdInput,
  SurveyDetailOutput,
  SurveyIdInput,
  SurveyListInput,
  SurveyPageOutput,
} from "./schemas";

/** 週次調査: an institution sees and answers only its own surveys. */
export const surveyRouter = router({
  list: institutionProcedure
    .input(SurveyListInput)
    .output(SurveyPageOutput)
    .query(({ ctx, input }) =>
      listSurveys(ctx.db, {
        now: ctx.now(),
        actor: institutionActor(ctx),
        cursor: input?.cursor ?? null,
        limit: input?.limit ?? PAGE_SIZE_DEFAULT,
      }),
    ),

  get: institutionProcedure
    .input(SurveyIdInput)
    .output(SurveyDetailOutput)
    .query(({ ctx, input }) =>
      getSurvey(ctx.db, { now: ctx.now(), actor: institutionActor(ctx), id: input.id }),
    ),

  current: institutionProcedure
    .output(SurveyDetailOutput)
    .query(({ ctx }) => getCurrentSurvey(ctx.db, { now: ctx.now(), actor: institutionActor(ctx) })),

  answer: institutionProcedure
    .input(SurveyAnswerByIdInput)
    .output(SurveyDetailOutput)
    .mutation(({ ctx, input }) => {
      const { id, ...figures } = input;
      return answerSurvey(ctx.db, { now: ctx.now(), actor: institutionActor(ctx), id, figures });
    }),

  copyPrevious: institutionProcedure
    .input(SurveyIdInput)
    .output(SurveyDetailOutput)
    .mutation(({ ctx, input }) =>
      copyPreviousSurvey(ctx.db, { now: ctx.now(), actor: institutionActor(ctx), id: input.id }),
    ),
});

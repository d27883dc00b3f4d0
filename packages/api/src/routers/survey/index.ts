import type { Context } from "../../context";
import {
  PAGE_SIZE_DEFAULT,
  SurveyAnswerByIdInput,
  SurveyAnsweredOutput,
  SurveyCopyPreviousInput,
  SurveyDetailOutput,
  SurveyIdInput,
  SurveyListInput,
  SurveyPageOutput,
} from "../../schemas/survey";
import {
  type AnswerSource,
  answerGateOf,
  getCurrentSurvey,
  getSurvey,
  institutionActor,
  listSurveys,
  saveSurveyAnswer,
} from "../../services/survey";
import { institutionProcedure, router } from "../../trpc";

/** Both ways of saving an answer: admitted through the server's gate, judged on arrival time. */
function saveAnswer(
  ctx: Context & {
    user: { id: string };
    institutionId: string;
    delegation: { organisationId: string } | null;
  },
  input: { id: string; idempotencyKey?: string | undefined },
  source: AnswerSource,
) {
  return saveSurveyAnswer(ctx.db, {
    actor: institutionActor(ctx),
    id: input.id,
    source,
    acceptedAt: ctx.receivedAt ?? ctx.now(),
    now: ctx.now,
    gate: answerGateOf(ctx),
    idempotencyKey: input.idempotencyKey ?? null,
  });
}

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
    .output(SurveyAnsweredOutput)
    .mutation(({ ctx, input }) => {
      const { stock, consumption, purchases } = input;
      return saveAnswer(ctx, input, {
        kind: "figures",
        figures: { stock, consumption, purchases },
      });
    }),

  copyPrevious: institutionProcedure
    .input(SurveyCopyPreviousInput)
    .output(SurveyAnsweredOutput)
    .mutation(({ ctx, input }) => saveAnswer(ctx, input, { kind: "copyPrevious" })),
});

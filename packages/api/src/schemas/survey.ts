import { Id, IsoDate, SurveyAnswerInput, SurveyStatus } from "@sos/domain";
import { MAX_QUANTITY } from "@sos/rules";
import { z } from "zod";
import { IsoDateTime, PageLimit, Person } from "./common";
import { OnBehalfOutput } from "./delegation";

export const Pieces = z.number().int().min(0).max(MAX_QUANTITY);

export const FiguresOutput = z.object({ stock: Pieces, consumption: Pieces, purchases: Pieces });
export type FiguresOutput = z.infer<typeof FiguresOutput>;

/** rules.assessEligibility: the self-check on three figures. */
export const AssessmentOutput = z.object({
  eligible: z.boolean(),
  /** consumption − purchases */
  weeklyShortfall: z.number().int(),
  /** weeklyShortfall × 4: the stock must be below this */
  monthlyShortfall: z.number().int(),
  limitSets: z.number().int().min(0),
  limitPieces: z.number().int().min(0),
});
export type AssessmentOutput = z.infer<typeof AssessmentOutput>;

/** 受付番号 and the server's acceptance time of a saved answer. */
export const ReceiptOutput = z.object({
  number: z.string().regex(/^[0-9]{8}-[0-9]{7,}$/),
  acceptedAt: IsoDateTime,
});
export type ReceiptOutput = z.infer<typeof ReceiptOutput>;

export const SurveyViewOutput = z.object({
  id: Id,
  weekStart: IsoDate,
  title: z.string(),
  status: SurveyStatus,
  statusLabel: z.string(),
  stock: Pieces.nullable(),
  consumption: Pieces.nullable(),
  purchases: Pieces.nullable(),
  answeredAt: IsoDateTime.nullable(),
  answeredBy: Person.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  isCurrent: z.boolean(),
  editable: z.boolean(),
  assessment: AssessmentOutput.nullable(),
  latestReceipt: ReceiptOutput.nullable(),
  /** 代理入力: the latest answer was entered by a delegate organisation (absent or null: not). */
  onBehalf: OnBehalfOutput.nullish(),
});
export type SurveyViewOutput = z.infer<typeof SurveyViewOutput>;
/** The services return the schemas' input side: instants as Date, serialised by the output schema. */
export type SurveyView = z.input<typeof SurveyViewOutput>;

export const SurveyDetailOutput = SurveyViewOutput.extend({
  readOnlyReason: z.string().nullable(),
  previous: FiguresOutput.extend({ id: Id, weekStart: IsoDate, title: z.string() }).nullable(),
});
export type SurveyDetailOutput = z.infer<typeof SurveyDetailOutput>;
export type SurveyDetail = z.input<typeof SurveyDetailOutput>;

/** What saving returns: the survey as saved and this answer's receipt. */
export const SurveyAnsweredOutput = SurveyDetailOutput.extend({ receipt: ReceiptOutput });
export type SurveyAnsweredOutput = z.infer<typeof SurveyAnsweredOutput>;
/** The survey as saved, with this answer's receipt (a retry gets the first one's). */
export type AnsweredSurvey = z.input<typeof SurveyAnsweredOutput>;

export const SurveyPageOutput = z.object({
  items: z.array(SurveyViewOutput),
  nextCursor: IsoDate.nullable(),
});
export type SurveyPageOutput = z.infer<typeof SurveyPageOutput>;
export type SurveyPage = z.input<typeof SurveyPageOutput>;

export const PAGE_SIZE_DEFAULT = 20;

export const SurveyListInput = z
  .object({
    /** The nextCursor of the previous page. */
    cursor: IsoDate.nullish(),
    limit: PageLimit,
  })
  .optional();

export const SurveyIdInput = z.object({ id: Id });

/**
 * Chosen by the client once per submission and sent again with every retry of
 * it: the server saves a submission once and answers its retries with the
 * first one's receipt.
 */
export const IdempotencyKey = Id;

/** The three figures as typed ("２，０００", "2,000枚", 2000), with the survey's id. */
export const SurveyAnswerByIdInput = SurveyAnswerInput.extend({
  id: Id,
  idempotencyKey: IdempotencyKey.optional(),
});

export const SurveyCopyPreviousInput = SurveyIdInput.extend({
  idempotencyKey: IdempotencyKey.optional(),
});

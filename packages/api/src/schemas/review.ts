import {
  PREFECTURE_REVIEW_STATES,
  QUEUE_SORTS,
  REVIEWER_STATUSES,
} from "@sos/db/repositories/review-queue";
import {
  Id,
  InstitutionType,
  IsoDate,
  OrderStatus,
  optionalText,
  PrefectureCode,
  REVIEW_MAX_SETS,
  REVIEW_NOTES_MAX_LENGTH,
  REVIEW_REASON_MAX_LENGTH,
  ReviewStage,
  requiredText,
  SosStatus,
} from "@sos/domain";
import { dayOfWeek } from "@sos/rules";
import { z } from "zod";
import { IsoDateTime, Page, Person, pageSizeUpTo, Search, Version } from "./common";
import { SosHistoryEntryOutput } from "./sos";
import { AssessmentOutput, FiguresOutput } from "./survey";

/**
 * The review router's shapes. Inputs as the router parses them; a service takes
 * an input with every omitted optional field as null (NullWhenOmitted). Each
 * output type is the schema's input side (z.input): the services hand over
 * Dates, which IsoDateTime turns into ISO strings on the way out.
 */

/** A parsed input as a service takes it: an omitted optional field is null. */
export type NullWhenOmitted<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Sets of 1,000 pieces, up to REVIEW_MAX_SETS. */
export const Sets = z
  .number({ error: "数量をセット単位の整数で入力してください" })
  .int({ error: "数量をセット単位の整数で入力してください" })
  .min(0, { error: "数量は0以上で入力してください" })
  .max(REVIEW_MAX_SETS, { error: "数量が大きすぎます" });

/** A survey week starts on a Wednesday. */
export const WeekStart = IsoDate.refine((ymd) => dayOfWeek(ymd) === 3, {
  error: "週の開始日（水曜日）を指定してください",
});

// ---- inputs ----

export const QueueInput = z
  .object({
    /** Default: reviewing (都道府県・国確認中). "all" lists every filed request. */
    status: z.enum([...REVIEWER_STATUSES, "all"]).default("reviewing"),
    stage: ReviewStage.nullish(),
    institutionType: InstitutionType.nullish(),
    /** Filing day range, Tokyo calendar days, both ends included. */
    filedFrom: IsoDate.nullish(),
    filedTo: IsoDate.nullish(),
    /** true: only those filed after the Wednesday 17:00 deadline. */
    late: z.boolean().nullish(),
    /** Ministry only: a prefecture officer sees its own prefecture whatever is passed. */
    prefectureCode: PrefectureCode.nullish(),
    reviewState: z.enum(PREFECTURE_REVIEW_STATES).nullish(),
    /** Part of the institution name, or the start of its code. */
    search: Search,
    sort: z.enum(QUEUE_SORTS).default("appliedAt"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    page: Page,
    pageSize: pageSizeUpTo(100),
  })
  .refine((input) => !input.filedFrom || !input.filedTo || input.filedFrom <= input.filedTo, {
    error: "申請日の範囲が正しくありません（開始日が終了日より後です）",
    path: ["filedTo"],
  });
export type QueueQuery = NullWhenOmitted<z.output<typeof QueueInput>>;

export const ReviewIdInput = z.object({ id: Id });

export const SavePrefectureReviewInput = z.object({
  id: Id,
  expectedVersion: Version,
  /** 配送要否: true 必要 / false 不要 / null 未選択 (a draft may be saved without it). */
  supplyNeeded: z.boolean().nullable(),
  /** Omitted or null: the computed purchase limit (or 0 when supply is not needed). */
  quantitySets: Sets.nullish(),
  /** Required when the quantity exceeds the computed limit. */
  overrideReason: optionalText("上限を超える理由", REVIEW_REASON_MAX_LENGTH),
  notes: optionalText("備考", REVIEW_NOTES_MAX_LENGTH),
  /** true: 確認完了 — the request goes to the ministry. */
  complete: z.boolean(),
});
export type PrefectureReviewInput = NullWhenOmitted<z.output<typeof SavePrefectureReviewInput>>;

export const MarkNotEligibleInput = z.object({
  id: Id,
  expectedVersion: Version,
  reason: requiredText("対象外とする理由", REVIEW_REASON_MAX_LENGTH),
});

export const ApproveItemInput = z.object({
  id: Id,
  expectedVersion: Version,
  /** Omitted: the prefecture's quantity. */
  quantitySets: Sets.nullish(),
  /** Required when quantitySets differs from the prefecture's. */
  adjustReason: optionalText("調整理由", REVIEW_REASON_MAX_LENGTH),
});
/** quantitySets null: the prefecture's quantity. */
export type ApproveItem = NullWhenOmitted<z.output<typeof ApproveItemInput>>;

export const ApproveInput = z.object({
  items: z
    .array(ApproveItemInput)
    .min(1, { error: "承認する要請を選択してください" })
    .max(200, { error: "一度に承認できるのは200件までです" })
    .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
      error: "同じ要請が複数回選択されています",
    }),
});

/** One request of a prefecture's batch completion, at the version the officer saw. */
export const BatchCompleteItemInput = z.object({ id: Id, expectedVersion: Version });
export type BatchCompleteItem = z.output<typeof BatchCompleteItemInput>;

export const CompletePrefectureBatchInput = z.object({
  items: z
    .array(BatchCompleteItemInput)
    .min(1, { error: "確認完了にする要請を選択してください" })
    .max(200, { error: "一度に確認完了にできるのは200件までです" })
    .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
      error: "同じ要請が複数回選択されています",
    }),
});

export const ReturnInput = z.object({
  id: Id,
  expectedVersion: Version,
  reason: requiredText("差戻しの理由", REVIEW_REASON_MAX_LENGTH),
});

export const ProgressInput = z.object({ weekStart: WeekStart.nullish() }).optional();

// ---- outputs ----

const InstitutionSummaryOutput = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  type: InstitutionType,
  typeLabel: z.string(),
  prefectureCode: PrefectureCode,
  prefectureName: z.string(),
});

export const QueueRowOutput = z.object({
  id: Id,
  version: Version,
  status: SosStatus,
  statusLabel: z.string(),
  reviewStage: ReviewStage.nullable(),
  reviewStageLabel: z.string().nullable(),
  weekStart: IsoDate,
  appliedAt: IsoDateTime,
  late: z.boolean(),
  handleFrom: IsoDate.nullable(),
  prefectureDue: IsoDateTime,
  institution: InstitutionSummaryOutput,
  contactName: z.string(),
  figures: FiguresOutput.nullable(),
  assessment: AssessmentOutput.nullable(),
  limitSets: z.number().int().min(0),
  limitPieces: z.number().int().min(0),
  weeksOfCover: z.number().nullable(),
  prefectureReview: z.object({
    state: z.enum(PREFECTURE_REVIEW_STATES),
    supplyNeeded: z.boolean().nullable(),
    quantitySets: z.number().int().nullable(),
    completedAt: IsoDateTime.nullable(),
  }),
  approvedSets: z.number().int().nullable(),
  returned: z.boolean(),
  sanctioned: z.boolean(),
});
export type QueueRow = z.input<typeof QueueRowOutput>;

export const QueueOutput = z.object({
  items: z.array(QueueRowOutput),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(1),
});
export type QueuePage = z.input<typeof QueueOutput>;

const TimeUntilOutput = z.object({
  days: z.number().int().min(0),
  hours: z.number().int().min(0),
  minutes: z.number().int().min(0),
  overdue: z.boolean(),
});

export const RoundOutput = z.object({
  weekStart: IsoDate,
  weekTitle: z.string(),
  sosDeadline: IsoDateTime,
  prefectureDue: IsoDateTime,
});
export type ReviewRound = z.input<typeof RoundOutput>;

export const DeadlinesOutput = z.object({
  now: IsoDateTime,
  round: RoundOutput,
  timeLeft: TimeUntilOutput,
  awaitingPrefecture: z.number().int().min(0),
  /** 国確認中 in scope, every week: what the ministry still has to decide. */
  awaitingMinistry: z.number().int().min(0),
  overdue: z.number().int().min(0),
});
export type ReviewDeadlines = z.input<typeof DeadlinesOutput>;

export const ReviewDetailOutput = z.object({
  id: Id,
  version: Version,
  status: SosStatus,
  statusLabel: z.string(),
  reviewStage: ReviewStage.nullable(),
  reviewStageLabel: z.string().nullable(),
  weekStart: IsoDate,
  weekTitle: z.string(),
  appliedAt: IsoDateTime,
  late: z.boolean(),
  handleFrom: IsoDate.nullable(),
  lateNote: z.string().nullable(),
  prefectureDue: IsoDateTime,
  notEligibleNoticeFrom: IsoDateTime,
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  notes: z.string(),
  closedReason: z.string().nullable(),
  institution: InstitutionSummaryOutput.extend({
    postcode: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
  }),
  calculation: z
    .object({
      figures: FiguresOutput,
      assessment: AssessmentOutput,
      weeksOfCover: z.number().nullable(),
      source: z.enum(["snapshot", "survey"]),
      limitSets: z.number().int().min(0),
      limitPieces: z.number().int().min(0),
    })
    .nullable(),
  survey: z
    .object({
      id: Id,
      weekStart: IsoDate,
      figures: FiguresOutput.nullable(),
      answeredAt: IsoDateTime.nullable(),
      changedSinceCheck: z.boolean(),
    })
    .nullable(),
  prefectureReview: z
    .object({
      supplyNeeded: z.boolean().nullable(),
      quantitySets: z.number().int().nullable(),
      computedLimitSets: z.number().int().min(0),
      overrideReason: z.string().nullable(),
      notes: z.string(),
      notEligibleReason: z.string().nullable(),
      completedAt: IsoDateTime.nullable(),
      completedBy: Person.nullable(),
      updatedAt: IsoDateTime,
      updatedBy: Person.nullable(),
      version: Version,
    })
    .nullable(),
  ministryApproval: z
    .object({
      quantitySets: z.number().int().min(1),
      quantityPieces: z.number().int().min(1),
      adjustReason: z.string().nullable(),
      approvedAt: IsoDateTime,
      approvedBy: Person,
    })
    .nullable(),
  returns: z.array(
    z.object({ id: z.string(), reason: z.string(), returnedAt: IsoDateTime, returnedBy: Person }),
  ),
  sanctions: z.array(z.object({ id: Id, reason: z.string(), effectiveFrom: IsoDate })),
  targetList: z
    .object({ batchId: Id, number: z.number().int().min(1), issuedAt: IsoDateTime })
    .nullable(),
  /** The purchase on the approved request: ordered, shipped, and the institution's 受領確認. */
  order: z
    .object({
      orderNumber: z.string(),
      status: OrderStatus,
      statusLabel: z.string(),
      orderedAt: IsoDateTime,
      totalSets: z.number().int().min(1),
      shippedAt: IsoDateTime.nullable(),
      deliveredAt: IsoDateTime.nullable(),
      receivedAt: IsoDateTime.nullable(),
    })
    .nullable(),
  history: z.array(SosHistoryEntryOutput),
  abilities: z.object({
    canEditPrefectureReview: z.boolean(),
    canMarkNotEligible: z.boolean(),
    canApprove: z.boolean(),
    canReturn: z.boolean(),
  }),
});
export type ReviewDetail = z.input<typeof ReviewDetailOutput>;
export type ReviewAbilities = ReviewDetail["abilities"];

export const NotEligibleOutput = z.object({
  request: ReviewDetailOutput,
  notice: z.object({ mailId: Id, to: z.string(), sendAt: IsoDateTime }),
});
export type NotEligibleResult = z.input<typeof NotEligibleOutput>;

export const ApproveOutput = z.object({
  approved: z.array(
    z.object({
      id: Id,
      version: Version,
      quantitySets: z.number().int().min(1),
      institutionName: z.string(),
    }),
  ),
});
export type ApprovedRequest = z.input<typeof ApproveOutput>["approved"][number];

export const CompletePrefectureBatchOutput = z.object({
  completed: z.array(
    z.object({
      id: Id,
      version: Version,
      institutionName: z.string(),
      /** 配送要否 as completed; quantitySets is 0 when supply is not needed. */
      supplyNeeded: z.boolean(),
      quantitySets: z.number().int().min(0),
    }),
  ),
});
export type CompletedByPrefecture = z.input<
  typeof CompletePrefectureBatchOutput
>["completed"][number];

export const ProgressCountsOutput = z.object({
  filed: z.number().int().min(0),
  late: z.number().int().min(0),
  awaitingPrefecture: z.number().int().min(0),
  completedByPrefecture: z.number().int().min(0),
  awaitingMinistry: z.number().int().min(0),
  approved: z.number().int().min(0),
  listed: z.number().int().min(0),
  notEligible: z.number().int().min(0),
  remaining: z.number().int().min(0),
});
export type ProgressCounts = z.input<typeof ProgressCountsOutput>;

export const ProgressOutput = z.object({
  weekStart: IsoDate,
  weekTitle: z.string(),
  prefectures: z.array(
    ProgressCountsOutput.extend({ prefectureCode: PrefectureCode, prefectureName: z.string() }),
  ),
  totals: ProgressCountsOutput,
});
export type MinistryProgress = z.input<typeof ProgressOutput>;
export type PrefectureProgress = MinistryProgress["prefectures"][number];

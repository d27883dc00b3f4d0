import {
  Id,
  IsoDate,
  inputString,
  PrefectureCode,
  ReviewStage,
  SosRequestFormInput,
  SosStatus,
} from "@sos/domain";
import { z } from "zod";
import { IsoDateTime, PageLimit, Person, Version } from "./common";
import { OnBehalfOutput } from "./delegation";
import { AssessmentOutput, FiguresOutput } from "./survey";

export const SOS_LIST_VIEWS = ["all", "recent", "active"] as const;

/** The reasons the system check behind 「システムチェック&申請」 can refuse a request. */
export const SOS_CHECK_CODES = [
  "survey_unanswered",
  "survey_not_eligible",
  "sanctioned",
  "open_request_exists",
] as const;
export type SosCheckCode = (typeof SOS_CHECK_CODES)[number];

export const SosListView = z.enum(SOS_LIST_VIEWS, { error: "一覧の種類が正しくありません" });
/** すべて / 最近参照したデータ / 実施中の緊急配布要請 (applied in the past 30 days). */
export type SosListView = z.infer<typeof SosListView>;

export const SosListInput = z.object({
  /** all = すべて, recent = 最近参照したデータ, active = 実施中（過去30日間に申請） */
  view: SosListView.default("all"),
  /** The nextCursor of the previous page of the same view. */
  cursor: inputString().max(400).nullish(),
  limit: PageLimit,
});

export const SosIdInput = z.object({ id: Id });

export const SosVersionInput = z.object({ id: Id, version: Version });

/** 削除 answers the id of the request that is gone. */
export const SosDeleteOutput = z.object({ id: Id, deleted: z.literal(true) });

/** The form (担当者氏名, 電話番号, 備考, 条件確認), with the id and the version it was edited from. */
export const SosUpdateInput = SosRequestFormInput.extend({ id: Id, version: Version });

export const SosListItemOutput = z.object({
  id: Id,
  status: SosStatus,
  statusLabel: z.string(),
  reviewStage: ReviewStage.nullable(),
  weekStart: IsoDate,
  weekTitle: z.string(),
  appliedAt: IsoDateTime.nullable(),
  late: z.boolean(),
  handleFrom: IsoDate.nullable(),
  lateNote: z.string().nullable(),
  contactName: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Version,
  viewedAt: IsoDateTime.nullable(),
});
export type SosListItemOutput = z.infer<typeof SosListItemOutput>;
/** The services return the schemas' input side: instants as Date, serialised by the output schema. */
export type SosRequestListItem = z.input<typeof SosListItemOutput>;

export const SosListOutput = z.object({
  items: z.array(SosListItemOutput),
  nextCursor: z.string().nullable(),
});
export type SosListOutput = z.infer<typeof SosListOutput>;
export type SosRequestPage = z.input<typeof SosListOutput>;

export const SosCheckReasonOutput = z.object({
  /** One of SOS_CHECK_CODES for reasons this system wrote. */
  code: z.string(),
  message: z.string(),
  /** Link target: the survey to fix. */
  surveyId: Id.nullable(),
});
export type SosCheckReasonOutput = z.infer<typeof SosCheckReasonOutput>;

export const SosHistoryEntryOutput = z.object({
  id: z.string(),
  at: IsoDateTime,
  actor: Person.nullable(),
  actorRole: z.string().nullable(),
  actorRoleLabel: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: SosStatus.nullable(),
  toStatus: SosStatus.nullable(),
  fromStatusLabel: z.string().nullable(),
  toStatusLabel: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  /** 代理入力: a delegate organisation's user did it for the institution (absent or null: not). */
  onBehalf: OnBehalfOutput.nullish(),
});
export type SosHistoryEntryOutput = z.infer<typeof SosHistoryEntryOutput>;
export type SosHistoryEntry = z.input<typeof SosHistoryEntryOutput>;

export const SosCheckOutput = z.object({
  surveyId: Id.nullable(),
  weekStart: IsoDate,
  weekTitle: z.string(),
  figures: FiguresOutput,
  assessment: AssessmentOutput,
  source: z.enum(["snapshot", "survey"]),
  currentSurveyFigures: FiguresOutput.nullable(),
  surveyChangedSinceCheck: z.boolean(),
});
export type SosCheckOutput = z.infer<typeof SosCheckOutput>;
export type SosCheckView = z.input<typeof SosCheckOutput>;

export const SosDecisionOutput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("quantity"),
    source: z.enum(["ministry", "prefecture"]),
    final: z.boolean(),
    quantitySets: z.number().int().min(0),
    purchaseLimitPieces: z.number().int().min(0),
    computedLimitSets: z.number().int().min(0).nullable(),
    decidedAt: IsoDateTime,
  }),
  z.object({ kind: z.literal("not_eligible"), reason: z.string() }),
]);
export type SosDecisionOutput = z.infer<typeof SosDecisionOutput>;
export type SosDecision = z.input<typeof SosDecisionOutput>;

export const SosDetailOutput = SosListItemOutput.extend({
  contactPhone: z.string().nullable(),
  notes: z.string(),
  conditionsConfirmed: z.literal(true),
  surveyId: Id.nullable(),
  closedReason: z.string().nullable(),
  errorReasons: z.array(SosCheckReasonOutput),
  deadline: IsoDateTime,
  createdBy: Person,
  editable: z.boolean(),
  canApply: z.boolean(),
  canWithdraw: z.boolean(),
  /** 削除: never filed (申請前・エラーあり), so it may be thrown away. */
  canDelete: z.boolean(),
  institution: z.object({
    id: Id,
    code: z.string(),
    name: z.string(),
    prefectureCode: PrefectureCode,
    prefectureName: z.string(),
  }),
  history: z.array(SosHistoryEntryOutput),
  /** 代理入力: the latest change a delegate organisation made for the institution, if any. */
  onBehalf: OnBehalfOutput.nullish(),
  check: SosCheckOutput.nullable(),
  decision: SosDecisionOutput.nullable(),
});
export type SosDetailOutput = z.infer<typeof SosDetailOutput>;
export type SosRequestDetail = z.input<typeof SosDetailOutput>;

export const SosApplyOutput = z.object({
  outcome: z.enum(["reviewing", "error"]),
  reasons: z.array(SosCheckReasonOutput.extend({ code: z.enum(SOS_CHECK_CODES) })),
  request: SosDetailOutput,
});
export type SosApplyOutput = z.infer<typeof SosApplyOutput>;
export type ApplyResult = z.input<typeof SosApplyOutput>;
/** A failed check with its Japanese text and the survey to fix, as the system check writes it. */
export type SosCheckReason = ApplyResult["reasons"][number];

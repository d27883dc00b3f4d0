import { z } from "#zod";
import { PrefectureCode } from "../prefecture-code";
import { ReviewStage } from "../review-stage";
import { Role } from "../role";
import { SosStatus } from "../sos-status";
import { Id, IsoDate, SerialId, Timestamp } from "./common";

export const SosRequest = z.object({
  id: Id,
  institutionId: Id,
  prefectureCode: PrefectureCode,
  weekStart: IsoDate,
  status: SosStatus,
  reviewStage: z.nullable(ReviewStage),
  conditionsConfirmed: z.literal(true),
  contactName: z.string(),
  contactPhone: z.nullable(z.string()),
  notes: z.string().check(z.maxLength(2000)),
  surveyId: z.nullable(Id),
  appliedAt: z.nullable(Timestamp),
  /** Applied after the Wednesday 17:00 deadline: handled from handleFrom (翌営業日以降). */
  late: z.boolean(),
  handleFrom: z.nullable(IsoDate),
  /** Why the system check failed (status "error"), as @sos/rules refusal codes. */
  errorReasons: z.array(z.string()),
  closedReason: z.nullable(z.string()),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Optimistic-lock counter: an edit names the version it was made against. */
  version: z.number().check(z.int(), z.gte(1)),
});
export type SosRequest = z.infer<typeof SosRequest>;

/** Who acted: a signed-in role, or the system (the check run by システムチェック&申請). */
export const ActorRole = z.union([Role, z.literal("system")]);
export type ActorRole = z.infer<typeof ActorRole>;

export const SosRequestHistoryEntry = z.object({
  id: SerialId,
  requestId: Id,
  at: Timestamp,
  actorUserId: z.nullable(Id),
  actorRole: z.nullable(ActorRole),
  action: z.string().check(z.minLength(1)),
  fromStatus: z.nullable(SosStatus),
  toStatus: z.nullable(SosStatus),
  /** Field name -> [before, after] or similar per action; kept open on purpose. */
  changes: z.record(z.string(), z.unknown()),
});
export type SosRequestHistoryEntry = z.infer<typeof SosRequestHistoryEntry>;

import { z } from "zod";
import { PrefectureCode } from "../prefectures";
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
  reviewStage: ReviewStage.nullable(),
  conditionsConfirmed: z.literal(true),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  notes: z.string().max(2000),
  surveyId: Id.nullable(),
  appliedAt: Timestamp.nullable(),
  /** Applied after the Wednesday 17:00 deadline: handled from handleFrom (翌営業日以降). */
  late: z.boolean(),
  handleFrom: IsoDate.nullable(),
  /** Why the system check failed (status "error"), as @sos/rules refusal codes. */
  errorReasons: z.array(z.string()),
  closedReason: z.string().nullable(),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Optimistic-lock counter: an edit names the version it was made against. */
  version: z.number().int().min(1),
});
export type SosRequest = z.infer<typeof SosRequest>;

/** Who acted: a signed-in role, or the system (the check run by システムチェック&申請). */
export const ActorRole = z.union([Role, z.literal("system")]);
export type ActorRole = z.infer<typeof ActorRole>;

export const SosRequestHistoryEntry = z.object({
  id: SerialId,
  requestId: Id,
  at: Timestamp,
  actorUserId: Id.nullable(),
  actorRole: ActorRole.nullable(),
  action: z.string().min(1),
  fromStatus: SosStatus.nullable(),
  toStatus: SosStatus.nullable(),
  /** Field name -> [before, after] or similar per action; kept open on purpose. */
  changes: z.record(z.string(), z.unknown()),
});
export type SosRequestHistoryEntry = z.infer<typeof SosRequestHistoryEntry>;

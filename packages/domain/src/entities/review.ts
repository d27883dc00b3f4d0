import { z } from "#zod";
import { Id, SerialId, Timestamp } from "./common";

/** The prefecture's part (②要請確認): supply needed, quantity in sets, or not eligible. */
export const PrefectureReview = z.object({
  requestId: Id,
  supplyNeeded: z.nullable(z.boolean()),
  quantitySets: z.nullable(z.number().check(z.int(), z.gte(0))),
  /** The purchase limit the rules computed from the survey, for comparison. */
  computedLimitSets: z.number().check(z.int(), z.gte(0)),
  /** Required when quantitySets exceeds computedLimitSets. */
  overrideReason: z.nullable(z.string()),
  notes: z.string(),
  notEligibleReason: z.nullable(z.string()),
  completedAt: z.nullable(Timestamp),
  completedBy: z.nullable(Id),
  updatedAt: Timestamp,
  updatedBy: z.nullable(Id),
  version: z.number().check(z.int(), z.gte(1)),
});
export type PrefectureReview = z.infer<typeof PrefectureReview>;

/** The ministry's approval (③承認), after which the request is accepted (受付完了). */
export const MinistryApproval = z.object({
  requestId: Id,
  quantitySets: z.number().check(z.int(), z.gte(1)),
  adjustReason: z.nullable(z.string()),
  approvedAt: Timestamp,
  approvedBy: Id,
});
export type MinistryApproval = z.infer<typeof MinistryApproval>;

/** A ministry "return to prefecture", with the reason the prefecture is shown. */
export const ReviewReturn = z.object({
  id: SerialId,
  requestId: Id,
  reason: z.string().check(z.minLength(1)),
  returnedAt: Timestamp,
  returnedBy: Id,
});
export type ReviewReturn = z.infer<typeof ReviewReturn>;

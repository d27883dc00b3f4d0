import { z } from "zod";
import { Id, SerialId, Timestamp } from "./common";

/** The prefecture's part (②要請確認): supply needed, quantity in sets, or not eligible. */
export const PrefectureReview = z.object({
  requestId: Id,
  supplyNeeded: z.boolean().nullable(),
  quantitySets: z.number().int().min(0).nullable(),
  /** The purchase limit the rules computed from the survey, for comparison. */
  computedLimitSets: z.number().int().min(0),
  /** Required when quantitySets exceeds computedLimitSets. */
  overrideReason: z.string().nullable(),
  notes: z.string(),
  notEligibleReason: z.string().nullable(),
  completedAt: Timestamp.nullable(),
  completedBy: Id.nullable(),
  updatedAt: Timestamp,
  updatedBy: Id.nullable(),
  version: z.number().int().min(1),
});
export type PrefectureReview = z.infer<typeof PrefectureReview>;

/** The ministry's approval (③承認), after which the request is accepted (受付完了). */
export const MinistryApproval = z.object({
  requestId: Id,
  quantitySets: z.number().int().min(1),
  adjustReason: z.string().nullable(),
  approvedAt: Timestamp,
  approvedBy: Id,
});
export type MinistryApproval = z.infer<typeof MinistryApproval>;

/** A ministry "return to prefecture", with the reason the prefecture is shown. */
export const ReviewReturn = z.object({
  id: SerialId,
  requestId: Id,
  reason: z.string().min(1),
  returnedAt: Timestamp,
  returnedBy: Id,
});
export type ReviewReturn = z.infer<typeof ReviewReturn>;

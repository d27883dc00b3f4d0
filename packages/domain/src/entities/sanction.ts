import { z } from "#zod";
import { Id, IsoDate, Timestamp } from "./common";

/** A measure under consent term ④ (e.g. after resale): further requests are refused while active. */
export const Sanction = z.object({
  id: Id,
  institutionId: Id,
  reason: z.string().check(z.minLength(1)),
  effectiveFrom: IsoDate,
  liftedAt: z.nullable(Timestamp),
  createdBy: Id,
  createdAt: Timestamp,
});
export type Sanction = z.infer<typeof Sanction>;

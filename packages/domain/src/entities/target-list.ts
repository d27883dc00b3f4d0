import { z } from "#zod";
import { PrefectureCode } from "../prefecture-code";
import { EmailAddress, Id, InstitutionCode, PhoneNumber, Postcode, Timestamp } from "./common";

/** ④対象医療機関リスト, handed to the vendor in numbered batches. */
export const TargetBatch = z.object({
  id: Id,
  number: z.number().check(z.int(), z.gte(1)),
  issuedAt: Timestamp,
  issuedBy: Id,
});
export type TargetBatch = z.infer<typeof TargetBatch>;

/** One institution on the list, copied as it was when issued (later edits do not leak). */
export const TargetItem = z.object({
  id: Id,
  batchId: Id,
  requestId: Id,
  institutionId: Id,
  institutionCode: InstitutionCode,
  name: z.string().check(z.minLength(1)),
  prefectureCode: PrefectureCode,
  postcode: Postcode,
  address: z.string().check(z.minLength(1)),
  phone: PhoneNumber,
  contactName: z.string(),
  email: EmailAddress,
  /** 購入上限数 in sets of 1,000 pieces. */
  limitSets: z.number().check(z.int(), z.gte(1)),
});
export type TargetItem = z.infer<typeof TargetItem>;

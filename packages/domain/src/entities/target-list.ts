import { z } from "zod";
import { PrefectureCode } from "../prefectures";
import { EmailAddress, Id, InstitutionCode, PhoneNumber, Postcode, Timestamp } from "./common";

/** ④対象医療機関リスト, handed to the vendor in numbered batches. */
export const TargetBatch = z.object({
  id: Id,
  number: z.number().int().min(1),
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
  name: z.string().min(1),
  prefectureCode: PrefectureCode,
  postcode: Postcode,
  address: z.string().min(1),
  phone: PhoneNumber,
  contactName: z.string(),
  email: EmailAddress,
  /** 購入上限数 in sets of 1,000 pieces. */
  limitSets: z.number().int().min(1),
});
export type TargetItem = z.infer<typeof TargetItem>;

import { z } from "#zod";
import { InstitutionType } from "../institution-type";
import { PrefectureCode } from "../prefecture-code";
import { EmailAddress, Id, InstitutionCode, PhoneNumber, Postcode, Timestamp } from "./common";

export const Institution = z.object({
  id: Id,
  code: InstitutionCode,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  type: InstitutionType,
  prefectureCode: PrefectureCode,
  postcode: Postcode,
  address: z.string().check(z.minLength(1), z.maxLength(300)),
  phone: PhoneNumber,
  contactName: z.string(),
  email: EmailAddress,
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Institution = z.infer<typeof Institution>;

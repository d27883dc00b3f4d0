import { z } from "#zod";
import { PaymentMethod } from "../payment-method";
import { EmailAddress, Id, InstitutionCode, PhoneNumber, Postcode, Timestamp } from "./common";

export const REGISTRATION_SOURCES = ["web", "import"] as const;
/** "import": an existing vendor customer loaded from the vendor's records. */
export const RegistrationSource = z.enum(REGISTRATION_SOURCES);
export type RegistrationSource = z.infer<typeof RegistrationSource>;

/** ①' the facility's registration on the vendor's purchase site, keyed by institution code. */
export const VendorRegistration = z.object({
  id: Id,
  institutionCode: InstitutionCode,
  facilityName: z.string().check(z.minLength(1)),
  postcode: Postcode,
  address: z.string().check(z.minLength(1)),
  phone: PhoneNumber,
  email: EmailAddress,
  paymentMethod: PaymentMethod,
  source: RegistrationSource,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type VendorRegistration = z.infer<typeof VendorRegistration>;

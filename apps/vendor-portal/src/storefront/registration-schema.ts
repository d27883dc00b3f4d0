import { PaymentMethod, RegistrationDetailsFields } from "@sos/domain";
import { z } from "zod/mini";

/**
 * The storefront registration as the browser checks it: the API's own
 * RegistrationInput fields (full-width digits, hyphen look-alikes, 〒 and +81 are
 * fine), so a value accepted here is accepted there.
 */
export const RegistrationFormSchema = z.object({
  ...RegistrationDetailsFields,
  // A radio group's value is any string until one is chosen.
  paymentMethod: z.pipe(z.string(), PaymentMethod),
});

/** What the form hands over: normalised (digits only, half-width). */
export type RegistrationValues = z.output<typeof RegistrationFormSchema>;

export const REGISTRATION_FIELDS = [
  "facilityName",
  "institutionCode",
  "postcode",
  "address",
  "phone",
  "email",
  "paymentMethod",
] as const satisfies ReadonlyArray<keyof RegistrationValues>;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

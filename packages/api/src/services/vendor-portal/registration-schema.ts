import {
  emailField,
  institutionCodeField,
  PaymentMethod,
  phoneField,
  postcodeField,
  requiredText,
} from "@sos/domain";
import { normalizeDigitsText } from "@sos/rules";
import { z } from "zod";

export const FACILITY_NAME_MAX = 200;
export const ADDRESS_MAX = 300;

/**
 * The facility's details as typed on the storefront or found in the vendor's
 * CSV: the same normalisation as the rest of the product (full-width digits,
 * hyphen look-alikes, 〒, +81 …), with the fields' Japanese messages.
 */
export const RegistrationDetailsFields = {
  facilityName: requiredText("施設名", FACILITY_NAME_MAX),
  // Addresses keep their kanji and kana; digits and dashes become half-width.
  address: requiredText("住所", ADDRESS_MAX).transform(normalizeDigitsText),
  postcode: postcodeField,
  institutionCode: institutionCodeField,
  phone: phoneField,
  email: emailField,
};

export const RegistrationInput = z.object({
  ...RegistrationDetailsFields,
  paymentMethod: PaymentMethod,
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

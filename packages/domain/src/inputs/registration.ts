import { normalizeDigitsText } from "@sos/rules";
import { z } from "#zod";
import { ADDRESS_MAX_LENGTH, FACILITY_NAME_MAX_LENGTH } from "../api-limits";
import { emailField } from "../fields/email";
import { institutionCodeField } from "../fields/institution-code";
import { phoneField } from "../fields/phone";
import { postcodeField } from "../fields/postcode";
import { requiredText } from "../fields/text";
import { PaymentMethod } from "../payment-method";

/**
 * The facility's details as typed on the storefront or found in the vendor's
 * CSV: the same normalisation as the rest of the product (full-width digits,
 * hyphen look-alikes, 〒, +81 …), with the fields' Japanese messages. The
 * browser's form and the API read the same fields, so a value accepted on one
 * side is accepted on the other.
 */
export const RegistrationDetailsFields = {
  facilityName: requiredText("施設名", FACILITY_NAME_MAX_LENGTH),
  // Addresses keep their kanji and kana; digits and dashes become half-width.
  address: z.pipe(requiredText("住所", ADDRESS_MAX_LENGTH), z.transform(normalizeDigitsText)),
  postcode: postcodeField,
  institutionCode: institutionCodeField,
  phone: phoneField,
  email: emailField,
};

export const RegistrationInput = z.object({
  ...RegistrationDetailsFields,
  paymentMethod: PaymentMethod,
});
export type RegistrationInput = z.output<typeof RegistrationInput>;

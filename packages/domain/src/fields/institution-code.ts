import { normalizeInstitutionCode } from "@sos/rules";
import { normalizedField, type RefusalOf } from "./normalized";

export const INSTITUTION_CODE_MESSAGES = {
  required: "医療機関コードを入力してください",
  invalid_length: "医療機関コードは10桁の数字で入力してください",
  not_digits: "医療機関コードは10桁の数字で入力してください",
} as const satisfies Record<RefusalOf<typeof normalizeInstitutionCode> | "required", string>;

/** The 10-digit G-MIS code (not the insurance-billing code); full-width digits and hyphens OK. */
export const institutionCodeField = normalizedField(
  normalizeInstitutionCode,
  INSTITUTION_CODE_MESSAGES,
);

import { normalizePostcode } from "@sos/rules";
import { normalizedField, type RefusalOf } from "./normalized";

export const POSTCODE_MESSAGES = {
  required: "郵便番号を入力してください",
  not_digits: "郵便番号は7桁の数字で入力してください（例：100-8916）",
  invalid_length: "郵便番号は7桁の数字で入力してください（例：100-8916）",
} as const satisfies Record<RefusalOf<typeof normalizePostcode> | "required", string>;

/** Gives the 7 digits; "〒１００－８９１６" and "100-8916" both give "1008916". */
export const postcodeField = normalizedField(normalizePostcode, POSTCODE_MESSAGES);

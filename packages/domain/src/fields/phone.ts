import { normalizePhone } from "@sos/rules";
import { normalizedField, type RefusalOf } from "./normalized";

export const PHONE_MESSAGES = {
  required: "電話番号を入力してください",
  not_digits: "電話番号は数字とハイフンで入力してください（例：03-5253-1111）",
  invalid_prefix: "電話番号は0から始まる国内の番号で入力してください（例：03-5253-1111）",
  invalid_length:
    "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
} as const satisfies Record<RefusalOf<typeof normalizePhone> | "required", string>;

/** Gives digits only in national form ("0352531111"); hyphens, brackets and +81 are fine. */
export const phoneField = normalizedField(normalizePhone, PHONE_MESSAGES);

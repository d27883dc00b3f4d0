import { normalizeEmail } from "@sos/rules";
import { normalizedField, type RefusalOf } from "./normalized";

export const EMAIL_MESSAGES = {
  required: "メールアドレスを入力してください",
  invalid: "メールアドレスの形式が正しくありません（例：taro@example.jp）",
} as const satisfies Record<RefusalOf<typeof normalizeEmail> | "required", string>;

/** Half-width, trimmed, domain lower-cased; the local part keeps its case. */
export const emailField = normalizedField(normalizeEmail, EMAIL_MESSAGES);

import { inputString } from "./characters";

/**
 * Free text a person types (names, notes): surrounding whitespace, full-width spaces
 * included, is dropped; inner spaces such as 山田　太郎 are kept as typed.
 */
export function requiredText(label: string, maxLength: number) {
  return inputString({ error: `${label}を入力してください` })
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(maxLength, {
      error: `${label}は${maxLength.toLocaleString("ja-JP")}文字以内で入力してください`,
    });
}

export function optionalText(label: string, maxLength: number) {
  return inputString()
    .trim()
    .max(maxLength, {
      error: `${label}は${maxLength.toLocaleString("ja-JP")}文字以内で入力してください`,
    })
    .optional()
    .transform((value) => value ?? "");
}

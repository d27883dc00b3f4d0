import { z } from "#zod";
import { inputString } from "./characters";

function tooLong(label: string, maxLength: number) {
  return z.maxLength(maxLength, {
    error: `${label}は${maxLength.toLocaleString("ja-JP")}文字以内で入力してください`,
  });
}

/**
 * Free text a person types (names, notes): surrounding whitespace, full-width spaces
 * included, is dropped; inner spaces such as 山田　太郎 are kept as typed.
 */
export function requiredText(label: string, maxLength: number) {
  return inputString({ error: `${label}を入力してください` }).check(
    z.trim(),
    z.minLength(1, { error: `${label}を入力してください` }),
    tooLong(label, maxLength),
  );
}

export function optionalText(label: string, maxLength: number) {
  return z.pipe(
    z.optional(inputString().check(z.trim(), tooLong(label, maxLength))),
    z.transform((value: string | undefined) => value ?? ""),
  );
}

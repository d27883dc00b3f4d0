import { MAX_QUANTITY, parseQuantity } from "@sos/rules";
import { z } from "#zod";
import { inputString } from "./characters";
import type { RefusalOf } from "./normalized";

type QuantityMessages = Readonly<Record<RefusalOf<typeof parseQuantity>, string>>;

export const QUANTITY_MESSAGES = {
  required: "枚数を入力してください",
  not_a_number: "数字で入力してください（例：1,000）",
  not_integer: "0以上の整数で入力してください",
  negative: "0以上の整数で入力してください",
  too_large: `数値が大きすぎます（上限 ${MAX_QUANTITY.toLocaleString("ja-JP")} 枚）`,
} as const satisfies QuantityMessages;

function quantitySchema(messages: QuantityMessages) {
  return z.pipe(
    z.union([inputString(), z.number()], {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? messages.required
          : messages.not_a_number,
    }),
    z.transform((input: string | number, ctx) => {
      const result = parseQuantity(input);
      if (result.ok) return result.value;
      ctx.issues.push({ code: "custom", message: messages[result.error], input });
      return z.NEVER;
    }),
  );
}

/**
 * A number of pieces (枚) as typed: "1,000", "１，０００" and 1000 all give 1000.
 * Input stays string | number so form state can hold exactly what the user typed.
 */
export const quantityField = quantitySchema(QUANTITY_MESSAGES);

/** The same, saying which figure is missing (e.g. 「在庫量を入力してください」). */
export function quantityFieldNamed(label: string) {
  return quantitySchema({ ...QUANTITY_MESSAGES, required: `${label}を入力してください` });
}

import type { Result } from "@sos/rules";
import { toHalfWidth } from "@sos/rules";
import { z } from "#zod";
import { inputString } from "./characters";

/** The refusal codes a @sos/rules normaliser can return. */
export type RefusalOf<F> = F extends (input: never) => Result<unknown, infer E> ? E : never;

/**
 * A string field whose value is the rules' normal form (half-width, no separators),
 * refusing with the Japanese message mapped from the rule's refusal code. The map is
 * typed by the normaliser, so a new refusal code in @sos/rules fails compilation here.
 */
export function normalizedField<E extends string>(
  normalize: (input: string) => Result<string, E>,
  messages: Readonly<Record<E | "required", string>>,
) {
  return z.pipe(
    inputString({ error: messages.required }),
    z.transform((input: string, ctx) => {
      const result = normalize(input);
      if (result.ok) return result.value;
      ctx.issues.push({ code: "custom", message: messages[result.error], input });
      return z.NEVER;
    }),
  );
}

/** Blank (empty, spaces, full-width spaces), null or missing all mean "not given". */
export function isBlank(value: string | null | undefined): boolean {
  return value == null || toHalfWidth(value).trim() === "";
}

/** Makes a field optional the way forms send it: a blank input becomes null. */
export function optionalField<Output>(field: z.core.$ZodType<Output, string>) {
  return z.pipe(
    z.pipe(
      z.nullish(inputString()),
      z.transform((value: string | null | undefined) =>
        isBlank(value) ? null : (value as string),
      ),
    ),
    z.nullable(field),
  );
}

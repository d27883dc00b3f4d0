import { fieldErrorsOf } from "./errors";

/**
 * The server's per-field messages for a form's own fields (the first message each),
 * so they show at the field; messages for other keys are left to the general alert.
 */
export function formFieldErrors<K extends string>(
  error: unknown,
  fields: readonly K[],
): Partial<Record<K, string>> {
  const given = fieldErrorsOf(error);
  const errors: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const message = given[field]?.[0];
    if (message) errors[field] = message;
  }
  return errors;
}

import { domainErrorCode, errorMessageJa, fieldErrorsOf } from "@sos/web";

/** A refused decision, sorted by where the form shows it. */
export interface DecisionFailure {
  /** Someone saved the request after this screen read it (version check). */
  conflict: boolean;
  /** The request is no longer in a state to decide (decided elsewhere, withdrawn). */
  stale: boolean;
  /** Messages per field, under the form's own names. */
  fieldErrors: Record<string, string>;
  /** What to say when no field took the message. */
  message: string;
}

/**
 * Reads a refusal of a review procedure. `fields` maps the API's field paths (e.g.
 * "quantitySets", or "items.0.adjustReason" for review.approve) to the form's names.
 */
export function decisionFailureOf(
  error: unknown,
  fields: Readonly<Record<string, string>>,
): DecisionFailure {
  const code = domainErrorCode(error);
  const given = fieldErrorsOf(error);
  const fieldErrors: Record<string, string> = {};
  for (const [path, field] of Object.entries(fields)) {
    const message = given[path]?.[0];
    if (message !== undefined) fieldErrors[field] = message;
  }
  return {
    conflict: code === "STALE_VERSION",
    stale: code === "INVALID_STATE" || code === "NOT_FOUND",
    fieldErrors,
    message: errorMessageJa(error),
  };
}

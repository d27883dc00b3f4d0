import { errorMessageJa, formFieldErrors } from "@sos/web";
import type { SosRequestFieldErrors } from "./sos-request-form";

const FORM_FIELDS = ["contactName", "contactPhone", "notes", "conditionsConfirmed"] as const;

/** A refused save, split for SosRequestForm: messages at the fields, or one for the form. */
export function requestFormErrors(error: unknown): {
  fieldErrors: SosRequestFieldErrors;
  serverError: string | null;
} {
  const fieldErrors = formFieldErrors(error, FORM_FIELDS);
  return {
    fieldErrors,
    serverError: Object.keys(fieldErrors).length > 0 ? null : errorMessageJa(error),
  };
}

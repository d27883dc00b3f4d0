import { useEffect, useLayoutEffect, useState } from "react";
import type { FieldValues, Path, UseFormReset, UseFormSetError } from "react-hook-form";

/**
 * What was just saved becomes the form's new baseline, written as the app shows it.
 * The reset waits for the submit to finish (as react-hook-form advises), in a layout
 * effect so the success message never appears beside the old text. keepDirtyValues
 * is the forms' setting for refetched values; here the saved text must win.
 */
export function useSavedBaseline<T extends FieldValues>(reset: UseFormReset<T>) {
  const [saved, setSaved] = useState<T | null>(null);
  useLayoutEffect(() => {
    if (saved !== null) reset(saved, { keepDirtyValues: false, keepFieldsRef: true });
  }, [saved, reset]);
  return [saved, setSaved] as const;
}

/** The server's messages per field, shown at the field (compared by value, not identity). */
export function useServerFieldErrors<T extends FieldValues, K extends Path<T>>(
  fields: readonly K[],
  fieldErrors: Partial<Record<K, string>> | null | undefined,
  setError: UseFormSetError<T>,
) {
  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as Partial<Record<K, string>>;
    for (const field of fields) {
      const message = given[field];
      if (message) setError(field, { type: "server", message });
    }
  }, [fields, fieldErrorsKey, setError]);
}

import { useEffect } from "react";

/**
 * Puts the server's reasons on the input step's fields (e.g. a size sold out
 * meanwhile, a code already registered): only `fields` when given, else every key.
 */
export function useServerFieldErrors<Field extends string>(
  fieldErrors: Partial<Record<Field, string>> | null | undefined,
  setError: (field: Field, error: { type: "server"; message: string }) => void,
  fields?: readonly Field[],
): void {
  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  const fieldsKey = fields === undefined ? null : fields.join(",");
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as Partial<Record<Field, string>>;
    const keys =
      fieldsKey === null ? (Object.keys(given) as Field[]) : (fieldsKey.split(",") as Field[]);
    for (const field of keys) {
      const message = given[field];
      if (message) setError(field, { type: "server", message });
    }
  }, [fieldErrorsKey, fieldsKey, setError]);
}

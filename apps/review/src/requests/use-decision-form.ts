import type { FieldErrorItem } from "@sos/ui";
import { useEffect } from "react";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from "react-hook-form";

export interface DecisionFormOptions<Draft extends FieldValues, Values> {
  resolver: Resolver<Draft, unknown, Values>;
  /** What the boxes start with; a new value (or a new version) replaces what was typed. */
  initial: Draft;
  /** The request's version: a reload resets the form even when the values look alike. */
  version: number | undefined;
  /** The form's fields in screen order, with their input ids, for the error summary. */
  fieldIds: Readonly<Partial<Record<Path<Draft>, string>>>;
  /** The server's messages, keyed as the API names the fields. */
  serverErrors: Readonly<Record<string, string | undefined>> | null | undefined;
  /** The API's field names → the form's. */
  serverFields: Readonly<Record<string, Path<Draft>>>;
}

export interface DecisionForm<Draft extends FieldValues, Values>
  extends UseFormReturn<Draft, unknown, Values> {
  /** The summary above the form, once the officer has tried to submit. */
  summary: FieldErrorItem[];
  /** The server refused a field: the form, not a dialog, shows it. */
  hasServerFieldErrors: boolean;
}

function summaryOf<Draft extends FieldValues>(
  errors: FieldErrors<Draft>,
  fieldIds: Readonly<Partial<Record<Path<Draft>, string>>>,
): FieldErrorItem[] {
  const items: FieldErrorItem[] = [];
  for (const [field, fieldId] of Object.entries(fieldIds) as [Path<Draft>, string][]) {
    const message = errors[field]?.message;
    if (typeof message === "string" && message !== "") items.push({ fieldId, message });
  }
  return items;
}

/**
 * What the prefecture's and the ministry's decision forms share: a react-hook-form
 * form that resets to the stored values on a reload, takes the server's field
 * messages as its own, and sums its errors up once a submit was tried.
 */
export function useDecisionForm<Draft extends FieldValues, Values>({
  resolver,
  initial,
  version,
  fieldIds,
  serverErrors,
  serverFields,
}: DecisionFormOptions<Draft, Values>): DecisionForm<Draft, Values> {
  const form = useForm<Draft, unknown, Values>({
    resolver,
    defaultValues: initial as DefaultValues<Draft>,
    shouldFocusError: false,
  });
  const { reset, setError } = form;

  // A reload (new version or new saved values) replaces the form with what is stored.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, with the values
  useEffect(() => {
    reset(initial);
  }, [initial, version, reset]);

  const serverErrorsKey = JSON.stringify(serverErrors ?? {});
  const serverFieldsKey = JSON.stringify(serverFields);
  useEffect(() => {
    const given = JSON.parse(serverErrorsKey) as Record<string, string | undefined>;
    const fields = JSON.parse(serverFieldsKey) as Record<string, Path<Draft>>;
    for (const [key, field] of Object.entries(fields)) {
      const message = given[key];
      if (message) setError(field, { type: "server", message });
    }
  }, [serverErrorsKey, serverFieldsKey, setError]);

  const { errors, submitCount } = form.formState;
  return {
    ...form,
    summary: submitCount > 0 ? summaryOf(errors, fieldIds) : [],
    hasServerFieldErrors: Object.values(serverErrors ?? {}).some(Boolean),
  };
}

import { useState } from "react";
import type { ReviewDetail } from "../api-types";
import { decisionFailureOf } from "./decision-errors";
import type { DecisionFlash } from "./flash";

/** What the request page gives the prefecture's and the ministry's part alike. */
export interface DecisionPartProps {
  request: ReviewDetail;
  /** The request as the server has it after a save. */
  onUpdated: (request: ReviewDetail) => void;
  /** Reads the request again (after a conflict). */
  onReload: () => Promise<unknown>;
  onDecided: (flash: DecisionFlash) => Promise<void>;
}

/**
 * The conflict and field errors a refused decision leaves on the form. `fields` maps
 * the procedure's field paths to the form's names (see decisionFailureOf).
 */
export function useDecisionRefusal<FieldErrors extends Partial<Record<string, string>>>(
  fields: Readonly<Record<string, string>>,
  onReload: () => Promise<unknown>,
) {
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | null>(null);

  const reset = () => {
    setConflict(false);
    setFieldErrors(null);
  };

  /** Shows the refusal; `general` is whether its message is for no field and no conflict. */
  const refuse = (error: unknown) => {
    const failure = decisionFailureOf(error, fields);
    setConflict(failure.conflict);
    setFieldErrors(failure.fieldErrors as FieldErrors);
    const onField = Object.keys(failure.fieldErrors).length > 0;
    // Decided elsewhere or withdrawn: show the request as it is now.
    if (failure.stale) void onReload();
    return { message: failure.message, general: !onField && !failure.conflict };
  };

  return { conflict, fieldErrors, reset, refuse };
}

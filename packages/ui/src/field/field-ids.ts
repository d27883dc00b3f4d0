import { useId } from "react";

/** The control's id: the caller's, or a generated one. */
export function useControlId(id: string | undefined, prefix = "sos-field"): string {
  const generated = useId();
  return id ?? `${prefix}-${generated}`;
}

export interface FieldIds {
  hintId: string;
  errorId: string;
  /** undefined rather than "" so React omits the attribute. */
  describedBy: string | undefined;
}

/**
 * Ids that tie a control to its hint and error (and any extra description such as
 * a unit or a counter), so each is read out with the control. The caller's own
 * aria-describedby comes first.
 */
export function fieldIds(
  controlId: string,
  {
    hasHint,
    hasError,
    extra = [],
    describedBy,
  }: {
    hasHint: boolean;
    hasError: boolean;
    extra?: ReadonlyArray<string | undefined>;
    describedBy?: string | undefined;
  },
): FieldIds {
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  return {
    hintId,
    errorId,
    describedBy: joinIds([
      describedBy,
      hasHint ? hintId : undefined,
      ...extra,
      hasError ? errorId : undefined,
    ]),
  };
}

export function joinIds(ids: ReadonlyArray<string | undefined>): string | undefined {
  const joined = ids.filter((value) => value !== undefined && value !== "").join(" ");
  return joined === "" ? undefined : joined;
}

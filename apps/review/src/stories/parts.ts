import type { PrefectureInputShown } from "../requests/prefecture-input-facts";

/**
 * Builders for the component stories: the API's shapes with what a story does not
 * care about filled in, so each story shows only the fields it is about.
 */

/** A person as the API names them; the id only has to be stable. */
export function person(displayName: string, n = 1): { id: string; displayName: string } {
  return { id: `8d2f6a10-4b3c-4e5d-9a01-${String(n).padStart(12, "0")}`, displayName };
}

/** The prefecture's input as review.get gives it: nothing entered unless said. */
export function savedInput(input: Partial<PrefectureInputShown>): PrefectureInputShown {
  return {
    supplyNeeded: null,
    quantitySets: null,
    overrideReason: null,
    notes: "",
    completedAt: null,
    completedBy: null,
    ...input,
  };
}

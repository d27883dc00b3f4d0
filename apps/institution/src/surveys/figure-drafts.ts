import { SurveyAnswerInput } from "@sos/domain";
import type { SurveyFigures } from "@sos/rules";
import { FIGURE_KEYS, type FigureKey } from "@sos/ui";

/** The survey form's and the self-check's boxes: what they hold and how they are read. */

/** What the boxes hold: the text exactly as typed ("２，０００" included). */
export type FigureDrafts = Record<FigureKey, string>;

/** Initial figures as a caller may have them: numbers from the API, or typed text. */
export type FigureValues = Partial<Record<FigureKey, number | string | null>>;

/** Stored numbers are shown with thousands separators, as people write them. */
export function toDraft(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? value.toLocaleString("ja-JP") : value;
}

export function toDrafts(values: FigureValues | null | undefined): FigureDrafts {
  return {
    stock: toDraft(values?.stock),
    consumption: toDraft(values?.consumption),
    purchases: toDraft(values?.purchases),
  };
}

export interface ReadFigures {
  /** All three figures when every box holds a valid quantity; null otherwise. */
  figures: SurveyFigures | null;
  /**
   * The domain's Japanese message for each box holding something invalid. An empty
   * box is not an error here: the sheet simply waits for it.
   */
  errors: Partial<Record<FigureKey, string>>;
}

/** Reads the boxes with the survey's own field schemas, so both screens accept the same input. */
export function readFigures(drafts: FigureDrafts): ReadFigures {
  const errors: Partial<Record<FigureKey, string>> = {};
  const values: Partial<SurveyFigures> = {};
  for (const key of FIGURE_KEYS) {
    const draft = drafts[key];
    // trim() also drops the full-width space (U+3000) an IME may leave behind.
    if (draft.trim() === "") continue;
    const parsed = SurveyAnswerInput.shape[key].safeParse(draft);
    if (parsed.success) values[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "";
  }
  const { stock, consumption, purchases } = values;
  const complete = stock !== undefined && consumption !== undefined && purchases !== undefined;
  return { figures: complete ? { stock, consumption, purchases } : null, errors };
}

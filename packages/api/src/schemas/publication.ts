import { z } from "zod";
import { WeekStart } from "./review";

/** The publication router's shapes: a week's publishable list (consent term ②). */

export const PublicationExportInput = z.object({ weekStart: WeekStart });

export const PublicationOutput = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** The file's text, starting with the BOM (U+FEFF); save it as UTF-8. */
  csv: z.string(),
  rowCount: z.number().int().min(0),
  totalSets: z.number().int().min(0),
});

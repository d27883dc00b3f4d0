import { z } from "#zod";
import { safeCharacters } from "./characters";

/**
 * A calendar date in Asia/Tokyo (Postgres date), as "YYYY-MM-DD". A malformed one
 * stops here (abort), so a refinement added to IsoDate only ever sees a real date.
 */
export const IsoDate = z.iso.date({ abort: true }).check(safeCharacters);

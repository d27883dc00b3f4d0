import { z } from "#zod";
import { safeCharacters } from "./characters";

/** Postgres uuid: any 8-4-4-4-12 hex string (z.uuid() would also demand an RFC version). */
export const Id = z.guid().check(safeCharacters);
export type Id = z.infer<typeof Id>;

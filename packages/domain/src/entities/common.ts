import { z } from "#zod";
import { safeCharacters } from "../fields/characters";

/** Postgres uuid: any 8-4-4-4-12 hex string (z.uuid() would also demand an RFC version). */
export const Id = z.guid().check(safeCharacters);
export type Id = z.infer<typeof Id>;

/**
 * Ids of append-only logs (bigint identity). node-postgres returns int8 as a string,
 * which is also the only lossless form past 2^53.
 */
export const SerialId = z.string().check(z.regex(/^[0-9]+$/));

/** timestamptz as Kysely returns it. */
export const Timestamp = z.date();

/**
 * A calendar date in Asia/Tokyo (Postgres date), as "YYYY-MM-DD". A malformed one
 * stops here (abort), so a refinement added to IsoDate only ever sees a real date.
 */
export const IsoDate = z.iso.date({ abort: true }).check(safeCharacters);

/** Stored normal forms (see the field schemas for what users may type). */
export const InstitutionCode = z.string().check(z.regex(/^[0-9]{10}$/));
export const Postcode = z.string().check(z.regex(/^[0-9]{7}$/));
export const PhoneNumber = z.string().check(z.regex(/^0[0-9]{9,10}$/));
export const EmailAddress = z.string().check(z.minLength(3), z.maxLength(254), z.includes("@"));

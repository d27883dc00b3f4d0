import type { Insertable, Updateable } from "kysely";
import type { Db } from "../connect";
import type { VendorRegistrationsTable } from "../schema";

/**
 * ①' the vendor's registrations (vendor_registrations): a facility's delivery
 * details and payment method under its institution code, from the storefront
 * (source web) or the vendor's own customer file (source import).
 */

export type NewRegistration = Insertable<VendorRegistrationsTable>;
export type RegistrationChanges = Updateable<VendorRegistrationsTable>;

/** The registrations under these codes, locked until the transaction ends. */
export async function lockRegistrationsByCode(trx: Db, codes: readonly string[]) {
  return trx
    .selectFrom("vendorRegistrations")
    .select([
      "id",
      "institutionCode",
      "source",
      "facilityName",
      "postcode",
      "address",
      "phone",
      "email",
      "paymentMethod",
    ])
    .where("institutionCode", "in", codes)
    .forUpdate()
    .execute();
}

export async function updateRegistration(
  trx: Db,
  id: string,
  changes: RegistrationChanges,
): Promise<void> {
  await trx.updateTable("vendorRegistrations").set(changes).where("id", "=", id).execute();
}

/**
 * Inserts the rows whose code has no registration yet, in one statement; a code
 * registered meanwhile is skipped. Returns the codes actually inserted.
 */
export async function insertNewRegistrations(
  trx: Db,
  rows: readonly NewRegistration[],
): Promise<string[]> {
  const inserted = await trx
    .insertInto("vendorRegistrations")
    .values(rows)
    .onConflict((oc) => oc.column("institutionCode").doNothing())
    .returning("institutionCode")
    .execute();
  return inserted.map((row) => row.institutionCode);
}

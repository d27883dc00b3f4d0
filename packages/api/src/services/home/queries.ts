import type { Db } from "@sos/db";
import type { SosRequestRow } from "../sos/queries";

/**
 * The requests the home page may point at: those of the survey week, plus
 * drafts saved in an earlier week (not filed yet, so still to be acted on;
 * applying moves them to the week they are filed in). Most recently touched first.
 */
export async function listHomeRequests(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SosRequestRow[]> {
  return db
    .selectFrom("sosRequests")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where((eb) => eb.or([eb("weekStart", "=", weekStart), eb("status", "=", "draft")]))
    .orderBy("updatedAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * Who owns an object a caller named by id: the lookup behind the audit of a refusal
 * out of scope (packages/api access-denied.ts). It reads across aggregates on purpose.
 */

/** Whose objects a caller reaches: one institution's, or one prefecture's (the ministry: all). */
export type ObjectScope = { institutionId: string } | { prefectureCode: number };

/** The named objects that exist but belong to another institution or prefecture. */
export async function foreignObjects(
  db: Db,
  scope: ObjectScope,
  ids: string[],
): Promise<Array<{ type: string; id: string }>> {
  if ("institutionId" in scope) {
    return db
      .selectFrom("sosRequests")
      .select([sql<string>`'sos_request'`.as("type"), "id"])
      .where("id", "in", ids)
      .where("institutionId", "<>", scope.institutionId)
      .unionAll(
        db
          .selectFrom("weeklySurveys")
          .select([sql<string>`'weekly_survey'`.as("type"), "id"])
          .where("id", "in", ids)
          .where("institutionId", "<>", scope.institutionId),
      )
      .unionAll(
        db
          .selectFrom("delegations")
          .select([sql<string>`'delegation'`.as("type"), "id"])
          .where("id", "in", ids)
          .where("institutionId", "<>", scope.institutionId),
      )
      .unionAll(
        db
          .selectFrom("orders")
          .select([sql<string>`'order'`.as("type"), "id"])
          .where("id", "in", ids)
          .where("institutionId", "<>", scope.institutionId),
      )
      .execute();
  }
  return db
    .selectFrom("sosRequests")
    .select([sql<string>`'sos_request'`.as("type"), "id"])
    .where("id", "in", ids)
    .where("prefectureCode", "<>", scope.prefectureCode)
    .execute();
}

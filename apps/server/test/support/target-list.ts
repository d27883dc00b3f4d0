import type { Db } from "@sos/db";

export interface ListedOptions {
  /** The institution user who filed the request. */
  filedBy: { id: string; institutionId: string | null };
  /** The ministry user who issued the list. */
  issuedBy: string;
  number: number;
  /** The Wednesday of the request's survey week. */
  weekStart: string;
  issuedAt: Date;
  limitSets: number;
}

/**
 * An accepted request of the institution on a new numbered list, written straight
 * to the tables as targetList.issue leaves them (the institution's details copied
 * onto the item), for tests about what happens after the hand-over.
 */
export async function listAccepted(
  db: Db,
  { filedBy, issuedBy, number, weekStart, issuedAt, limitSets }: ListedOptions,
): Promise<{ batchId: string; itemId: string }> {
  const institutionId = filedBy.institutionId ?? "";
  const survey = await db
    .insertInto("weeklySurveys")
    .values({
      institutionId,
      weekStart,
      stock: 2000,
      consumption: 1000,
      purchases: 400,
      answeredAt: new Date("2026-11-30T00:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const request = await db
    .insertInto("sosRequests")
    .values({
      institutionId,
      prefectureCode: 13,
      weekStart,
      status: "accepted",
      conditionsConfirmed: true,
      contactName: "山田　花子",
      surveyId: survey.id,
      appliedAt: new Date("2026-12-01T01:00:00Z"),
      createdBy: filedBy.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const batch = await db
    .insertInto("targetBatches")
    .values({ number, issuedAt, issuedBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await db
    .selectFrom("institutions")
    .selectAll()
    .where("id", "=", institutionId)
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto("targetItems")
    .values({
      batchId: batch.id,
      requestId: request.id,
      institutionId,
      institutionCode: row.code,
      name: row.name,
      prefectureCode: 13,
      postcode: row.postcode,
      address: row.address,
      phone: row.phone,
      contactName: "山田　花子",
      email: row.email,
      limitSets,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { batchId: batch.id, itemId: item.id };
}

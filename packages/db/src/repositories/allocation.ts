import { type Insertable, sql } from "kysely";
import type { Db } from "../connect";
import type { AllocationLinesTable, AllocationRunsTable, GloveSizeColumn } from "../schema";

/**
 * Issue 17's allocation: the week's supply per size (allocation_supplies), the
 * lottery seed (allocation_seeds), committed runs (allocation_runs) and the
 * sets they reserve (allocation_lines, product_sizes.reserved_sets).
 */

export async function supplyOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("allocationSupplies")
    .select(["size", "sets", "statedBy", "statedAt"])
    .where("weekStart", "=", weekStart)
    .execute();
}

export async function stateSupply(
  trx: Db,
  row: { weekStart: string; size: GloveSizeColumn; sets: number; statedBy: string; statedAt: Date },
): Promise<void> {
  await trx
    .insertInto("allocationSupplies")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["weekStart", "size"]).doUpdateSet({
        sets: row.sets,
        statedBy: row.statedBy,
        statedAt: row.statedAt,
      }),
    )
    .execute();
}

export async function seedOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("allocationSeeds")
    .select(["seed", "seedSha256", "committedAt", "revealedAt"])
    .where("weekStart", "=", weekStart)
    .executeTakeFirst();
}

/** Inserts the week's seed unless one exists; true when this call wrote it. */
export async function insertSeed(
  trx: Db,
  row: {
    weekStart: string;
    seed: string;
    seedSha256: string;
    committedBy: string;
    committedAt: Date;
  },
): Promise<boolean> {
  const written = await trx
    .insertInto("allocationSeeds")
    .values(row)
    .onConflict((oc) => oc.column("weekStart").doNothing())
    .executeTakeFirst();
  return Number(written.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Locks the week's seed row: commits of one week queue here. */
export async function lockSeed(trx: Db, weekStart: string): Promise<void> {
  await trx
    .selectFrom("allocationSeeds")
    .select("weekStart")
    .where("weekStart", "=", weekStart)
    .forUpdate()
    .execute();
}

export async function revealSeed(trx: Db, weekStart: string, at: Date): Promise<void> {
  await trx
    .updateTable("allocationSeeds")
    .set({ revealedAt: at })
    .where("weekStart", "=", weekStart)
    .where("revealedAt", "is", null)
    .execute();
}

/**
 * The week's accepted requests with what the rule needs: the approved
 * quantity (or the limit the check computed), the survey figures the check
 * saw (or the linked survey's), and whether the institution has a supply
 * agreement. In request id order.
 */
export async function approvedRequestsOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("sosRequests as r")
    .leftJoin("ministryApprovals as ma", "ma.requestId", "r.id")
    .leftJoin("weeklySurveys as s", "s.id", "r.surveyId")
    .leftJoin("supplyAgreements as sa", "sa.institutionId", "r.institutionId")
    .select([
      "r.id",
      "r.institutionId",
      "r.prefectureCode",
      sql<number>`coalesce(ma.quantity_sets, r.checked_limit_sets, 0)`.as("limitSets"),
      sql<number>`coalesce(r.checked_stock, s.stock, 0)`.as("stock"),
      sql<number>`coalesce(r.checked_consumption, s.consumption, 0)`.as("consumption"),
      sql<number>`coalesce(r.checked_purchases, s.purchases, 0)`.as("purchases"),
      sql<boolean>`sa.institution_id is not null`.as("supplyAgreement"),
    ])
    .where("r.weekStart", "=", weekStart)
    .where("r.status", "=", "accepted")
    .orderBy("r.id")
    .execute();
}

export async function sizesAskedBy(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom("sosRequestSizes")
    .select(["requestId", "size", "sets"])
    .where("requestId", "in", [...requestIds])
    .execute();
}

export async function insertRun(trx: Db, run: Insertable<AllocationRunsTable>): Promise<string> {
  const row = await trx
    .insertInto("allocationRuns")
    .values(run)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAllocationLines(
  trx: Db,
  lines: readonly Insertable<AllocationLinesTable>[],
): Promise<void> {
  // In chunks: one statement's parameters are limited to 65,535.
  for (let i = 0; i < lines.length; i += 5000) {
    await trx
      .insertInto("allocationLines")
      .values(lines.slice(i, i + 5000))
      .execute();
  }
}

/** Reserves `sets` of a size if that many are free (stock not yet reserved); false if not. */
export async function reserveSets(trx: Db, sizeId: string, sets: number): Promise<boolean> {
  const done = await sql`
    update product_sizes set reserved_sets = reserved_sets + ${sets}
    where id = ${sizeId} and stock_sets - reserved_sets >= ${sets}`.execute(trx);
  return Number(done.numAffectedRows ?? 0n) > 0;
}

export async function runOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("allocationRuns")
    .selectAll()
    .where("weekStart", "=", weekStart)
    .executeTakeFirst();
}

/** Every committed run, oldest first: what the replay test recomputes. */
export async function committedRuns(db: Db) {
  return db
    .selectFrom("allocationRuns")
    .select(["id", "weekStart", "rule", "inputJson", "resultJson", "resultSha256"])
    .orderBy("committedAt")
    .orderBy("id")
    .execute();
}

/** A target item's allocated sets per size (none: not allocated), locked when asked. */
export async function allocationOfTargetItem(db: Db, targetItemId: string, lock: boolean) {
  let query = db
    .selectFrom("allocationLines as l")
    .innerJoin("targetItems as t", "t.requestId", "l.requestId")
    .select([
      "l.runId",
      "l.requestId",
      "l.code",
      "l.productSizeId",
      "l.size",
      "l.sets",
      "l.takenSets",
    ])
    .where("t.id", "=", targetItemId)
    .orderBy("l.productSizeId");
  if (lock) query = query.forUpdate("l");
  return query.execute();
}

/** The sets allocated to a request, per size, with the week's run (the institution's view). */
export async function allocationOfRequest(db: Db, requestId: string) {
  return db
    .selectFrom("allocationLines as l")
    .innerJoin("allocationRuns as r", "r.id", "l.runId")
    .select(["l.runId", "r.weekStart", "l.code", "l.size", "l.sets", "l.takenSets"])
    .where("l.requestId", "=", requestId)
    .execute();
}

/**
 * Takes `sets` of a size from a request's reservation: the line's taken count
 * and the size's stock and reservation move together; false (nothing taken)
 * if the reservation does not hold that many.
 */
export async function takeReserved(
  trx: Db,
  line: { runId: string; requestId: string; productSizeId: string },
  sets: number,
): Promise<boolean> {
  const taken = await sql`
    update allocation_lines set taken_sets = taken_sets + ${sets}
    where run_id = ${line.runId} and request_id = ${line.requestId}
      and product_size_id = ${line.productSizeId} and taken_sets + ${sets} <= sets`.execute(trx);
  if (Number(taken.numAffectedRows ?? 0n) === 0) return false;
  const stock = await sql`
    update product_sizes set stock_sets = stock_sets - ${sets}, reserved_sets = reserved_sets - ${sets}
    where id = ${line.productSizeId} and reserved_sets >= ${sets}`.execute(trx);
  return Number(stock.numAffectedRows ?? 0n) > 0;
}

/** Committed runs, newest week first, without their (large) input and result. */
export async function listRuns(db: Db, limit: number) {
  return db
    .selectFrom("allocationRuns as r")
    .innerJoin("users as u", "u.id", "r.committedBy")
    .select([
      "r.id",
      "r.weekStart",
      "r.rule",
      "r.inputSha256",
      "r.resultSha256",
      "r.parametersReason",
      "r.committedAt",
      "u.id as committedById",
      "u.displayName as committedByName",
    ])
    .orderBy("r.weekStart", "desc")
    .limit(limit)
    .execute();
}

export async function runById(db: Db, runId: string) {
  return db.selectFrom("allocationRuns").selectAll().where("id", "=", runId).executeTakeFirst();
}

/**
 * The institution's requests of a week that has a committed run: of `weekStart`,
 * or (null) of the latest such week. Any status: a request may have moved on
 * since the run.
 */
export async function institutionRequestsOfRunWeek(
  db: Db,
  institutionId: string,
  weekStart: string | null,
) {
  let query = db
    .selectFrom("sosRequests as s")
    .innerJoin("allocationRuns as r", "r.weekStart", "s.weekStart")
    .select(["s.id", "s.weekStart", "r.id as runId"])
    .where("s.institutionId", "=", institutionId);
  if (weekStart !== null) query = query.where("s.weekStart", "=", weekStart);
  const rows = await query.orderBy("s.weekStart", "desc").orderBy("s.id").execute();
  const week = rows[0]?.weekStart;
  return rows.filter((row) => row.weekStart === week);
}

/** Every request of a week with its prefecture (a past run's fill rates per prefecture). */
export async function requestPrefecturesOfWeek(db: Db, weekStart: string) {
  return db
    .selectFrom("sosRequests")
    .select(["id", "prefectureCode"])
    .where("weekStart", "=", weekStart)
    .execute();
}

/** The sets still to buy under an allocation, per target item and size (items not allocated: none). */
export async function allocationsOfTargetItems(db: Db, targetItemIds: readonly string[]) {
  if (targetItemIds.length === 0) return [];
  return db
    .selectFrom("allocationLines as l")
    .innerJoin("targetItems as t", "t.requestId", "l.requestId")
    .innerJoin("productSizes as ps", "ps.id", "l.productSizeId")
    .select(["t.id as targetItemId", "l.size", sql<number>`l.sets - l.taken_sets`.as("sets")])
    .where("t.id", "in", [...targetItemIds])
    .orderBy("t.id")
    .orderBy("ps.sortOrder")
    .orderBy("l.size")
    .execute();
}

import type { Db, WeeklySurveysTable } from "@sos/db";
import type { Selectable } from "kysely";

export type SurveyRow = Selectable<WeeklySurveysTable>;
/** The row with who answered it and its latest receipt (受付番号), if any. */
export type SurveyRecord = SurveyRow & {
  answeredByName: string | null;
  receiptNumber: string | null;
  receiptAcceptedAt: Date | null;
};

/**
 * Makes sure the institution's record for the week exists (the weekly job may
 * not have reached it yet). Concurrent callers are safe: the unique
 * (institution_id, week_start) lets one insert win and the others skip.
 */
export async function ensureSurvey(
  db: Db,
  institutionId: string,
  weekStart: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("weeklySurveys")
    .values({ institutionId, weekStart, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.columns(["institutionId", "weekStart"]).doNothing())
    .execute();
}

function recordQuery(db: Db) {
  return db
    .selectFrom("weeklySurveys as s")
    .leftJoin("users as u", "u.id", "s.answeredBy")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("surveyReceipts as r")
          .select(["r.number", "r.acceptedAt"])
          .whereRef("r.institutionId", "=", "s.institutionId")
          .whereRef("r.weekStart", "=", "s.weekStart")
          .orderBy("r.id", "desc")
          .limit(1)
          .as("latest"),
      (join) => join.onTrue(),
    )
    .selectAll("s")
    .select([
      "u.displayName as answeredByName",
      "latest.number as receiptNumber",
      "latest.acceptedAt as receiptAcceptedAt",
    ]);
}

/** Another institution's id finds nothing, exactly like an unknown id. */
export async function findSurvey(
  db: Db,
  institutionId: string,
  id: string,
): Promise<SurveyRecord | undefined> {
  return recordQuery(db)
    .where("s.id", "=", id)
    .where("s.institutionId", "=", institutionId)
    .executeTakeFirst();
}

export async function findSurveyOfWeek(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRecord | undefined> {
  return recordQuery(db)
    .where("s.institutionId", "=", institutionId)
    .where("s.weekStart", "=", weekStart)
    .executeTakeFirst();
}

/** Row-locks the survey (answers and the SOS system check serialise on it). */
export async function lockSurvey(
  db: Db,
  institutionId: string,
  id: string,
): Promise<SurveyRow | undefined> {
  return db
    .selectFrom("weeklySurveys")
    .selectAll()
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockSurveyOfWeek(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRow | undefined> {
  return db
    .selectFrom("weeklySurveys")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where("weekStart", "=", weekStart)
    .forUpdate()
    .executeTakeFirst();
}

/** The latest answered survey of a week before `weekStart`: what "copy last answers" copies. */
export async function latestAnsweredBefore(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<SurveyRow | undefined> {
  return db
    .selectFrom("weeklySurveys")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .where("weekStart", "<", weekStart)
    .where("answeredAt", "is not", null)
    .orderBy("weekStart", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Newest week first; `before` is the last week of the previous page. */
export async function listSurveyRecords(
  db: Db,
  institutionId: string,
  { before, limit }: { before: string | null; limit: number },
): Promise<SurveyRecord[]> {
  let query = recordQuery(db).where("s.institutionId", "=", institutionId);
  if (before !== null) query = query.where("s.weekStart", "<", before);
  return query.orderBy("s.weekStart", "desc").limit(limit).execute();
}

export interface SurveyFiguresUpdate {
  stock: number;
  consumption: number;
  purchases: number;
  answeredBy: string;
  now: Date;
}

export async function saveSurveyFigures(
  db: Db,
  id: string,
  update: SurveyFiguresUpdate,
): Promise<void> {
  await db
    .updateTable("weeklySurveys")
    .set({
      stock: update.stock,
      consumption: update.consumption,
      purchases: update.purchases,
      answeredAt: update.now,
      answeredBy: update.answeredBy,
      updatedAt: update.now,
    })
    .where("id", "=", id)
    .execute();
}

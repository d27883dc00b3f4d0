import type { Db } from "../connect";

/**
 * Measures under consent term ④ against an institution: applied with a
 * reason from a day on, lifted (never deleted) with a reason.
 */

function sanctionRows(db: Db) {
  return db
    .selectFrom("sanctions as s")
    .innerJoin("institutions as i", "i.id", "s.institutionId")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .innerJoin("users as cu", "cu.id", "s.createdBy")
    .leftJoin("users as lu", "lu.id", "s.liftedBy")
    .select([
      "s.id",
      "s.reason",
      "s.effectiveFrom",
      "s.createdAt",
      "s.createdBy",
      "cu.displayName as createdByName",
      "s.liftedAt",
      "s.liftedBy",
      "lu.displayName as liftedByName",
      "s.liftReason",
      "i.id as institutionId",
      "i.code as institutionCode",
      "i.name as institutionName",
      "i.prefectureCode",
      "p.name as prefectureName",
    ]);
}
export type SanctionRow = Awaited<ReturnType<ReturnType<typeof sanctionRows>["execute"]>>[number];

/** Which sanctions on `today` (a Tokyo date): lifted, in force (effective, not lifted), or scheduled. */
export type SanctionFilter = "in_force" | "scheduled" | "lifted" | null;

/** The sanctions the filter selects, the newest first, with the institution and the people. */
export async function listSanctionRows(
  db: Db,
  { state, today }: { state: SanctionFilter; today: string },
): Promise<SanctionRow[]> {
  let query = sanctionRows(db);
  if (state === "lifted") query = query.where("s.liftedAt", "is not", null);
  if (state === "in_force") {
    query = query.where("s.liftedAt", "is", null).where("s.effectiveFrom", "<=", today);
  }
  if (state === "scheduled") {
    query = query.where("s.liftedAt", "is", null).where("s.effectiveFrom", ">", today);
  }
  return query.orderBy("s.createdAt", "desc").orderBy("s.id").execute();
}

export async function findSanctionRow(db: Db, id: string): Promise<SanctionRow | undefined> {
  return sanctionRows(db).where("s.id", "=", id).executeTakeFirst();
}

/**
 * The institution a code names, as the ministry confirms it before a measure: name,
 * prefecture, type, and how many measures are not lifted yet.
 */
export async function findSanctionCandidate(db: Db, code: string) {
  return db
    .selectFrom("institutions as i")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .select((eb) => [
      "i.id",
      "i.code",
      "i.name",
      "i.type",
      "i.prefectureCode",
      "p.name as prefectureName",
      eb
        .selectFrom("sanctions as s")
        .select((sb) => sb.fn.countAll<string>().as("n"))
        .whereRef("s.institutionId", "=", "i.id")
        .where("s.liftedAt", "is", null)
        .as("openSanctions"),
    ])
    .where("i.code", "=", code)
    .executeTakeFirst();
}

/** The institution a sanction is to be applied to, by id or by code. */
export async function findSanctionTarget(
  db: Db,
  institution: { id: string } | { code: string },
): Promise<{ id: string; code: string } | undefined> {
  let query = db.selectFrom("institutions").select(["id", "code"]);
  query =
    "id" in institution
      ? query.where("id", "=", institution.id)
      : query.where("code", "=", institution.code);
  return query.executeTakeFirst();
}

export async function insertSanction(
  db: Db,
  sanction: {
    institutionId: string;
    reason: string;
    effectiveFrom: string;
    createdBy: string;
    createdAt: Date;
  },
): Promise<{ id: string }> {
  return db.insertInto("sanctions").values(sanction).returning("id").executeTakeFirstOrThrow();
}

/** The sanction, row-locked for the rest of the transaction. */
export async function lockSanction(db: Db, id: string) {
  return db
    .selectFrom("sanctions")
    .select(["id", "institutionId", "liftedAt"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setSanctionLifted(
  db: Db,
  { id, at, by, reason }: { id: string; at: Date; by: string; reason: string },
): Promise<void> {
  await db
    .updateTable("sanctions")
    .set({ liftedAt: at, liftedBy: by, liftReason: reason })
    .where("id", "=", id)
    .execute();
}

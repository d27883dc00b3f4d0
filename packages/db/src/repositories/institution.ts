import type { Db } from "../connect";

export interface InstitutionInfo {
  id: string;
  code: string;
  name: string;
  prefectureCode: number;
  prefectureName: string;
}

export async function findInstitution(
  db: Db,
  institutionId: string,
): Promise<InstitutionInfo | undefined> {
  return db
    .selectFrom("institutions as i")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .select(["i.id", "i.code", "i.name", "i.prefectureCode", "p.name as prefectureName"])
    .where("i.id", "=", institutionId)
    .executeTakeFirst();
}

/** Sanctions in force on `today` (Tokyo calendar day): not lifted, already effective. */
export async function activeSanctions(
  db: Db,
  institutionId: string,
  today: string,
): Promise<Array<{ id: string; reason: string; effectiveFrom: string }>> {
  return db
    .selectFrom("sanctions")
    .select(["id", "reason", "effectiveFrom"])
    .where("institutionId", "=", institutionId)
    .where("liftedAt", "is", null)
    .where("effectiveFrom", "<=", today)
    .orderBy("effectiveFrom")
    .orderBy("createdAt")
    .execute();
}

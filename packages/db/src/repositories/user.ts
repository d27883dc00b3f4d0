import type { Db } from "../connect";

/** The officers notified of a filing: enabled prefecture users of that prefecture. */
export async function prefectureOfficers(
  db: Db,
  prefectureCode: number,
): Promise<Array<{ id: string; displayName: string; email: string }>> {
  return db
    .selectFrom("users")
    .select(["id", "displayName", "email"])
    .where("role", "=", "prefecture")
    .where("prefectureCode", "=", prefectureCode)
    .where("disabledAt", "is", null)
    .orderBy("username")
    .execute();
}

export async function findUserName(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("displayName")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.displayName ?? null;
}

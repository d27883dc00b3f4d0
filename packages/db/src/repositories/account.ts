import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * People's accounts as their managers see them (issue 15, 0014): who they are,
 * where they act, whether they are a lead officer, disabled or removed, and
 * when they last signed in. The rules of who may change what are
 * @sos/rules' account scope; this module only reads and writes.
 */

const SIGN_IN_SUCCESS = "auth.sign_in.success";

function accountRows(db: Db) {
  return db
    .selectFrom("users as u")
    .leftJoin("institutions as i", "i.id", "u.institutionId")
    .leftJoin("prefectures as p", (join) =>
      join.on((eb) => eb("p.code", "=", eb.fn.coalesce("u.prefectureCode", "i.prefectureCode"))),
    )
    .select([
      "u.id",
      "u.username",
      "u.displayName",
      "u.email",
      "u.role",
      "u.institutionId",
      "u.prefectureCode",
      "u.leadOfficer",
      "u.disabledAt",
      "u.removedAt",
      "u.createdAt",
      "i.name as institutionName",
      "i.code as institutionCode",
      "p.code as placePrefectureCode",
      "p.name as prefectureName",
    ])
    .select((eb) =>
      eb
        .selectFrom("auditLog as a")
        .select((inner) => inner.fn.max("a.at").as("at"))
        .whereRef("a.actorUserId", "=", "u.id")
        .where("a.action", "=", SIGN_IN_SUCCESS)
        .as("lastSignInAt"),
    );
}
export type AccountRow = Awaited<ReturnType<ReturnType<typeof accountRows>["execute"]>>[number];

/** Whose accounts a list shows. Removed people are never listed: they are history. */
export type AccountFilter =
  | { kind: "institution"; institutionId: string }
  | { kind: "institutionCode"; code: string }
  | { kind: "prefectureOfficers"; prefectureCode: number }
  | { kind: "staff"; roles: ReadonlyArray<"prefecture" | "ministry" | "vendor"> };

/** Enough for a screen: the ministry's whole staff is a few thousand people at most. */
const LIST_LIMIT = 2000;

export async function listAccounts(db: Db, filter: AccountFilter): Promise<AccountRow[]> {
  let query = accountRows(db).where("u.removedAt", "is", null);
  if (filter.kind === "institution")
    query = query.where("u.institutionId", "=", filter.institutionId);
  if (filter.kind === "institutionCode") query = query.where("i.code", "=", filter.code);
  if (filter.kind === "prefectureOfficers") {
    query = query
      .where("u.role", "=", "prefecture")
      .where("u.prefectureCode", "=", filter.prefectureCode);
  }
  if (filter.kind === "staff") {
    if (filter.roles.length === 0) return [];
    query = query.where("u.role", "in", filter.roles);
  }
  return query
    .orderBy("u.role")
    .orderBy("u.prefectureCode")
    .orderBy("u.username")
    .limit(LIST_LIMIT)
    .execute();
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return accountRows(db).where("u.id", "=", id).executeTakeFirst();
}

/** The account's row, locked until the transaction ends: one change at a time per person. */
export async function lockAccount(db: Db, id: string) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "role",
      "institutionId",
      "prefectureCode",
      "leadOfficer",
      "disabledAt",
      "removedAt",
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedAccount = NonNullable<Awaited<ReturnType<typeof lockAccount>>>;

/**
 * Locks every user of the institution (in id order, so two removals wait for
 * each other instead of deadlocking) and counts the active ones: two colleagues
 * removing each other at once cannot both pass "not the last one".
 */
export async function lockInstitutionAccounts(db: Db, institutionId: string): Promise<number> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "disabledAt"])
    .where("institutionId", "=", institutionId)
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.filter((row) => row.disabledAt === null).length;
}

/** The actor's own row as the policy needs it (the session knows no lead flag). */
export async function findManager(db: Db, id: string) {
  return db
    .selectFrom("users")
    .select(["id", "role", "institutionId", "prefectureCode", "leadOfficer", "disabledAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function setAccountDisabled(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ disabledAt: at })
    .where("id", "=", id)
    .where("disabledAt", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setAccountEnabled(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ disabledAt: null })
    .where("id", "=", id)
    .where("disabledAt", "is not", null)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removed: disabled too (from `at` unless already), and kept with who removed them. */
export async function setAccountRemoved(
  db: Db,
  { id, at, by }: { id: string; at: Date; by: string },
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set((eb) => ({
      removedAt: at,
      removedBy: by,
      disabledAt: eb.fn.coalesce("disabledAt", sql<Date>`${at}::timestamptz`),
    }))
    .where("id", "=", id)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setLeadOfficer(db: Db, id: string, lead: boolean): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ leadOfficer: lead })
    .where("id", "=", id)
    .where("leadOfficer", "<>", lead)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * 代理入力: delegate organisations (医師会, 法人本部) and the institutions'
 * grants to them (delegations). A grant is active while revoked_at is null; at
 * most one is (partial unique index delegations_active_idx).
 */

export interface DelegateOrganisationRow {
  id: string;
  code: string;
  name: string;
  kind: "medical_association" | "head_office";
  prefectureCode: number | null;
}

/** What the institution procedure needs to let a delegate act: its organisation, if granted now. */
export interface ActiveDelegation {
  delegationId: string;
  organisationId: string;
  organisationName: string;
}

/**
 * The active grant of the user's organisation for the institution, read on
 * every call a delegate makes (one indexed lookup), so a revocation takes effect
 * on its very next request. A disabled user's sessions end elsewhere.
 */
export async function findActiveDelegationForUser(
  db: Db,
  userId: string,
  institutionId: string,
): Promise<ActiveDelegation | undefined> {
  return db
    .selectFrom("users as u")
    .innerJoin("delegations as g", "g.delegateOrganisationId", "u.delegateOrganisationId")
    .innerJoin("delegateOrganisations as o", "o.id", "g.delegateOrganisationId")
    .select(["g.id as delegationId", "o.id as organisationId", "o.name as organisationName"])
    .where("u.id", "=", userId)
    .where("u.role", "=", "delegate")
    .where("g.institutionId", "=", institutionId)
    .where("g.revokedAt", "is", null)
    .executeTakeFirst();
}

export async function findDelegateOrganisation(
  db: Db,
  id: string,
): Promise<DelegateOrganisationRow | undefined> {
  return db
    .selectFrom("delegateOrganisations")
    .select(["id", "code", "name", "kind", "prefectureCode"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The organisation of a delegate user. */
export async function findOrganisationOfUser(
  db: Db,
  userId: string,
): Promise<DelegateOrganisationRow | undefined> {
  return db
    .selectFrom("users as u")
    .innerJoin("delegateOrganisations as o", "o.id", "u.delegateOrganisationId")
    .select(["o.id", "o.code", "o.name", "o.kind", "o.prefectureCode"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
}

/** By exact code, or by a part of the name (an institution looks its association up). */
export async function searchDelegateOrganisations(
  db: Db,
  { code, namePart, limit }: { code: string; namePart: string; limit: number },
): Promise<DelegateOrganisationRow[]> {
  const pattern = `%${namePart.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("delegateOrganisations")
    .select(["id", "code", "name", "kind", "prefectureCode"])
    .where((eb) => eb.or([eb("code", "=", code), eb("name", "like", pattern)]))
    .orderBy(sql`code = ${code}`, "desc")
    .orderBy("name")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export interface DelegationRow {
  id: string;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  organisationKind: "medical_association" | "head_office";
  grantedAt: Date;
  grantedByName: string;
  revokedAt: Date | null;
  revokedByName: string | null;
}

/** An institution's grants, current first, then past ones newest first. */
export async function listDelegationsOfInstitution(
  db: Db,
  institutionId: string,
): Promise<DelegationRow[]> {
  return db
    .selectFrom("delegations as g")
    .innerJoin("delegateOrganisations as o", "o.id", "g.delegateOrganisationId")
    .innerJoin("users as gb", "gb.id", "g.grantedBy")
    .leftJoin("users as rb", "rb.id", "g.revokedBy")
    .select([
      "g.id",
      "o.id as organisationId",
      "o.code as organisationCode",
      "o.name as organisationName",
      "o.kind as organisationKind",
      "g.grantedAt",
      "gb.displayName as grantedByName",
      "g.revokedAt",
      "rb.displayName as revokedByName",
    ])
    .where("g.institutionId", "=", institutionId)
    .orderBy(sql`g.revoked_at is null`, "desc")
    .orderBy(sql`coalesce(g.revoked_at, g.granted_at)`, "desc")
    .orderBy("g.id")
    .limit(200)
    .execute();
}

/**
 * Grants unless a grant of the pair is already active: the partial unique
 * index decides between two concurrent clicks; the loser inserts nothing and
 * gets undefined.
 */
export async function insertDelegation(
  db: Db,
  grant: { organisationId: string; institutionId: string; grantedBy: string; grantedAt: Date },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto("delegations")
    .values({
      delegateOrganisationId: grant.organisationId,
      institutionId: grant.institutionId,
      grantedBy: grant.grantedBy,
      grantedAt: grant.grantedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(["delegateOrganisationId", "institutionId"])
        .where("revokedAt", "is", null)
        .doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
}

/** Revokes the institution's active grant; undefined when it is not active (or not its own). */
export async function revokeDelegation(
  db: Db,
  {
    id,
    institutionId,
    revokedBy,
    revokedAt,
  }: { id: string; institutionId: string; revokedBy: string; revokedAt: Date },
): Promise<{ id: string; organisationId: string } | undefined> {
  return db
    .updateTable("delegations")
    .set({ revokedBy, revokedAt })
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .where("revokedAt", "is", null)
    .returning(["id", "delegateOrganisationId as organisationId"])
    .executeTakeFirst();
}

/** One grant of the institution, active or not (to tell "already revoked" from "not yours"). */
export async function findDelegationOfInstitution(
  db: Db,
  institutionId: string,
  id: string,
): Promise<{ id: string; revokedAt: Date | null } | undefined> {
  return db
    .selectFrom("delegations")
    .select(["id", "revokedAt"])
    .where("id", "=", id)
    .where("institutionId", "=", institutionId)
    .executeTakeFirst();
}

export interface ClientRow {
  institutionId: string;
  code: string;
  name: string;
  prefectureCode: number;
  prefectureName: string;
  grantedAt: Date;
}

/** The institutions that consent to the organisation now (what its users may pick). */
export async function listClientsOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<ClientRow[]> {
  return db
    .selectFrom("delegations as g")
    .innerJoin("institutions as i", "i.id", "g.institutionId")
    .innerJoin("prefectures as p", "p.code", "i.prefectureCode")
    .select([
      "i.id as institutionId",
      "i.code",
      "i.name",
      "i.prefectureCode",
      "p.name as prefectureName",
      "g.grantedAt",
    ])
    .where("g.delegateOrganisationId", "=", organisationId)
    .where("g.revokedAt", "is", null)
    .orderBy("i.name")
    .orderBy("i.id")
    .limit(1000)
    .execute();
}

/** Names of delegate organisations by id, for showing 「X が Y の代理で」. */
export async function delegateNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("delegateOrganisations")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

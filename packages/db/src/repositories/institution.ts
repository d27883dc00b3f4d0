import { sql } from "kysely";
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

/** One institution as the ministry's register lists it (already normalised). */
export interface RegistryEntry {
  code: string;
  name: string;
  type: "hospital" | "clinic" | "home_nursing" | "pharmacy" | "midwifery";
  prefectureCode: number;
  postcode: string;
  address: string;
  phone: string;
  email: string;
}

export const REGISTRY_COMPARED_FIELDS = [
  "name",
  "type",
  "prefectureCode",
  "postcode",
  "address",
  "phone",
  "email",
] as const;
export type RegistryComparedField = (typeof REGISTRY_COMPARED_FIELDS)[number];

// Large enough that 180,000 rows are a handful of statements, small enough
// that one statement's parameters stay a few megabytes.
const STAGE_CHUNK = 50_000;

/**
 * Puts the file's rows in a temporary table private to this transaction
 * (dropped at its end), so the comparison and the apply are set-based
 * statements however large the register. One import at a time: a second waits.
 */
export async function stageRegistry(trx: Db, entries: readonly RegistryEntry[]): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('sos.registry-import'))`.execute(trx);
  await sql`
    create temp table registry_import (
      code char(10) primary key,
      name text not null,
      type text not null,
      prefecture_code smallint not null,
      postcode char(7) not null,
      address text not null,
      phone text not null,
      email text not null
    ) on commit drop`.execute(trx);
  for (let at = 0; at < entries.length; at += STAGE_CHUNK) {
    const part = entries.slice(at, at + STAGE_CHUNK);
    const column = <K extends keyof RegistryEntry>(key: K) => part.map((e) => e[key]);
    await sql`
      insert into registry_import
      select * from unnest(
        ${column("code")}::text[], ${column("name")}::text[], ${column("type")}::text[],
        ${column("prefectureCode")}::smallint[], ${column("postcode")}::text[],
        ${column("address")}::text[], ${column("phone")}::text[], ${column("email")}::text[]
      )`.execute(trx);
  }
  await sql`analyze registry_import`.execute(trx);
}

/** The registry's values of the compared fields, as stored. */
export type RegistryValues = Pick<RegistryEntry, RegistryComparedField>;

export interface RegistryDifference {
  code: string;
  name: string;
  /** Not in the registry yet. */
  isNew: boolean;
  /** In the registry but inactive: the file brings it back. */
  returning: boolean;
  changedFields: RegistryComparedField[];
  /** What the registry holds now (null for a new institution). */
  before: RegistryValues | null;
}

/** The staged rows that are new, returning or differ in a field, in code order. */
export async function registryDifferences(trx: Db): Promise<RegistryDifference[]> {
  const { rows } = await sql<RegistryDifference>`
    select s.code, s.name,
      i.id is null as "isNew",
      coalesce(not i.active, false) as "returning",
      array_remove(array[
        case when i.name is distinct from s.name then 'name' end,
        case when i.type is distinct from s.type then 'type' end,
        case when i.prefecture_code is distinct from s.prefecture_code then 'prefectureCode' end,
        case when i.postcode is distinct from s.postcode then 'postcode' end,
        case when i.address is distinct from s.address then 'address' end,
        case when i.phone is distinct from s.phone then 'phone' end,
        case when i.email is distinct from s.email then 'email' end
      ], null) as "changedFields",
      case when i.id is not null then jsonb_build_object(
        'name', i.name, 'type', i.type, 'prefectureCode', i.prefecture_code,
        'postcode', i.postcode, 'address', i.address, 'phone', i.phone, 'email', i.email
      ) end as before
    from registry_import s
    left join institutions i on i.code = s.code
    where i.id is null or not i.active
      or (i.name, i.type, i.prefecture_code, i.postcode, i.address, i.phone, i.email)
        is distinct from (s.name, s.type, s.prefecture_code, s.postcode, s.address, s.phone, s.email)
    order by s.code`.execute(trx);
  return rows.map((row) => (row.isNew ? { ...row, changedFields: [] } : row));
}

/**
 * Staged rows that would move an institution with SOS requests to another
 * prefecture. Its requests name the prefecture that reviewed them (the foreign
 * key sos_requests(institution_id, prefecture_code)), so such a move is refused.
 */
export async function registryBlockedMoves(
  trx: Db,
): Promise<
  Array<{ code: string; fromPrefecture: number; toPrefecture: number; requests: number }>
> {
  const { rows } = await sql<{
    code: string;
    fromPrefecture: number;
    toPrefecture: number;
    requests: number;
  }>`
    select s.code, i.prefecture_code as "fromPrefecture", s.prefecture_code as "toPrefecture",
      (select count(*)::int from sos_requests r where r.institution_id = i.id) as requests
    from registry_import s
    join institutions i on i.code = s.code
    where i.prefecture_code <> s.prefecture_code
      and exists (select 1 from sos_requests r where r.institution_id = i.id)
    order by s.code`.execute(trx);
  return rows;
}

/** Active institutions the staged file does not list. */
export async function registryGone(trx: Db): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await sql<{ code: string; name: string }>`
    select i.code, i.name from institutions i
    where i.active and not exists (select 1 from registry_import s where s.code = i.code)
    order by i.code`.execute(trx);
  return rows;
}

export interface RegistryApplied {
  inserted: number;
  updated: number;
  deactivated: number;
}

/**
 * Makes the registry what the staged file says: new institutions inserted,
 * changed or returning ones updated (and active), unlisted ones inactive.
 * Nothing is deleted; rows already equal to the file are not touched.
 */
export async function applyStagedRegistry(trx: Db): Promise<RegistryApplied> {
  const inserted = await sql`
    insert into institutions (code, name, type, prefecture_code, postcode, address, phone, email)
    select s.code, s.name, s.type, s.prefecture_code, s.postcode, s.address, s.phone, s.email
    from registry_import s
    where not exists (select 1 from institutions i where i.code = s.code)`.execute(trx);
  const updated = await sql`
    update institutions i set
      name = s.name, type = s.type, prefecture_code = s.prefecture_code, postcode = s.postcode,
      address = s.address, phone = s.phone, email = s.email, active = true, updated_at = now()
    from registry_import s
    where i.code = s.code and (not i.active
      or (i.name, i.type, i.prefecture_code, i.postcode, i.address, i.phone, i.email)
        is distinct from (s.name, s.type, s.prefecture_code, s.postcode, s.address, s.phone, s.email))
  `.execute(trx);
  const deactivated = await sql`
    update institutions i set active = false, updated_at = now()
    where i.active and not exists (select 1 from registry_import s where s.code = i.code)
  `.execute(trx);
  return {
    inserted: Number(inserted.numAffectedRows ?? 0n),
    updated: Number(updated.numAffectedRows ?? 0n),
    deactivated: Number(deactivated.numAffectedRows ?? 0n),
  };
}

import type { Db } from "@sos/db";
import { PREFECTURES } from "@sos/domain";
import { sql } from "kysely";

/** Advisory lock key held while seeding, so two processes starting together seed once. */
export const SEED_LOCK = 742_101;

/** The prefectures table is reference data; inserting it again changes nothing. */
export async function ensurePrefectures(db: Db): Promise<void> {
  await db
    .insertInto("prefectures")
    .values(PREFECTURES.map(({ code, name, nameEn }) => ({ code, name, nameEn })))
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

/** Whether anything a person could have entered exists: facilities, accounts or products. */
export async function databaseHasData(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from institutions)
        or exists (select 1 from users)
        or exists (select 1 from products) as found
  `.execute(db);
  return rows[0]?.found === true;
}

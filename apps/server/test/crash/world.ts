import { createSession, DUMMY_PASSWORD_HASH } from "@sos/auth";
import type { Db } from "@sos/db";
import { sql } from "kysely";

/**
 * What the crash loop's burst works on, written straight into the server's
 * database after its first start (the demo seed gives the prefectures, the
 * officers, the vendor and the product):
 * - institutions with an answered, eligible survey of the current week and a
 *   signed-in user each, to file SOS requests (each mails Tokyo's officer);
 * - a target list handed to the vendor whose items are registered exactly as
 *   listed in the vendor's own customer file (照合済み), to mail purchase links;
 * - the vendor's session, to send them.
 * The purchase tokens come later, from the purchase-link mails themselves.
 *
 * Every instant is the database's own now(): the server under test runs on the
 * real clock whatever clock the test process has.
 */
export interface CrashWorld {
  vendorSession: string;
  batchId: string;
  /** Target items not yet given to a send run. */
  linkItems: string[];
  /** Sessions of institutions that have not filed yet. */
  appliers: string[];
}

const PREFECTURE = 13;
/** Codes no demo institution has (the demo's Tokyo codes are 131…). */
const CODE_BASE = 1_399_000_000;

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
  return rows[0]?.now ?? new Date();
}

async function insertInstitutions(db: Db, from: number, count: number, label: string) {
  return db
    .insertInto("institutions")
    .values(
      Array.from({ length: count }, (_, i) => {
        const n = from + i;
        return {
          code: String(CODE_BASE + n),
          name: `クラッシュ試験${label}医療機関${n}`,
          type: "clinic" as const,
          prefectureCode: PREFECTURE,
          postcode: "1000001",
          address: `東京都千代田区千代田1-${n}`,
          phone: "0312345678",
          contactName: `担当 ${n}`,
          email: `crash-${n}@clinic.example.jp`,
        };
      }),
    )
    .returningAll()
    .execute();
}

export async function buildCrashWorld(
  db: Db,
  sizes: { appliers: number; linkItems: number },
): Promise<CrashWorld> {
  const now = await databaseNow(db);
  const week = await sql<{ current: string; previous: string }>`
    select max(week_start)::text as current, (max(week_start) - 7)::text as previous
    from weekly_surveys`.execute(db);
  const { current, previous } = week.rows[0] ?? {};
  if (!current || !previous) throw new Error("the demo seed wrote no survey week");
  const ministry = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "ministry")
    .executeTakeFirstOrThrow();
  const vendor = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "vendor")
    .executeTakeFirstOrThrow();

  const applying = await insertInstitutions(db, 0, sizes.appliers, "申請");
  const appliers: string[] = [];
  for (const institution of applying) {
    await db
      .insertInto("weeklySurveys")
      .values({
        institutionId: institution.id,
        weekStart: current,
        // The manual's example: 2,000 < (1,000 − 400) × 4, eligible.
        stock: 2000,
        consumption: 1000,
        purchases: 400,
        answeredAt: now,
      })
      .onConflict((oc) =>
        oc.columns(["institutionId", "weekStart"]).doUpdateSet({
          stock: 2000,
          consumption: 1000,
          purchases: 400,
          answeredAt: now,
        }),
      )
      .execute();
    const user = await db
      .insertInto("users")
      .values({
        username: `crash-${institution.code}`,
        displayName: institution.contactName ?? "担当",
        email: institution.email,
        role: "institution",
        institutionId: institution.id,
        passwordHash: DUMMY_PASSWORD_HASH,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    appliers.push((await createSession(db, user.id, { now })).token);
  }

  const listed = await insertInstitutions(db, sizes.appliers, sizes.linkItems, "対象");
  const number = await sql<{ next: number }>`
    select coalesce(max(number), 0) + 1 as next from target_batches`.execute(db);
  const batch = await db
    .insertInto("targetBatches")
    .values({ number: number.rows[0]?.next ?? 1, issuedAt: now, issuedBy: ministry.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const linkItems: string[] = [];
  for (const institution of listed) {
    const survey = await db
      .insertInto("weeklySurveys")
      .values({
        institutionId: institution.id,
        weekStart: previous,
        stock: 2000,
        consumption: 1000,
        purchases: 400,
        answeredAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const request = await db
      .insertInto("sosRequests")
      .values({
        institutionId: institution.id,
        prefectureCode: PREFECTURE,
        weekStart: previous,
        status: "accepted",
        conditionsConfirmed: true,
        surveyId: survey.id,
        appliedAt: now,
        errorReasons: "[]",
        createdBy: ministry.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await db
      .insertInto("targetItems")
      .values({
        batchId: batch.id,
        requestId: request.id,
        institutionId: institution.id,
        institutionCode: institution.code,
        name: institution.name,
        prefectureCode: PREFECTURE,
        postcode: institution.postcode,
        address: institution.address,
        phone: institution.phone,
        contactName: institution.contactName ?? "",
        email: institution.email,
        limitSets: 2,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("vendorRegistrations")
      .values({
        institutionCode: institution.code,
        facilityName: institution.name,
        postcode: institution.postcode,
        address: institution.address,
        phone: institution.phone,
        email: institution.email,
        paymentMethod: "bank_transfer",
        source: "import",
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    linkItems.push(item.id);
  }
  await db
    .updateTable("targetBatches")
    .set({ itemCount: linkItems.length, totalSets: linkItems.length * 2 })
    .where("id", "=", batch.id)
    .execute();

  return {
    vendorSession: (await createSession(db, vendor.id, { now })).token,
    batchId: batch.id,
    linkItems,
    appliers,
  };
}

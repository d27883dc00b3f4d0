import { hashPassword } from "@sos/auth";
import type { Db } from "@sos/db";
import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type InstitutionType,
  PREFECTURES,
} from "@sos/domain";
import type { SurveyWeek } from "@sos/rules";
import { sql } from "kysely";
import { DEMO_ACCOUNTS, DEMO_ASSOCIATION, DEMO_HOSPITAL, type DemoAccount } from "./demo-accounts";
import { GEOGRAPHY } from "./geography";
import { generateInstitution, type InstitutionSeed } from "./institutions";
import { databaseHasData, ensurePrefectures, SEED_LOCK } from "./prefectures";
import { apportion, Random } from "./random";
import { recentSurveyWeeks, type SurveySeed, supplyProfile, surveyHistory } from "./surveys";

export type { DemoAccount } from "./demo-accounts";
export { DEMO_ACCOUNTS, DEMO_ASSOCIATION, DEMO_HOSPITAL } from "./demo-accounts";

export const DEMO_INSTITUTION_COUNT = 300;
/** Survey weeks in the demo: two finished weeks and the current one. */
export const DEMO_SURVEY_WEEKS = 3;
export const DEMO_PRODUCT_NAME = "ニトリル手袋（パウダーフリー）";

/** Stock in sets (1 set = 1,000 pieces); medium and large sell most. */
const DEMO_PRODUCT_STOCK: readonly (readonly ["SS" | "S" | "M" | "L" | "LL", number])[] = [
  ["SS", 600],
  ["S", 2_400],
  ["M", 5_200],
  ["L", 3_800],
  ["LL", 900],
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every prefecture gets at least this many, so each officer has something to look at. */
const MIN_PER_PREFECTURE = 3;
/** The demo accounts' prefectures get a fuller queue than their population alone would give. */
const DEMO_PREFECTURE_BOOST: Readonly<Record<number, number>> = { 13: 2, 27: 2 };
/** Each prefecture first gets one of these, then draws from DEMO_TYPE_WEIGHTS. */
const FIRST_TYPES: readonly InstitutionType[] = ["hospital", "clinic", "pharmacy"];
const DEMO_TYPE_WEIGHTS: readonly (readonly [InstitutionType, number])[] = [
  ["hospital", 12],
  ["clinic", 40],
  ["home_nursing", 16],
  ["pharmacy", 22],
  ["midwifery", 10],
];
/** A few facilities have never taken part in the survey. */
const SURVEY_PARTICIPATION = 0.92;

export interface SeedDemoOptions {
  log: (line: string) => void;
  /** The clock the survey weeks are computed from; defaults to the real time. */
  now?: Date;
}

export interface SeedDemoResult {
  accounts: DemoAccount[];
}

interface DemoPlan {
  institutions: InstitutionSeed[];
  surveys: Map<string, SurveySeed[]>;
  weeks: SurveyWeek[];
}

/**
 * Fills an empty database with a believable demo: all prefectures, a few
 * hundred facilities of every kind across the country with weekly-survey
 * history, the glove product, and one account per role (DEMO_ACCOUNTS). The
 * same data on every run (seeded generator), written in one transaction.
 * Returns null and writes nothing when the database already holds data.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult | null> {
  const { log } = options;
  const now = options.now ?? new Date();
  if (await databaseHasData(db)) {
    log("データベースに既にデータがあるため、デモデータは投入しません。");
    return null;
  }
  log("デモデータを作成しています…");
  // argon2 is deliberately slow: hash before the transaction so it holds no locks meanwhile.
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => ({
      account,
      passwordHash: await hashPassword(account.password),
    })),
  );
  const plan = planDemo(now);

  const written = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    // Another process may have seeded between the first check and the lock.
    if (await databaseHasData(trx)) return null;
    await ensurePrefectures(trx);

    const registeredAt = new Date((plan.weeks[0]?.opensAt ?? now).getTime() - 14 * DAY_MS);
    const inserted = await trx
      .insertInto("institutions")
      .values(
        plan.institutions.map((institution) => ({
          ...institution,
          createdAt: registeredAt,
          updatedAt: registeredAt,
        })),
      )
      .returning(["id", "code"])
      .execute();
    const idByCode = new Map(inserted.map((row) => [row.code, row.id]));
    const hospitalId = idByCode.get(DEMO_HOSPITAL.code);
    if (hospitalId === undefined) throw new Error("the demo hospital was not inserted");
    const clinicIds = demoClinicCodes(plan).map((code) => idByCode.get(code) ?? "");
    const association = await trx
      .insertInto("delegateOrganisations")
      .values(DEMO_ASSOCIATION)
      .returning("id")
      .executeTakeFirstOrThrow();
    const institutionOf = (account: DemoAccount): string | null => {
      if (account.role !== "institution") return null;
      return account.demoClinic === undefined
        ? hospitalId
        : (clinicIds[account.demoClinic - 1] ?? null);
    };

    const users = await trx
      .insertInto("users")
      .values(
        accounts.map(({ account, passwordHash }) => ({
          username: account.username,
          displayName: account.displayName,
          email: account.email,
          role: account.role,
          institutionId: institutionOf(account),
          prefectureCode: account.prefectureCode,
          delegateOrganisationId: account.role === "delegate" ? association.id : null,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
        })),
      )
      .returning(["id", "role", "institutionId"])
      .execute();
    const hospitalUserId = users.find((user) => user.institutionId === hospitalId)?.id ?? null;
    await grantDemoDelegations(trx, association.id, users, clinicIds, now);

    const surveyRows = [...plan.surveys].flatMap(([code, history]) => {
      const institutionId = idByCode.get(code);
      if (institutionId === undefined) throw new Error(`institution ${code} was not inserted`);
      return history.map((survey) => ({
        institutionId,
        weekStart: survey.weekStart,
        createdAt: survey.createdAt,
        updatedAt: survey.answer?.answeredAt ?? survey.createdAt,
        stock: survey.answer?.stock ?? null,
        consumption: survey.answer?.consumption ?? null,
        purchases: survey.answer?.purchases ?? null,
        answeredAt: survey.answer?.answeredAt ?? null,
        answeredBy: survey.answer && institutionId === hospitalId ? hospitalUserId : null,
      }));
    });
    for (let at = 0; at < surveyRows.length; at += 1_000) {
      await trx
        .insertInto("weeklySurveys")
        .values(surveyRows.slice(at, at + 1_000))
        .execute();
    }

    const product = await trx
      .insertInto("products")
      .values({ name: DEMO_PRODUCT_NAME })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("productSizes")
      .values(
        DEMO_PRODUCT_STOCK.map(([size, stockSets], i) => ({
          productId: product.id,
          size,
          stockSets,
          sortOrder: i + 1,
        })),
      )
      .execute();

    return {
      surveys: surveyRows.length,
      answered: surveyRows.filter((row) => row.answeredAt !== null).length,
    };
  });

  if (written === null) {
    log("データベースに既にデータがあるため、デモデータは投入しません。");
    return null;
  }
  const byType = INSTITUTION_TYPES.map(
    (type) =>
      `${INSTITUTION_TYPE_LABELS.ja[type]} ${plan.institutions.filter((i) => i.type === type).length}`,
  ).join("・");
  const current = plan.weeks.at(-1)?.weekStart ?? "";
  log(
    [
      `デモデータを作成しました：都道府県 ${PREFECTURES.length}件、医療機関 ${plan.institutions.length}件（${byType}）、`,
      `週次調査 ${written.surveys}件（うち回答済み ${written.answered}件、今週 ${current} 開始分を含む ${plan.weeks.length}週分）、`,
      `商品「${DEMO_PRODUCT_NAME}」${DEMO_PRODUCT_STOCK.length}サイズ、デモアカウント ${DEMO_ACCOUNTS.length}件`,
    ].join(""),
  );
  return { accounts: [...DEMO_ACCOUNTS] };
}

/** Each demo clinic's own user has authorised the association (代理入力の許可). */
async function grantDemoDelegations(
  trx: Db,
  associationId: string,
  users: ReadonlyArray<{ id: string; institutionId: string | null }>,
  clinicIds: readonly string[],
  now: Date,
): Promise<void> {
  const grants = users.filter(
    (user) => user.institutionId !== null && clinicIds.includes(user.institutionId),
  );
  await trx
    .insertInto("delegations")
    .values(
      grants.map((user) => ({
        delegateOrganisationId: associationId,
        institutionId: user.institutionId ?? "",
        grantedBy: user.id,
        grantedAt: now,
      })),
    )
    .execute();
}

/** 代理入力's demo clinics: the first two Tokyo clinics of the plan, by code. */
export function demoClinicCodes(plan: { institutions: readonly InstitutionSeed[] }): string[] {
  const clinics = plan.institutions
    .filter((i) => i.prefectureCode === 13 && i.type === "clinic")
    .map((i) => i.code)
    .sort();
  if (clinics.length < 2) throw new Error("the demo plan has fewer than two Tokyo clinics");
  return clinics.slice(0, 2);
}

/** The whole demo data set, computed before any write; deterministic for a given `now`. */
export function planDemo(now: Date): DemoPlan {
  const rng = new Random("sos-supply demo");
  const weights = GEOGRAPHY.map(
    (g) => g.populationThousands * (DEMO_PREFECTURE_BOOST[g.code] ?? 1),
  );
  const counts = apportion(DEMO_INSTITUTION_COUNT, weights, MIN_PER_PREFECTURE);

  const institutions: InstitutionSeed[] = [];
  const names = new Set<string>();
  const serials = new Map<string, number>();
  const nextSerial = (prefectureCode: number, type: InstitutionType) => {
    const key = `${prefectureCode}:${type}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    return serial;
  };

  GEOGRAPHY.forEach(({ code }, index) => {
    const count = counts[index] ?? 0;
    for (let n = 0; n < count; n++) {
      if (code === DEMO_HOSPITAL.prefectureCode && n === 0) {
        institutions.push(DEMO_HOSPITAL);
        names.add(DEMO_HOSPITAL.name);
        nextSerial(code, DEMO_HOSPITAL.type);
        continue;
      }
      const type = FIRST_TYPES[n] ?? rng.weighted(DEMO_TYPE_WEIGHTS);
      const serial = nextSerial(code, type);
      // Names repeat across a country, but one demo should not list two identical ones.
      let institution = generateInstitution(rng, { prefectureCode: code, type, serial });
      for (let attempt = 0; names.has(institution.name) && attempt < 50; attempt++) {
        institution = generateInstitution(rng, { prefectureCode: code, type, serial });
      }
      names.add(institution.name);
      institutions.push(institution);
    }
  });

  const weeks = recentSurveyWeeks(now, DEMO_SURVEY_WEEKS);
  const surveys = new Map<string, SurveySeed[]>();
  for (const institution of institutions) {
    if (institution.code === DEMO_HOSPITAL.code) {
      // The demo hospital has answered the past weeks, tight on stock, and
      // leaves this week open so the demo can start by answering it.
      const profile = { weeklyConsumption: 12_000, tight: true };
      surveys.set(
        institution.code,
        surveyHistory(rng, profile, weeks, now, { pastAnswered: 1, currentAnswered: 0 }),
      );
      continue;
    }
    if (!rng.chance(SURVEY_PARTICIPATION)) continue;
    surveys.set(
      institution.code,
      surveyHistory(rng, supplyProfile(rng, institution.type), weeks, now),
    );
  }
  return { institutions, surveys, weeks };
}

import { randomUUID } from "node:crypto";
import type { Db } from "@sos/db";
import { INSTITUTION_TYPES, type InstitutionType } from "@sos/domain";
import type { SurveyWeek } from "@sos/rules";
import { sql } from "kysely";
import { GEOGRAPHY } from "./geography";
import {
  generateInstitution,
  type InstitutionSeed,
  NATIONAL_SERIAL_BASE,
  NATIONAL_TYPE_SHARES,
} from "./institutions";
import { ensurePrefectures, SEED_LOCK } from "./prefectures";
import { apportion, Random } from "./random";
import { recentSurveyWeeks, supplyProfile, surveyHistory } from "./surveys";

/** About the number of facilities G-MIS lists nationwide. */
export const NATIONAL_INSTITUTIONS = 180_000;
export const NATIONAL_WEEKS = 4;
/** Rows per INSERT … SELECT FROM unnest(…): big enough to amortise the round trip, small enough for memory. */
const BATCH = 10_000;
const MAX_INSTITUTIONS = 2_000_000;
const MAX_WEEKS = 52;
/** Share of facilities with survey records; the rest never answered. */
const SURVEY_PARTICIPATION = 0.95;

export interface SeedNationalOptions {
  institutions?: number;
  weeks?: number;
  log: (line: string) => void;
  now?: Date;
}

export interface SeedNationalResult {
  institutions: number;
  surveys: number;
  answeredSurveys: number;
  elapsedMs: number;
}

/**
 * A national-scale data set for load tests and query plans: `institutions`
 * facilities spread over the 47 prefectures by population, every kind in its
 * national share, and `weeks` weeks of survey history. Rows are generated in
 * JS and sent as column arrays (INSERT … SELECT FROM unnest), 10,000 per
 * statement, in one transaction. Its codes live in their own range
 * (serial >= NATIONAL_SERIAL_BASE) so it can sit next to the demo data; it
 * returns null when national data is already there.
 */
export async function seedNational(
  db: Db,
  options: SeedNationalOptions,
): Promise<SeedNationalResult | null> {
  const total = options.institutions ?? NATIONAL_INSTITUTIONS;
  const weekCount = options.weeks ?? NATIONAL_WEEKS;
  const { log } = options;
  const now = options.now ?? new Date();
  if (!Number.isInteger(total) || total < GEOGRAPHY.length || total > MAX_INSTITUTIONS) {
    throw new RangeError(
      `institutions must be an integer between ${GEOGRAPHY.length} and ${MAX_INSTITUTIONS}`,
    );
  }
  if (!Number.isInteger(weekCount) || weekCount < 1 || weekCount > MAX_WEEKS) {
    throw new RangeError(`weeks must be an integer between 1 and ${MAX_WEEKS}`);
  }

  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}秒`;
  const weeks = recentSurveyWeeks(now, weekCount);
  const registeredAt = new Date(weeks[0]?.opensAt.getTime() ?? now.getTime());

  const result = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await hasNationalData(trx)) return null;
    await ensurePrefectures(trx);
    log(
      `全国規模のデータを作成しています：医療機関 ${fmt(total)}件、週次調査 ${weekCount}週分（${weeks[0]?.weekStart} 〜 ${weeks.at(-1)?.weekStart}）`,
    );

    let institutions = 0;
    let surveys = 0;
    let answeredSurveys = 0;
    let batch = new Batch();
    const flush = async () => {
      await insertInstitutions(trx, batch, registeredAt);
      await insertSurveys(trx, batch);
      institutions += batch.institutionCount;
      surveys += batch.surveyCount;
      answeredSurveys += batch.answeredCount;
      log(
        `  医療機関 ${fmt(institutions)} / ${fmt(total)}件、週次調査 ${fmt(surveys)}件（${elapsed()}）`,
      );
      batch = new Batch();
    };
    for (const seed of nationalInstitutions(total)) {
      batch.add(seed.institution, seed.rng, weeks, now);
      if (batch.institutionCount >= BATCH) await flush();
    }
    if (batch.institutionCount > 0) await flush();
    return { institutions, surveys, answeredSurveys };
  });

  if (result === null) {
    log("全国規模のデータは既に投入済みのため、何もしませんでした。");
    return null;
  }
  // Fresh statistics, so the first queries after a bulk load get sensible plans.
  await sql`analyze institutions, weekly_surveys`.execute(db);
  const elapsedMs = Math.round(performance.now() - started);
  log(
    `全国規模のデータを作成しました：医療機関 ${fmt(result.institutions)}件、週次調査 ${fmt(result.surveys)}件（うち回答済み ${fmt(result.answeredSurveys)}件）、所要時間 ${elapsed()}`,
  );
  return { ...result, elapsedMs };
}

function fmt(n: number): string {
  return n.toLocaleString("ja-JP");
}

async function hasNationalData(db: Db): Promise<boolean> {
  // National serials start at 1,000,000, so their 4th code digit is never 0.
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from institutions where substr(code, 4, 1) <> '0') as found
  `.execute(db);
  return rows[0]?.found === true;
}

/**
 * Facilities prefecture by prefecture. Each prefecture has its own generator,
 * so its facilities do not change when the total changes elsewhere.
 */
function* nationalInstitutions(
  total: number,
): Generator<{ institution: InstitutionSeed; rng: Random }> {
  const counts = apportion(
    total,
    GEOGRAPHY.map((g) => g.populationThousands),
    1,
  );
  for (const [index, geography] of GEOGRAPHY.entries()) {
    const prefectureCode = geography.code;
    const rng = new Random(`sos-supply national ${prefectureCode}`);
    const serials = new Map<InstitutionType, number>(
      INSTITUTION_TYPES.map((type) => [type, NATIONAL_SERIAL_BASE]),
    );
    for (let n = 0; n < (counts[index] ?? 0); n++) {
      const type = rng.weighted(NATIONAL_TYPE_SHARES);
      const serial = serials.get(type) ?? NATIONAL_SERIAL_BASE;
      serials.set(type, serial + 1);
      yield { institution: generateInstitution(rng, { prefectureCode, type, serial }), rng };
    }
  }
}

/** Column arrays for one INSERT of institutions and one of their surveys. */
class Batch {
  ids: string[] = [];
  codes: string[] = [];
  names: string[] = [];
  types: string[] = [];
  prefectureCodes: number[] = [];
  postcodes: string[] = [];
  addresses: string[] = [];
  phones: string[] = [];
  contactNames: string[] = [];
  emails: string[] = [];

  surveyInstitutionIds: string[] = [];
  weekStarts: string[] = [];
  createdAts: string[] = [];
  stocks: (number | null)[] = [];
  consumptions: (number | null)[] = [];
  purchases: (number | null)[] = [];
  answeredAts: (string | null)[] = [];
  answeredCount = 0;

  get institutionCount(): number {
    return this.ids.length;
  }
  get surveyCount(): number {
    return this.surveyInstitutionIds.length;
  }

  add(institution: InstitutionSeed, rng: Random, weeks: readonly SurveyWeek[], now: Date): void {
    const id = randomUUID();
    this.ids.push(id);
    this.codes.push(institution.code);
    this.names.push(institution.name);
    this.types.push(institution.type);
    this.prefectureCodes.push(institution.prefectureCode);
    this.postcodes.push(institution.postcode);
    this.addresses.push(institution.address);
    this.phones.push(institution.phone);
    this.contactNames.push(institution.contactName);
    this.emails.push(institution.email);

    if (!rng.chance(SURVEY_PARTICIPATION)) return;
    const history = surveyHistory(rng, supplyProfile(rng, institution.type), weeks, now, {
      pastAnswered: 0.88,
      currentAnswered: 0.45,
    });
    for (const survey of history) {
      this.surveyInstitutionIds.push(id);
      this.weekStarts.push(survey.weekStart);
      this.createdAts.push(survey.createdAt.toISOString());
      this.stocks.push(survey.answer?.stock ?? null);
      this.consumptions.push(survey.answer?.consumption ?? null);
      this.purchases.push(survey.answer?.purchases ?? null);
      this.answeredAts.push(survey.answer?.answeredAt.toISOString() ?? null);
      if (survey.answer) this.answeredCount++;
    }
  }
}

async function insertInstitutions(db: Db, b: Batch, registeredAt: Date): Promise<void> {
  await sql`
    insert into institutions
      (id, code, name, type, prefecture_code, postcode, address, phone, contact_name, email,
       created_at, updated_at)
    select t.*, ${registeredAt.toISOString()}::timestamptz, ${registeredAt.toISOString()}::timestamptz
    from unnest(
      ${b.ids}::uuid[], ${b.codes}::text[], ${b.names}::text[], ${b.types}::text[],
      ${b.prefectureCodes}::smallint[], ${b.postcodes}::text[], ${b.addresses}::text[],
      ${b.phones}::text[], ${b.contactNames}::text[], ${b.emails}::text[]
    ) as t(id, code, name, type, prefecture_code, postcode, address, phone, contact_name, email)
  `.execute(db);
}

async function insertSurveys(db: Db, b: Batch): Promise<void> {
  if (b.surveyCount === 0) return;
  await sql`
    insert into weekly_surveys
      (institution_id, week_start, created_at, updated_at, stock, consumption, purchases, answered_at)
    select t.institution_id, t.week_start, t.created_at, coalesce(t.answered_at, t.created_at),
           t.stock, t.consumption, t.purchases, t.answered_at
    from unnest(
      ${b.surveyInstitutionIds}::uuid[], ${b.weekStarts}::date[], ${b.createdAts}::timestamptz[],
      ${b.stocks}::integer[], ${b.consumptions}::integer[], ${b.purchases}::integer[],
      ${b.answeredAts}::timestamptz[]
    ) as t(institution_id, week_start, created_at, stock, consumption, purchases, answered_at)
  `.execute(db);
}

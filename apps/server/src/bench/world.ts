import { createWeeklySurveys, finishTargetBatch } from "@sos/api";
import { createSession, DUMMY_PASSWORD_HASH, hashPassword } from "@sos/auth";
import type { Db } from "@sos/db";
import { addDaysYmd, surveyWeekOf } from "@sos/rules";
import { type RawBuilder, sql } from "kysely";
import { seedNational } from "../seed/national";

/**
 * The data the bench works on, written straight into the scratch database:
 * the national data set (reused from `pnpm seed --national`), this week's survey
 * for every institution, one user per institution (all with one password, so a
 * sign-in costs the same argon2id work as any), `targetItems` requests accepted
 * last week and listed on one target batch, the rest of `requests` in review this
 * week, and the vendor registrations of the items whose links are mailed.
 */
export interface BenchWorld {
  weekStart: string;
  institutions: number;
  requests: number;
  reviewing: number;
  batchId: string;
  targetItems: number;
  ministryUserId: string;
  vendorUserId: string;
  /** Items registered with the vendor (照合済み) and not yet mailed, in order. */
  mailItems: string[];
  password: string;
}

export const BENCH_PASSWORD = "bench-Deadline-17:00";
const USERNAME_PREFIX = "bench-";

async function one<T>(db: Db, query: RawBuilder<T>): Promise<T> {
  const { rows } = await query.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error("the bench seed expected a row");
  return row;
}

export async function seedWorld(
  db: Db,
  sizes: { institutions: number; requests: number; targetItems: number; mailItems: number },
  log: (line: string) => void,
): Promise<BenchWorld> {
  const now = new Date();
  const { weekStart } = surveyWeekOf(now);
  const lastWeek = addDaysYmd(weekStart, -7);
  const t = (label: string, started: number) =>
    log(`${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);

  let started = performance.now();
  await seedNational(db, { institutions: sizes.institutions, weeks: 2, log: () => {}, now });
  t(
    `seed national data (${sizes.institutions.toLocaleString("en")} institutions, 2 weeks)`,
    started,
  );
  started = performance.now();
  await createWeeklySurveys(db, { now });
  t("weekly survey job: this week for every institution", started);

  started = performance.now();
  const ministry = await one<{ id: string }>(
    db,
    sql`insert into users (username, display_name, email, role, password_hash)
        values ('bench-ministry', '国 担当', 'ministry@bench.example', 'ministry', ${DUMMY_PASSWORD_HASH})
        returning id`,
  );
  const vendor = await one<{ id: string }>(
    db,
    sql`insert into users (username, display_name, email, role, password_hash)
        values ('bench-vendor', '販売業者 担当', 'vendor@bench.example', 'vendor', ${DUMMY_PASSWORD_HASH})
        returning id`,
  );
  // One argon2id hash for everyone: each sign-in still verifies it in full.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await sql`
    insert into users (username, display_name, email, role, institution_id, password_hash)
    select ${USERNAME_PREFIX} || i.code, i.contact_name, i.email, 'institution', i.id, ${passwordHash}
    from institutions i`.execute(db);
  t("one user per institution", started);

  started = performance.now();
  // Every institution answered last week (the national seed leaves some out).
  await sql`
    insert into weekly_surveys (institution_id, week_start, stock, consumption, purchases, answered_at)
    select i.id, ${lastWeek}::date, 2000, 1000, 400, ${now}::timestamptz from institutions i
    on conflict (institution_id, week_start) do update
      set stock = excluded.stock, consumption = excluded.consumption,
          purchases = excluded.purchases, answered_at = excluded.answered_at
      where weekly_surveys.answered_at is null`.execute(db);
  const reviewing = Math.min(sizes.requests - sizes.targetItems, sizes.institutions);
  await fileRequests(
    db,
    { week: lastWeek, status: "accepted", count: sizes.targetItems },
    ministry.id,
    now,
  );
  await fileRequests(
    db,
    { week: weekStart, status: "reviewing", count: reviewing },
    ministry.id,
    now,
  );
  t(`file requests (${sizes.targetItems} accepted, ${reviewing} in review)`, started);

  started = performance.now();
  const batch = await one<{ id: string }>(
    db,
    sql`insert into target_batches (number, issued_at, issued_by) values (1, ${now}, ${ministry.id})
        returning id`,
  );
  const items = await sql`
    insert into target_items (batch_id, request_id, institution_id, institution_code, name,
      prefecture_code, postcode, address, phone, contact_name, email, limit_sets)
    select ${batch.id}, r.id, i.id, i.code, i.name, i.prefecture_code, i.postcode, i.address,
      i.phone, i.contact_name, i.email, greatest(r.checked_limit_sets, 1)
    from sos_requests r join institutions i on i.id = r.institution_id
    where r.status = 'accepted' and r.week_start = ${lastWeek}`.execute(db);
  const itemCount = Number(items.numAffectedRows ?? 0);
  await sql`update target_batches set item_count = ${itemCount},
      total_sets = (select coalesce(sum(limit_sets), 0) from target_items where batch_id = ${batch.id})
    where id = ${batch.id}`.execute(db);
  // What targetList.issue leaves beside the rows: display forms and the Shift_JIS check.
  await finishTargetBatch(db, batch.id);
  // The vendor's own customer file (source 'import') holds exactly what the list says: 照合済み.
  const mailItems = await sql<{ id: string }>`
    with chosen as (
      select id, institution_code, name, postcode, address, phone, email from target_items
      where batch_id = ${batch.id} order by id limit ${sizes.mailItems}
    ), registered as (
      insert into vendor_registrations (institution_code, facility_name, postcode, address, phone,
        email, payment_method, source)
      select institution_code, name, postcode, address, phone, email, 'bank_transfer', 'import'
      from chosen
    )
    select id from chosen order by id`.execute(db);
  t(`target list (${itemCount} items) and vendor registrations`, started);

  started = performance.now();
  await sql`analyze`.execute(db);
  t("analyze", started);
  return {
    weekStart,
    institutions: sizes.institutions,
    requests: sizes.targetItems + reviewing,
    reviewing,
    batchId: batch.id,
    targetItems: itemCount,
    ministryUserId: ministry.id,
    vendorUserId: vendor.id,
    mailItems: mailItems.rows.map((row) => row.id),
    password: BENCH_PASSWORD,
  };
}

async function fileRequests(
  db: Db,
  what: { week: string; status: "accepted" | "reviewing"; count: number },
  createdBy: string,
  now: Date,
): Promise<void> {
  if (what.count <= 0) return;
  // Institutions in a random order (their ids are random), so every prefecture gets its share.
  await sql`
    insert into sos_requests (institution_id, prefecture_code, week_start, status, review_stage,
      conditions_confirmed, contact_name, survey_id, applied_at, created_by,
      checked_stock, checked_consumption, checked_purchases, checked_limit_sets)
    select i.id, i.prefecture_code, s.week_start, ${what.status},
      ${what.status === "reviewing" ? "prefecture" : null}, true, i.contact_name, s.id,
      ${now}::timestamptz - (random() * interval '6 days'), ${createdBy},
      2000, 1000, 400, 2
    from (select id, prefecture_code, contact_name from institutions order by id limit ${what.count}) i
    join weekly_surveys s on s.institution_id = i.id and s.week_start = ${what.week}::date`.execute(
    db,
  );
}

/**
 * Sessions as the product's own sign-in stores them, one per user. `lastsUntil`
 * asks for the long session of a trusted browser where the product has one
 * (passed through untyped: the option only exists where it does).
 */
export async function sessionsFor(
  db: Db,
  userIds: readonly string[],
  extra: { lastsUntil?: Date } = {},
  concurrency = 8,
): Promise<string[]> {
  const tokens: string[] = new Array(userIds.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < userIds.length; i = next++) {
      const id = userIds[i];
      if (id === undefined) continue;
      const options = { now: new Date(), userAgent: "sos-bench", ...extra };
      tokens[i] = (await createSession(db, id, options)).token;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return tokens;
}

export interface Answerer {
  userId: string;
  username: string;
  surveyId: string;
}

/** Institutions with a user and this week's survey, `count` of them from `offset` on (by code). */
export async function answerers(
  db: Db,
  weekStart: string,
  count: number,
  offset = 0,
): Promise<Answerer[]> {
  const { rows } = await sql<Answerer>`
    select u.id as user_id, u.username::text as username, s.id as survey_id
    from institutions i
    join users u on u.institution_id = i.id
    join weekly_surveys s on s.institution_id = i.id and s.week_start = ${weekStart}::date
    order by i.code
    limit ${count} offset ${offset}`.execute(db);
  return rows;
}

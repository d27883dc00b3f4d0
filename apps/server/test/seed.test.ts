import { checkPasswordPolicy, verifyPassword } from "@sos/auth";
import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { INSTITUTION_TYPES, PREFECTURES } from "@sos/domain";
import { assessEligibility, dayOfWeek, normalizePhone, surveyWeekOf } from "@sos/rules";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSeedArgs, SeedUsageError } from "../src/seed/cli-args";
import {
  DEMO_ACCOUNTS,
  DEMO_ASSOCIATION,
  DEMO_HOSPITAL,
  DEMO_PRODUCT_NAME,
  planDemo,
  type SeedDemoResult,
  seedDemo,
} from "../src/seed/demo";
import { GEOGRAPHY } from "../src/seed/geography";
import { type SeedNationalResult, seedNational } from "../src/seed/national";
import { apportion, Random } from "../src/seed/random";
import { recentSurveyWeeks } from "../src/seed/surveys";

// Thursday 26 November 2026, 12:00 in Tokyo: the survey week opened on Wednesday the 25th.
const NOW = new Date("2026-11-26T03:00:00Z");
const quiet = () => {};

async function count(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? -1;
}

describe("seedDemo on an empty database", () => {
  let t: TestDatabase;
  let result: SeedDemoResult | null;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    result = await seedDemo(t.db, { log: (line) => lines.push(line), now: NOW });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it("returns the demo accounts and reports what it wrote", () => {
    expect(result?.accounts.map((a) => a.username)).toEqual([
      "demo-hospital",
      "demo-tokyo",
      "demo-osaka",
      "demo-ministry",
      "demo-vendor",
      "demo-ishikai",
      "demo-clinic",
      "demo-clinic2",
    ]);
    expect(lines.join("\n")).toMatch(/医療機関 300件/);
  });

  it("writes all 47 prefectures with their JIS codes and names", async () => {
    const rows = await t.db.selectFrom("prefectures").selectAll().orderBy("code").execute();
    expect(rows).toEqual(PREFECTURES.map(({ code, name, nameEn }) => ({ code, name, nameEn })));
  });

  it("spreads a few hundred valid institutions of every kind over every prefecture", async () => {
    const rows = await t.db.selectFrom("institutions").selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(INSTITUTION_TYPES));
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);

    const perPrefecture = new Map<number, number>();
    for (const r of rows)
      perPrefecture.set(r.prefectureCode, (perPrefecture.get(r.prefectureCode) ?? 0) + 1);
    for (const { code } of PREFECTURES)
      expect(perPrefecture.get(code) ?? 0).toBeGreaterThanOrEqual(1);
    const sorted = [...perPrefecture.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(sorted.slice(0, 2)).toEqual([13, 27]);

    for (const r of rows) {
      const prefecture = PREFECTURES[r.prefectureCode - 1];
      expect(r.code).toMatch(/^[0-9]{10}$/);
      expect(r.postcode).toMatch(/^[0-9]{7}$/);
      expect(r.address.startsWith(prefecture?.name ?? "?")).toBe(true);
      // Digits only, and exactly what normalisation keeps: a number a user could have typed.
      expect(normalizePhone(r.phone)).toEqual({ ok: true, value: r.phone });
      expect(r.email).toMatch(/^[a-z]+@[a-z0-9-]+\.example\.jp$/);
      expect(r.contactName).not.toBe("");
    }
  });

  it("creates one account per role with the right scope, and the printed passwords sign in", async () => {
    const users = await t.db
      .selectFrom("users")
      .leftJoin("institutions", "institutions.id", "users.institutionId")
      .select([
        "users.username",
        "users.role",
        "users.prefectureCode",
        "users.passwordHash",
        "institutions.code as institutionCode",
        "institutions.type as institutionType",
        "institutions.prefectureCode as institutionPrefecture",
      ])
      .execute();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    const byName = new Map(users.map((u) => [String(u.username), u]));

    expect(byName.get("demo-hospital")).toMatchObject({
      role: "institution",
      prefectureCode: null,
      institutionCode: DEMO_HOSPITAL.code,
      institutionType: "hospital",
      institutionPrefecture: 13,
    });
    expect(byName.get("demo-tokyo")).toMatchObject({ role: "prefecture", prefectureCode: 13 });
    expect(byName.get("demo-osaka")).toMatchObject({ role: "prefecture", prefectureCode: 27 });
    expect(byName.get("demo-ministry")).toMatchObject({ role: "ministry", prefectureCode: null });
    expect(byName.get("demo-vendor")).toMatchObject({ role: "vendor", prefectureCode: null });
    for (const user of users.filter((u) => u.role !== "institution")) {
      expect(user.institutionCode).toBeNull();
    }

    for (const account of DEMO_ACCOUNTS) {
      const user = byName.get(account.username);
      expect(user?.role).toBe(account.role);
      expect(await verifyPassword(user?.passwordHash ?? "", account.password)).toBe(true);
      expect(await verifyPassword(user?.passwordHash ?? "", `${account.password}x`)).toBe(false);
      expect(checkPasswordPolicy(account.password, { username: account.username }).ok).toBe(true);
      const app = {
        institution: "/institution/",
        prefecture: "/review/",
        ministry: "/review/",
        vendor: "/vendor/",
        delegate: "/institution/",
      };
      expect(account.appPath).toBe(app[account.role]);
    }
  });

  it("seeds the medical association with two Tokyo clinics that authorised it, each by its own user", async () => {
    const grants = await t.db
      .selectFrom("delegations as g")
      .innerJoin("delegateOrganisations as o", "o.id", "g.delegateOrganisationId")
      .innerJoin("institutions as i", "i.id", "g.institutionId")
      .innerJoin("users as u", "u.id", "g.grantedBy")
      .select([
        "o.name",
        "i.type",
        "i.prefectureCode",
        "u.username",
        "u.institutionId",
        "g.institutionId as grantFor",
        "g.revokedAt",
      ])
      .orderBy("u.username")
      .execute();
    expect(grants).toHaveLength(2);
    for (const grant of grants) {
      expect(grant).toMatchObject({
        name: DEMO_ASSOCIATION.name,
        type: "clinic",
        prefectureCode: 13,
        revokedAt: null,
      });
      expect(grant.institutionId).toBe(grant.grantFor);
    }
    expect(grants.map((g) => g.username)).toEqual(["demo-clinic", "demo-clinic2"]);
    const delegate = await t.db
      .selectFrom("users")
      .innerJoin("delegateOrganisations as o", "o.id", "users.delegateOrganisationId")
      .select(["users.role", "o.code"])
      .where("users.username", "=", "demo-ishikai")
      .executeTakeFirstOrThrow();
    expect(delegate).toEqual({ role: "delegate", code: DEMO_ASSOCIATION.code });
  });

  it("writes weekly surveys for three Wednesday weeks, the current one partly unanswered", async () => {
    const rows = await t.db.selectFrom("weeklySurveys").selectAll().execute();
    const weeks = recentSurveyWeeks(NOW, 3);
    expect(weeks.at(-1)?.weekStart).toBe(surveyWeekOf(NOW).weekStart);
    expect([...new Set(rows.map((r) => r.weekStart))].sort()).toEqual(
      weeks.map((w) => w.weekStart),
    );
    for (const r of rows) expect(dayOfWeek(r.weekStart)).toBe(3);

    const institutions = await count(t.db, "institutions");
    const withHistory = new Set(rows.map((r) => r.institutionId)).size;
    expect(withHistory / institutions).toBeGreaterThan(0.8);
    expect(withHistory).toBeLessThan(institutions);

    for (const week of weeks) {
      const inWeek = rows.filter((r) => r.weekStart === week.weekStart);
      const answered = inWeek.filter((r) => r.answeredAt !== null);
      expect(inWeek).toHaveLength(withHistory);
      const share = answered.length / inWeek.length;
      if (week === weeks.at(-1)) {
        expect(share).toBeGreaterThan(0.2);
        expect(share).toBeLessThan(0.8);
      } else {
        expect(share).toBeGreaterThan(0.8);
      }
      for (const r of answered) {
        expect(r.answeredAt?.getTime()).toBeGreaterThanOrEqual(week.opensAt.getTime());
        expect(r.answeredAt?.getTime()).toBeLessThanOrEqual(
          Math.min(week.closesAt.getTime(), NOW.getTime()),
        );
      }
    }
  });

  it("gives answers where about one in five meets stock < (consumption - purchases) x 4", async () => {
    const answered = await t.db
      .selectFrom("weeklySurveys")
      .select(["stock", "consumption", "purchases"])
      .where("answeredAt", "is not", null)
      .execute();
    const eligible = answered.filter(
      (r) =>
        assessEligibility({
          stock: r.stock ?? Number.NaN,
          consumption: r.consumption ?? Number.NaN,
          purchases: r.purchases ?? Number.NaN,
        }).eligible,
    );
    const share = eligible.length / answered.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.25);
  });

  it("leaves the demo hospital's current week open after two answered weeks", async () => {
    const rows = await t.db
      .selectFrom("weeklySurveys")
      .innerJoin("institutions", "institutions.id", "weeklySurveys.institutionId")
      .leftJoin("users", "users.id", "weeklySurveys.answeredBy")
      .select(["weeklySurveys.weekStart", "weeklySurveys.answeredAt", "users.username"])
      .where("institutions.code", "=", DEMO_HOSPITAL.code)
      .orderBy("weeklySurveys.weekStart")
      .execute();
    expect(rows.map((r) => [r.answeredAt !== null, r.username])).toEqual([
      [true, "demo-hospital"],
      [true, "demo-hospital"],
      [false, null],
    ]);
  });

  it("stocks the nitrile glove in five sizes, counted in sets", async () => {
    const sizes = await t.db
      .selectFrom("productSizes")
      .innerJoin("products", "products.id", "productSizes.productId")
      .select(["products.name", "productSizes.size", "productSizes.stockSets"])
      .orderBy("productSizes.sortOrder")
      .execute();
    expect(sizes.map((s) => s.size)).toEqual(["SS", "S", "M", "L", "LL"]);
    for (const s of sizes) {
      expect(s.name).toBe(DEMO_PRODUCT_NAME);
      expect(s.stockSets).toBeGreaterThan(0);
    }
  });

  it("creates no SOS requests", async () => {
    expect(await count(t.db, "sos_requests")).toBe(0);
  });

  it("does nothing the second time", async () => {
    const tables = [
      "prefectures",
      "institutions",
      "users",
      "weekly_surveys",
      "products",
      "product_sizes",
    ];
    const before = await Promise.all(tables.map((table) => count(t.db, table)));
    const log: string[] = [];
    expect(await seedDemo(t.db, { log: (line) => log.push(line), now: NOW })).toBeNull();
    expect(await Promise.all(tables.map((table) => count(t.db, table)))).toEqual(before);
    expect(log.join("\n")).toMatch(/既にデータがある/);
  });
});

describe("planDemo", () => {
  it("is the same data on every run for the same clock", () => {
    const a = planDemo(NOW);
    const b = planDemo(NOW);
    expect(a.institutions).toEqual(b.institutions);
    expect([...a.surveys]).toEqual([...b.surveys]);
    expect(a.institutions.filter((i) => i.code === DEMO_HOSPITAL.code)).toEqual([DEMO_HOSPITAL]);
  });

  it("never dates an answer after the clock, even right after a week opens", () => {
    const justOpened = new Date(surveyWeekOf(NOW).opensAt.getTime() + 60_000);
    const plan = planDemo(justOpened);
    for (const history of plan.surveys.values()) {
      for (const survey of history) {
        if (survey.answer)
          expect(survey.answer.answeredAt.getTime()).toBeLessThanOrEqual(justOpened.getTime());
      }
    }
  });
});

describe("the demo on any day pnpm start is run", () => {
  /** What a newcomer must see whenever they start the demo: this week open, nothing from the future. */
  function expectSensibleAt(now: Date): void {
    const plan = planDemo(now);
    const current = plan.weeks.at(-1);
    expect(current?.weekStart).toBe(surveyWeekOf(now).weekStart);
    for (const [earlier, later] of plan.weeks.slice(0, -1).map((w, i) => [w, plan.weeks[i + 1]])) {
      expect(earlier?.closesAt.getTime()).toBe(later?.opensAt.getTime());
    }
    for (const history of plan.surveys.values()) {
      expect(history.map((survey) => survey.weekStart)).toEqual(
        plan.weeks.map((week) => week.weekStart),
      );
      for (const survey of history) {
        expect(survey.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
        if (survey.answer)
          expect(survey.answer.answeredAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    // The demo starts by answering this week's survey: the hospital's is open, last week's done.
    const hospital = plan.surveys.get(DEMO_HOSPITAL.code) ?? [];
    expect(hospital.at(-1)?.answer).toBeNull();
    expect(hospital.at(-2)?.answer).not.toBeNull();
  }

  it("at each hour around the weekly boundaries and the year-end closure", () => {
    const instants = [
      "2026-12-09T17:00:00+09:00",
      "2026-12-09T18:34:59+09:00",
      "2026-12-09T18:35:00+09:00",
      "2026-12-30T17:01:00+09:00",
      "2027-01-01T00:00:00+09:00",
      "2028-02-29T12:00:00+09:00",
    ].map((iso) => new Date(iso));
    for (let hour = 0; hour < 2 * 7 * 24; hour += 5) {
      instants.push(new Date(NOW.getTime() + hour * 3_600_000));
    }
    for (const now of instants) expectSensibleAt(now);
  });

  it("on any day, years ahead", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (now) => expectSensibleAt(now),
      ),
      { numRuns: 40 },
    );
  });
});

describe("seedNational", () => {
  let t: TestDatabase;
  let result: SeedNationalResult | null;

  beforeAll(async () => {
    t = await createTestDatabase();
    result = await seedNational(t.db, { institutions: 3_000, weeks: 2, log: quiet, now: NOW });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it("writes exactly the requested institutions with unique codes over all prefectures", async () => {
    expect(result?.institutions).toBe(3_000);
    expect(await count(t.db, "prefectures")).toBe(47);
    const { rows } = await sql<{ n: number; codes: number; prefectures: number; types: number }>`
      select count(*)::int as n, count(distinct code)::int as codes,
             count(distinct prefecture_code)::int as prefectures, count(distinct type)::int as types
      from institutions
    `.execute(t.db);
    expect(rows[0]).toEqual({ n: 3_000, codes: 3_000, prefectures: 47, types: 5 });
    const top = await t.db
      .selectFrom("institutions")
      .select(["prefectureCode", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("prefectureCode")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirst();
    expect(top?.prefectureCode).toBe(13);
  });

  it("writes two weeks of surveys matching its report", async () => {
    const weeks = recentSurveyWeeks(NOW, 2).map((w) => w.weekStart);
    // CamelCasePlugin maps raw result columns too: week_start arrives as weekStart.
    const { rows } = await sql<{ weekStart: string; n: number; answered: number }>`
      select week_start, count(*)::int as n, count(answered_at)::int as answered
      from weekly_surveys group by week_start order by week_start
    `.execute(t.db);
    expect(rows.map((r) => r.weekStart)).toEqual(weeks);
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(result?.surveys);
    expect(rows.reduce((sum, r) => sum + r.answered, 0)).toBe(result?.answeredSurveys);
    for (const r of rows) {
      expect(r.n).toBeGreaterThan(3_000 * 0.9);
      expect(r.n).toBeLessThanOrEqual(3_000);
    }
    const [past, current] = rows;
    expect((past?.answered ?? 0) / (past?.n ?? 1)).toBeGreaterThan(0.8);
    expect((current?.answered ?? 0) / (current?.n ?? 1)).toBeLessThan(0.6);
  });

  it("keeps every row within the schema's rules", async () => {
    const { rows } = await sql<{ bad: number }>`
      select count(*)::int as bad from institutions
      where phone !~ '^0[0-9]{9,10}$' or postcode !~ '^[0-9]{7}$'
         or address not like (select name from prefectures p where p.code = prefecture_code) || '%'
    `.execute(t.db);
    expect(rows[0]?.bad).toBe(0);
  });

  it("refuses to run twice, and the demo seed refuses a database that has data", async () => {
    expect(
      await seedNational(t.db, { institutions: 3_000, weeks: 2, log: quiet, now: NOW }),
    ).toBeNull();
    expect(await count(t.db, "institutions")).toBe(3_000);
    expect(await seedDemo(t.db, { log: quiet, now: NOW })).toBeNull();
    expect(await count(t.db, "users")).toBe(0);
  });

  it("rejects impossible sizes before touching the database", async () => {
    await expect(seedNational(t.db, { institutions: 10, log: quiet })).rejects.toThrow(RangeError);
    await expect(seedNational(t.db, { institutions: 100, weeks: 0, log: quiet })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("demo and national data together", () => {
  let t: TestDatabase;
  afterAll(async () => {
    await t?.destroy();
  });

  it("fit in one database without code collisions", async () => {
    t = await createTestDatabase();
    expect(await seedDemo(t.db, { log: quiet, now: NOW })).not.toBeNull();
    const national = await seedNational(t.db, {
      institutions: 500,
      weeks: 1,
      log: quiet,
      now: NOW,
    });
    expect(national?.institutions).toBe(500);
    expect(await count(t.db, "institutions")).toBe(800);
  });
});

describe("seed helpers", () => {
  it("apportions exactly, honouring the minimum", () => {
    const parts = apportion(
      300,
      GEOGRAPHY.map((g) => g.populationThousands),
      3,
    );
    expect(parts.reduce((a, b) => a + b, 0)).toBe(300);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(3);
    expect(apportion(10, [1, 0, 9], 2)).toEqual([2, 2, 6]);
    expect(() =>
      apportion(
        100,
        GEOGRAPHY.map(() => 1),
        3,
      ),
    ).toThrow(RangeError);
  });

  it("has geography for every prefecture in JIS order", () => {
    expect(GEOGRAPHY.map((g) => g.code)).toEqual(PREFECTURES.map((p) => p.code));
    for (const g of GEOGRAPHY) {
      for (const city of g.cities) {
        expect(city.postcodePrefix).toMatch(/^[0-9]{3}$/);
        expect(city.areaCode).toMatch(/^0[1-9][0-9]{0,3}$/);
      }
    }
  });

  it("draws the same sequence from the same seed", () => {
    const a = new Random("x");
    const b = new Random("x");
    const c = new Random("y");
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });
});

describe("parseSeedArgs", () => {
  it("seeds the demo by default", () => {
    expect(parseSeedArgs([])).toEqual({ demo: true, national: null });
    expect(parseSeedArgs(["--demo"])).toEqual({ demo: true, national: null });
  });

  it("reads the national options, with or without pnpm's -- separator", () => {
    expect(parseSeedArgs(["--national"])).toEqual({
      demo: false,
      national: { institutions: 180_000, weeks: 4 },
    });
    expect(parseSeedArgs(["--", "--national", "--institutions", "5,000", "--weeks", "2"])).toEqual({
      demo: false,
      national: { institutions: 5_000, weeks: 2 },
    });
    expect(parseSeedArgs(["--demo", "--national"])).toMatchObject({ demo: true });
    expect(parseSeedArgs(["-h"])).toBe("help");
  });

  it("rejects options that make no sense", () => {
    expect(() => parseSeedArgs(["--weeks", "2"])).toThrow(SeedUsageError);
    expect(() => parseSeedArgs(["--national", "--institutions", "lots"])).toThrow(SeedUsageError);
    expect(() => parseSeedArgs(["--national", "--weeks", "0"])).toThrow(SeedUsageError);
    expect(() => parseSeedArgs(["--nationwide"])).toThrow(SeedUsageError);
  });
});

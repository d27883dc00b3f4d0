import { createDb, type Db } from "@sos/db";
import {
  buildQueueStatements,
  PREFECTURE_REVIEW_STATES,
  QUEUE_SORTS,
  queueStatements,
  REVIEWER_STATUSES,
} from "@sos/db/repositories/review-queue";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { INSTITUTION_TYPES } from "@sos/domain";
import { REVIEW_STAGES } from "@sos/rules";
import fc from "fast-check";
import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { QueueQuery } from "../src/schemas/review";
import { queueFilterOf } from "../src/services/review";
import { type Caller, callerAs } from "./fixtures/institution-world";
import {
  addInstitution,
  createReviewWorld,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
} from "./fixtures/review-world";

// The review queue sorted by institution name at national scale: the sort key
// lives on sos_requests (migration 0011) so an index serves the page, the count
// joins nothing it does not filter on, and the page's rows come from one
// statement whose text never changes.

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
/** Every statement the counted pool ran, with its parameters. */
let statements: { sql: string; parameters: readonly unknown[] }[] = [];
let counted: Db;
let ministry: Caller;
let tokyo: Caller;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  counted = createDb(tdb.url, {
    max: 4,
    log: (event) => {
      if (event.level === "query") statements.push(event.query);
    },
  });
  const [officer] = world.tokyoOfficers;
  if (officer === undefined) throw new Error("the world has Tokyo officers");
  ministry = await callerAs(counted, world.ministry.user, world.clock);
  tokyo = await callerAs(counted, officer.user, world.clock);
});

afterAll(async () => {
  await counted.destroy();
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
  statements = [];
});

async function rename(institutionId: string, name: string) {
  await db.updateTable("institutions").set({ name }).where("id", "=", institutionId).execute();
}

/** Three Tokyo requests: a (さくら総合病院), and b and c of two institutions both named あおば薬局. */
async function fileThree(): Promise<{ a: FiledRequest; b: FiledRequest; c: FiledRequest }> {
  const other = await addInstitution(db, 13);
  await rename(world.a.institutionId, "さくら総合病院");
  await rename(world.b.institutionId, "あおば薬局");
  const a = await fileRequest(db, world.clock, world.a);
  const b = await fileRequest(db, world.clock, world.b);
  const c = await fileRequest(db, world.clock, other);
  await rename(c.institutionId, "あおば薬局");
  return { a, b, c };
}

const byName = { sort: "institutionName" } as const;

async function ids(caller: Caller, input: Parameters<Caller["review"]["queue"]>[0]) {
  return (await caller.review.queue(input)).items.map((row) => row.id);
}

describe("review.queue by institution name", () => {
  it("follows the institutions' current names, breaks ties by request id, both ways, in pages", async () => {
    const { a, b, c } = await fileThree();
    const [tieFirst, tieSecond] = [b.id, c.id].sort();
    expect(await ids(ministry, { ...byName, dir: "asc" })).toEqual([tieFirst, tieSecond, a.id]);
    expect(await ids(ministry, { ...byName, dir: "desc" })).toEqual([a.id, tieSecond, tieFirst]);

    // A rename after filing moves the request: ああ sorts before あお.
    await rename(a.institutionId, "ああ医院");
    const ascending = await ids(tokyo, { ...byName, dir: "asc" });
    expect(ascending).toEqual([a.id, tieFirst, tieSecond]);
    for (const dir of ["asc", "desc"] as const) {
      const pages: string[] = [];
      for (const page of [1, 2, 3, 4]) {
        pages.push(...(await ids(tokyo, { ...byName, dir, page, pageSize: 1 })));
      }
      expect(pages).toEqual(dir === "asc" ? ascending : [...ascending].reverse());
    }
  });

  it("counts and pages on sos_requests alone; the rows come from one fixed statement", async () => {
    const { a, b, c } = await fileThree();
    const runs: { count: string; page: string; rows: { sql: string; ids: unknown } }[] = [];
    for (const input of [
      { ...byName, pageSize: 2 },
      { ...byName, pageSize: 2, page: 2 },
      { ...byName, status: "all" as const, dir: "desc" as const },
    ]) {
      statements = [];
      const answer = await ministry.review.queue(input);
      const find = (pattern: RegExp) => {
        const found = statements.filter((statement) => pattern.test(statement.sql));
        expect(found).toHaveLength(1);
        return found[0] ?? { sql: "", parameters: [] };
      };
      const rows = find(/unnest/);
      runs.push({
        count: find(/count\(\*\)/).sql,
        page: find(/order by r\.institution_name/).sql,
        rows: { sql: rows.sql, ids: rows.parameters[0] },
      });
      expect(rows.parameters[0]).toEqual(answer.items.map((row) => row.id));
      expect(answer.total).toBe(3);
    }
    for (const run of runs) {
      expect(run.count).not.toMatch(/institutions|join/);
      expect(run.page).not.toMatch(/institutions|join/);
      expect(run.rows.sql).toBe(runs[0]?.rows.sql);
    }
    expect(runs.map((run) => run.rows.ids)).toEqual([
      [b.id, c.id].sort(),
      [a.id],
      [a.id, ...[b.id, c.id].sort().reverse()],
    ]);

    // A name filter still needs the institutions, and counts through them.
    statements = [];
    const found = await ministry.review.queue({ ...byName, search: "あおば" });
    expect(found.total).toBe(2);
    expect(statements.find((s) => /count\(\*\)/.test(s.sql))?.sql).toMatch(/join "institutions"/);
  });

  it("reads the page in index order, with no sort step, nationwide and in one prefecture, both ways", async () => {
    await fileThree();
    for (const [caller, dir] of [
      [ministry, "asc"],
      [ministry, "desc"],
      [tokyo, "asc"],
      [tokyo, "desc"],
    ] as const) {
      statements = [];
      await caller.review.queue({ ...byName, dir });
      const page = statements.find((s) => /order by r\.institution_name/.test(s.sql));
      if (page === undefined) throw new Error("no page statement");
      const plan = await db.transaction().execute(async (trx) => {
        // On three rows a sort is cheaper than any index; with sorting priced
        // out, the planner sorts only when no index gives the order.
        await trx.executeQuery(CompiledQuery.raw("set local enable_sort = off"));
        const explained = await trx.executeQuery<{ "QUERY PLAN": unknown }>(
          CompiledQuery.raw(`explain (format json) ${page.sql}`, [...page.parameters]),
        );
        return JSON.stringify(explained.rows[0]);
      });
      expect(plan).toMatch(/sos_requests_(prefecture_)?name_idx/);
      expect(plan).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    }
  });
});

describe("the queue's count and page statements", () => {
  const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
  const day = fc
    .integer({ min: 0, max: 400 })
    .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const anyQuery: fc.Arbitrary<QueueQuery> = fc.record({
    status: fc.constantFrom(...REVIEWER_STATUSES, "all" as const),
    stage: orNull(fc.constantFrom(...REVIEW_STAGES)),
    institutionType: orNull(fc.constantFrom(...INSTITUTION_TYPES)),
    filedFrom: orNull(day),
    filedTo: orNull(day),
    late: orNull(fc.boolean()),
    prefectureCode: orNull(fc.integer({ min: 1, max: 47 })),
    reviewState: orNull(fc.constantFrom(...PREFECTURE_REVIEW_STATES)),
    search: orNull(fc.string({ unit: fc.constantFrom(..."あ1%_\\x"), maxLength: 4 })),
    sort: fc.constantFrom(...QUEUE_SORTS),
    dir: fc.constantFrom("asc" as const, "desc" as const),
    page: fc.integer({ min: 1, max: 9 }),
    pageSize: fc.integer({ min: 1, max: 100 }),
  });
  const anyScope = fc.oneof(
    fc.constant({ kind: "ministry" as const }),
    fc.integer({ min: 1, max: 47 }).map((code) => ({ kind: "prefecture" as const, code })),
  );

  it("compiled once per shape, they bind exactly what building the query afresh gives", () => {
    fc.assert(
      fc.property(anyQuery, anyScope, (query, scope) => {
        const saved = queueStatements(db, queueFilterOf(query), scope);
        const built = buildQueueStatements(db, queueFilterOf(query), scope);
        expect([saved.count.sql, saved.count.parameters]).toEqual([
          built.count.sql,
          built.count.parameters,
        ]);
        expect([saved.page.sql, saved.page.parameters]).toEqual([
          built.page.sql,
          built.page.parameters,
        ]);
      }),
      { numRuns: 500 },
    );
  });
});

import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createTestUser,
  insertTestPrefectures,
  signedInContext,
  type TestUser,
} from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { type Caller, type TestClock, testClock } from "./fixtures/institution-world";
import { handOver, mailsOfKind, registerAsListed } from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let vendor: TestUser;
let colleague: TestUser;
let ministry: TestUser;
let clock: TestClock;
let institutionIds: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertTestPrefectures(db);
  vendor = await createTestUser(db, "vendor");
  colleague = await createTestUser(db, "vendor");
  ministry = await createTestUser(db, "ministry");
  const codes = Array.from({ length: 120 }, (_, i) => String(1_310_000_000 + i));
  const rows = await sql<{ id: string }>`
    insert into institutions (code, name, type, prefecture_code, postcode, address, phone, email)
    select code, '医療法人 第' || code || '病院', 'hospital', 13, '1000001',
      '東京都千代田区千代田1-' || right(code, 3), '0312345678', 'clinic-' || code || '@example.jp'
    from unnest(${codes}::text[]) as u(code)
    order by code
    returning id`.execute(db);
  institutionIds = rows.rows.map((row) => row.id);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  await sql`delete from graphile_worker._private_jobs`.execute(db);
  clock = testClock("2026-12-04 10:00:00");
});

async function callerFor(user: TestUser, on: Db = db): Promise<Caller> {
  return createTestCaller(await signedInContext(on, user.user, { now: () => clock.now }));
}

/** `count` institutions on one list, each registered exactly as listed (照合済み). */
async function matchedList(count: number, from = 0): Promise<string> {
  const chosen = institutionIds.slice(from, from + count);
  const batch = await handOver(
    db,
    ministry.user.id,
    chosen.map((institutionId) => ({ institutionId, limitSets: 2 })),
  );
  for (const institutionId of chosen) await registerAsListed(db, institutionId);
  return batch.batchId;
}

describe("a purchase-link run, set-based", () => {
  it("writes its items in chunks: the statements do not grow with the items, one batch job per chunk", async () => {
    let statements = 0;
    const counted = createDb(tdb.url, {
      max: 2,
      log: (event) => {
        if (event.level === "query") statements += 1;
      },
    });
    try {
      const runs: number[] = [];
      for (const [count, from] of [
        [30, 0],
        [60, 30],
      ] as const) {
        const batchId = await matchedList(count, from);
        const before = statements;
        const progress = await (await callerFor(vendor, counted)).vendorPortal.sendPurchaseLinks({
          batchId,
        });
        expect(progress).toMatchObject({ total: count, sent: count, finished: true });
        runs.push(statements - before);
      }
      // 30 and 60 items both take two chunks (25, then the rest): the same statements.
      expect(runs[1]).toBe(runs[0]);
      expect(runs[0]).toBeLessThan(60);
    } finally {
      await counted.destroy();
    }
    const jobs = await sql<{ payload: { mailId: string }[] }>`
      select j.payload from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'send_mail' order by j.id`.execute(db);
    expect(jobs.rows.map((job) => job.payload.length)).toEqual([25, 5, 25, 35]);
    const mails = await mailsOfKind(db, "purchase_link");
    expect(mails).toHaveLength(90);
    expect(new Set(jobs.rows.flatMap((job) => job.payload.map((p) => p.mailId)))).toEqual(
      new Set(mails.map((mail) => mail.id)),
    );
    // every item's send is audited on its own, as before
    const audited = await db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("action", "=", "purchase_link.send")
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(90);
  });

  it("mails each of many items once when two runs and one run twice go at once", async () => {
    const batchId = await matchedList(120);
    const runId = randomUUID();
    const mine = await callerFor(vendor);
    const theirs = await callerFor(colleague);
    const [a, b, c] = await Promise.all([
      mine.vendorPortal.sendPurchaseLinks({ batchId, runId }),
      mine.vendorPortal.sendPurchaseLinks({ batchId, runId }),
      theirs.vendorPortal.sendPurchaseLinks({ batchId }),
    ]);
    // the same run shares its items; the other run finds them sent, or sends the ones it got first
    expect(a).toEqual(b);
    expect(a.done).toBe(120);
    expect(c.done).toBe(120);
    expect(a.sent + c.sent).toBe(120);
    expect(c.skipped).toBe(a.sent);
    const mails = await mailsOfKind(db, "purchase_link");
    expect(mails).toHaveLength(120);
    expect(new Set(mails.map((mail) => mail.toAddress)).size).toBe(120);
    const live = await sql<{ n: number }>`
      select count(*)::int as n from purchase_links where revoked_at is null`.execute(db);
    expect(live.rows[0]?.n).toBe(120);
  });

  it("resumes an interrupted run with the same id without mailing anyone again", async () => {
    const batchId = await matchedList(40);
    const runId = randomUUID();
    const caller = await callerFor(vendor);
    const first = await caller.vendorPortal.sendPurchaseLinks({ batchId, runId });
    expect(first.sent).toBe(40);
    // as if the server had stopped after the first chunk: the rest back to pending
    await sql`
      update purchase_link_run_items set state = 'pending', purchase_link_id = null, done_at = null
      where run_id = ${runId} and target_item_id in (
        select target_item_id from purchase_link_run_items where run_id = ${runId}
        order by target_item_id offset 25)`.execute(db);
    await sql`update purchase_link_runs set finished_at = null where id = ${runId}`.execute(db);
    const resumed = await caller.vendorPortal.sendPurchaseLinks({ batchId, runId });
    expect(resumed).toMatchObject({ total: 40, done: 40, sent: 25, finished: true });
    expect(resumed.skippedByReason).toEqual([
      { reason: "already_sent", label: expect.any(String), count: 15 },
    ]);
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(40);
  });
});

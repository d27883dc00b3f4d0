import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runInvitationBatch, startBulkInvitation } from "../src/services/invitations";
import { createTestUser, insertAllPrefectures, TEST_API_CONFIG } from "../src/testing";

// The whole register (about 180,000) is invited in one action. This invites
// 20,000 by default (INVITATION_SIZE_ROWS=180000 for the full size) in batches of
// 500, as the job does but back to back (no pace), and prints the time rather
// than asserting it.

const ROWS = Number(process.env.INVITATION_SIZE_ROWS ?? 20_000);

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertAllPrefectures(db);
  await sql`
    insert into institutions (code, name, type, prefecture_code, postcode, address, phone, email)
    select lpad((1000000000 + n)::text, 10, '0'), '医療機関' || n, 'clinic', 1 + n % 47, '1000001',
      'テスト市' || n || '番地', '03' || (10000000 + n), 'm' || n || '@example.jp'
    from generate_series(1, ${ROWS}) as n`.execute(db);
}, 120_000);

afterAll(async () => {
  await tdb.destroy();
});

it(`invites ${ROWS} institutions in one action, 500 per batch`, { timeout: 900_000 }, async () => {
  const ministry = await createTestUser(db, "ministry");
  const now = new Date("2026-12-07T01:00:00Z");
  const started = performance.now();
  const progress = await startBulkInvitation(db, {
    actor: { user: ministry.user, ip: null },
    now,
    config: { ...TEST_API_CONFIG, invitations: { batchSize: 500, paceSeconds: 0 } },
    prefectureCode: null,
  });
  const action = performance.now() - started;
  expect(progress.run?.total).toBe(ROWS);
  let batches = 0;
  for (;;) {
    const outcome = await runInvitationBatch(db, progress.run?.id ?? "", { now, schedule: false });
    if (outcome.finished) break;
    batches += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = await sql<{ invitations: number; mails: number }>`
    select (select count(*)::int from invitations) as invitations,
      (select count(*)::int from mail_outbox where kind = 'invitation') as mails`.execute(db);
  expect(counts.rows[0]).toEqual({ invitations: ROWS, mails: ROWS });
  console.log(
    `bulk invitation ${ROWS} institutions: action ${action.toFixed(0)} ms, ${batches} batches written in ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds)} /s; 180,000 ≈ ${((180_000 / ROWS) * seconds).toFixed(0)} s of writing, the rest is the configured pace)`,
  );
});

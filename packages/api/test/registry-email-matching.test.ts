import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { importRegistry } from "../src/services/registry";
import { callerFor, createTestUser, insertAllPrefectures, type TestUser } from "../src/testing";
import { handOver, mailsOfKind, registerAsListed } from "./fixtures/vendor-world";

// Issue 15 item 5 with issue 12's rules: the registry's address is the one the
// vendor's 照合 trusts. A registration confirmed at the address the registry held
// when the list was issued is no longer 照合済み once an import changes that
// address: it is 要確認 (email_differs), and no run sends it a purchase link.

let tdb: TestDatabase;
let db: Db;
let ministry: TestUser;
let vendor: TestUser;

const NOW = new Date("2026-12-07T01:00:00Z");
const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";
const ROW = (email: string) =>
  `1310000001,東京中央病院,病院,東京都,100-0001,千代田区千代田1-1,03-1234-5678,${email}`;

function csv(row: string): Uint8Array {
  return new TextEncoder().encode(`${HEADER}\r\n${row}\r\n`);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertAllPrefectures(db);
  ministry = await createTestUser(db, "ministry");
  vendor = await createTestUser(db, "vendor");
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
});

async function itemMatch(batchId: string) {
  const { caller } = await callerFor(db, vendor.user, { now: () => NOW });
  const batch = await caller.vendorPortal.batch({ batchId });
  return { caller, item: batch.items[0] };
}

it("a registration confirmed at the old address turns 要確認 when the registry's address changes, and back to 照合済み when it matches again", async () => {
  await importRegistry(db, csv(ROW("old@example.jp")), { apply: true });
  const institution = await db
    .selectFrom("institutions")
    .select("id")
    .where("code", "=", "1310000001")
    .executeTakeFirstOrThrow();
  const batch = await handOver(db, ministry.user.id, [
    { institutionId: institution.id, limitSets: 2 },
  ]);
  // Confirmed through the link mailed to the registry's address at the time.
  await registerAsListed(db, institution.id);

  const before = await itemMatch(batch.batchId);
  expect(before.item?.match).toMatchObject({ status: "matched", label: "照合済み" });

  await importRegistry(db, csv(ROW("new@example.jp")), {
    apply: true,
    mailFrom: "noreply@sos-supply.example",
  });
  const after = await itemMatch(batch.batchId);
  expect(after.item?.match).toMatchObject({
    status: "needs_check",
    label: "要確認",
    reasons: [{ reason: "email_differs" }],
  });
  const run = await after.caller.vendorPortal.sendPurchaseLinks({
    batchId: batch.batchId,
    itemIds: [batch.items[0]?.id ?? ""],
    allowMismatched: true,
  });
  expect(run).toMatchObject({ sent: 0, skipped: 1 });
  expect(await mailsOfKind(db, "purchase_link")).toHaveLength(0);

  // Once the registration is under the registry's new address, 照合済み again.
  await db
    .updateTable("vendorRegistrations")
    .set({ email: "new@example.jp" })
    .where("institutionCode", "=", "1310000001")
    .execute();
  expect((await itemMatch(batch.batchId)).item?.match).toMatchObject({ status: "matched" });
});

import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../src/testing";
import {
  type Caller,
  callerAs,
  createInstitutionWorld,
  type InstitutionWorld,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import {
  type HandedOver,
  handOver,
  mailsOfKind,
  putProduct,
  registerAsListed,
} from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let vendor: Caller;
/** Handed over and registered exactly as listed. */
let matched: TestUser;
/** Handed over, registered with differently written but equal details. */
let writtenDifferently: TestUser;
/** Handed over, registered with another phone number and address. */
let mismatched: TestUser;
/** Handed over, never registered. */
let unregistered: TestUser;
/** Registered with the vendor but never handed over. */
let neverHandedOver: TestUser;
let batch: HandedOver;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-04 10:00:00");
  vendor = await callerAs(db, world.vendor.user, clock);
  matched = world.a;
  writtenDifferently = world.b;
  mismatched = world.osaka;
  unregistered = await createTestUser(db, "institution", { prefectureCode: 27 });
  neverHandedOver = await createTestUser(db, "institution", { prefectureCode: 13 });
  await db
    .updateTable("institutions")
    .set({
      name: "医療法人　秘密会　ひみつ病院",
      email: "secret-hospital@example.jp",
      code: "1399999999",
    })
    .where("id", "=", neverHandedOver.user.institutionId as string)
    .execute();
  await putProduct(db, { S: 10, M: 10 });

  batch = await handOver(db, world.ministry.user.id, [
    { institutionId: matched.user.institutionId as string, limitSets: 2 },
    {
      institutionId: writtenDifferently.user.institutionId as string,
      limitSets: 3,
      snapshot: {
        address: "東京都千代田区霞が関一丁目２番２号",
        name: "医療法人ＡＢＣ会　さくら病院",
      },
    },
    { institutionId: mismatched.user.institutionId as string, limitSets: 1 },
    {
      institutionId: unregistered.user.institutionId as string,
      limitSets: 4,
      snapshot: { contactName: "山田　花子", email: "yamada@unregistered.example.jp" },
    },
  ]);
  await registerAsListed(db, matched.user.institutionId as string);
  await registerAsListed(db, writtenDifferently.user.institutionId as string, {
    facilityName: "医療法人ABC会 さくら病院",
    address: "千代田区霞が関1-2-2",
  });
  await registerAsListed(db, mismatched.user.institutionId as string, {
    phone: "0669999999",
    address: "大阪府大阪市北区梅田9-9-9",
  });
  await registerAsListed(db, neverHandedOver.user.institutionId as string);
});

afterAll(async () => {
  await tdb.destroy();
});

function itemOf(detail: Awaited<ReturnType<Caller["vendorPortal"]["batch"]>>, user: TestUser) {
  const item = detail.items.find((i) => i.institutionCode === codeOf(user));
  if (item === undefined) throw new Error("item missing");
  return item;
}

function codeOf(user: TestUser): string {
  const found = batch.items.find((i) => i.institutionId === user.user.institutionId);
  if (found === undefined) throw new Error("not on the batch");
  return found.institutionCode;
}

describe("matching the list with registrations", () => {
  it("classifies each item and shows both sides", async () => {
    const detail = await vendor.vendorPortal.batch({ batchId: batch.batchId });
    expect(detail.items).toHaveLength(4);
    expect(detail.latestRun).toBeNull();

    expect(itemOf(detail, matched).match).toEqual({
      status: "matched",
      label: "照合済み",
      differences: [],
      reasons: [],
    });
    // 全角/半角, spaces, 「一丁目２番２号」 vs 「1-2-2」 and the prefecture do not make a difference
    expect(itemOf(detail, writtenDifferently).match.status).toBe("matched");

    const different = itemOf(detail, mismatched);
    expect(different.match).toEqual({
      status: "mismatched",
      label: "登録内容不一致",
      differences: ["phone", "address"],
      reasons: [],
    });
    expect(different.ministry.phone).not.toBe(different.registration?.phone);
    expect(different.registration).toMatchObject({
      phone: "0669999999",
      address: "大阪府大阪市北区梅田9-9-9",
    });

    const missing = itemOf(detail, unregistered);
    expect(missing.match).toEqual({
      status: "not_registered",
      label: "未登録",
      differences: [],
      reasons: [],
    });
    expect(missing.registration).toBeNull();
    expect(missing.ministry).toMatchObject({
      contactName: "山田　花子",
      email: "yamada@unregistered.example.jp",
    });
    expect(missing.limitPieces).toBe(4000);
    expect(missing.prefectureName).toBe("大阪府");
    expect(missing.link).toEqual({
      state: "none",
      label: "未送信",
      sendCount: 0,
      lastSentAt: null,
      expiresAt: null,
      resendTo: null,
    });
    expect(missing.order).toBeNull();
  });

  it("filters by match status and search", async () => {
    const onlyMissing = await vendor.vendorPortal.batch({
      batchId: batch.batchId,
      status: "not_registered",
    });
    expect(onlyMissing.items.map((i) => i.institutionCode)).toEqual([codeOf(unregistered)]);
    const byName = await vendor.vendorPortal.batch({ batchId: batch.batchId, search: "ABC会" });
    expect(byName.items.map((i) => i.institutionCode)).toEqual([codeOf(writtenDifferently)]);
    const byCode = await vendor.vendorPortal.batch({
      batchId: batch.batchId,
      search: codeOf(matched).slice(0, 10),
    });
    expect(byCode.items).toHaveLength(1);
    // the counts stay those of the whole batch
    expect(onlyMissing.itemCount).toBe(4);
  });

  it("counts the batch in the list of batches", async () => {
    const [summary] = await vendor.vendorPortal.batches();
    expect(summary).toMatchObject({
      id: batch.batchId,
      number: batch.number,
      itemCount: 4,
      totalSets: 10,
      totalPieces: 10_000,
      matched: 2,
      notRegistered: 1,
      mismatched: 1,
      needsCheck: 0,
      unconfirmed: 0,
      linksSent: 0,
      ordered: 0,
    });
  });

  it("normalises names and addresses in the database the same way for list and counts", async () => {
    const result = await sql<{ a: string; b: string; c: string }>`
      select vendor_match_address('東京都千代田区霞が関一丁目２番２号') as a,
        vendor_match_address('千代田区霞が関 1－2－2') as b,
        vendor_match_text('ｻｸﾗ　Clinic') as c`.execute(db);
    expect(result.rows[0]).toEqual({
      a: "千代田区霞が関1-2-2",
      b: "千代田区霞が関1-2-2",
      c: "サクラclinic",
    });
  });
});

describe("reminding institutions that have not registered", () => {
  it("mails the ministry's address of the not-registered items only, records it, and does not repeat on a double click", async () => {
    const result = await vendor.vendorPortal.remindUnregistered({ batchId: batch.batchId });
    expect(result).toEqual({ sent: 1, skippedRecent: 0, notRegistered: 1 });
    const mails = await mailsOfKind(db, "vendor_registration_reminder");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: "yamada@unregistered.example.jp",
      fromAddress: "shop@vendor.sos-supply.example",
    });
    expect(mails[0]?.textBody).toContain("山田　花子 様");
    expect(mails[0]?.textBody).toContain("http://localhost:3000/vendor/register");
    expect(mails[0]?.textBody).toContain("4セット（4,000枚）");

    const again = await vendor.vendorPortal.remindUnregistered({ batchId: batch.batchId });
    expect(again).toEqual({ sent: 0, skippedRecent: 1, notRegistered: 1 });

    const detail = await vendor.vendorPortal.batch({ batchId: batch.batchId });
    expect(itemOf(detail, unregistered).reminders.count).toBe(1);
    expect(itemOf(detail, unregistered).reminders.lastAt).toBe(clock.now.toISOString());
    expect((await vendor.vendorPortal.batches())[0]?.reminded).toBe(1);

    // a later resend is allowed and visible
    clock.set("2026-12-05 10:00:00");
    expect((await vendor.vendorPortal.remindUnregistered({ batchId: batch.batchId })).sent).toBe(1);
    const later = await vendor.vendorPortal.batch({ batchId: batch.batchId });
    expect(itemOf(later, unregistered).reminders).toEqual({
      count: 2,
      lastAt: clock.now.toISOString(),
    });
  });
});

describe("what the vendor can see", () => {
  it("never returns an institution that was not handed over, through any procedure", async () => {
    const secret = ["ひみつ病院", "1399999999", "secret-hospital@example.jp"];
    const everything = JSON.stringify([
      await vendor.vendorPortal.batches(),
      await vendor.vendorPortal.batch({ batchId: batch.batchId }),
      await vendor.vendorPortal.orders(),
      await vendor.vendorPortal.pickingTotals(),
      await vendor.vendorPortal.products(),
    ]);
    for (const text of secret) expect(everything).not.toContain(text);
    // sanity: the handed-over ones are there
    expect(everything).toContain(codeOf(unregistered));

    // an id that is not a batch, e.g. the institution's own id, finds nothing
    const missing = await refusal(
      vendor.vendorPortal.batch({ batchId: neverHandedOver.user.institutionId as string }),
    );
    expect(missing.data.code).toBe("NOT_FOUND");
    const foreignItem = await refusal(
      vendor.vendorPortal.reissueLink({ itemId: neverHandedOver.user.institutionId as string }),
    );
    expect(foreignItem.data.code).toBe("NOT_FOUND");
  });

  it("refuses institutions, prefectures, the ministry and anonymous callers (FORBIDDEN / UNAUTHORIZED)", async () => {
    const callers = {
      institution: await callerAs(db, world.a.user, clock),
      prefecture: await callerAs(db, world.osakaOfficer.user, clock),
      ministry: await callerAs(db, world.ministry.user, clock),
    };
    for (const [role, caller] of Object.entries(callers)) {
      for (const call of [
        () => caller.vendorPortal.batches(),
        () => caller.vendorPortal.batch({ batchId: batch.batchId }),
        () => caller.vendorPortal.sendPurchaseLinks({ batchId: batch.batchId }),
        () => caller.vendorPortal.remindUnregistered({ batchId: batch.batchId }),
        () => caller.vendorPortal.orders(),
        () => caller.vendorPortal.pickingTotals(),
        () => caller.vendorPortal.products(),
        () => caller.vendorPortal.registrations(),
      ]) {
        const denied = await refusal(call());
        expect(denied.data.code, role).toBe("FORBIDDEN");
      }
    }
    const denials = await db
      .selectFrom("auditLog")
      .select(({ fn }) => fn.countAll<string>().as("n"))
      .where("action", "=", "access.denied")
      .where("targetId", "=", "vendorPortal.sendPurchaseLinks")
      .executeTakeFirstOrThrow();
    expect(Number(denials.n)).toBe(3);
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(0);
  });
});

import type { Db } from "@sos/db";
import { revokeLinksForRegistryEmail } from "@sos/db/repositories/purchase-link";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { DOMAIN_ERROR_MESSAGES } from "@sos/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  applyRegistryUpload,
  getRegistryUpload,
  importRegistry,
  uploadRegistryFile,
} from "../src/services/registry";
import { sendLinksForItems } from "../src/services/vendor-portal/links";
import {
  callerFor,
  createTestUser,
  insertTestPrefectures,
  TEST_API_CONFIG,
  type TestUser,
} from "../src/testing";
import { refusal } from "./fixtures/institution-world";
import {
  type HandedOver,
  handOver,
  latestLinkTo,
  mailsOfKind,
  putProduct,
  registerAsListed,
  storefrontVisitor,
} from "./fixtures/vendor-world";

// Issue 15 item 5: a registry import that changes an institution's e-mail address
// revokes, in its own transaction, every purchase link still usable at the old
// address; the old link says why, the vendor sees it must be sent again and sends
// it to the registry's new address; the notices say the earlier links are void.

let tdb: TestDatabase;
let db: Db;
let ministry: TestUser;
let vendor: TestUser;
let batch: HandedOver;

const SENT_AT = new Date("2026-12-04T01:00:00Z");
const NOW = new Date("2026-12-07T01:00:00Z");
const MAIL_FROM = "noreply@sos-supply.example";
const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";
/** A: its e-mail changes while its link is open. */
const A =
  "1310000001,東京中央病院,病院,東京都,100-0001,千代田区千代田1-1,03-1234-5678,a@example.jp";
/** B: only its postal address changes. */
const B = "2710000002,大阪北診療所,診療所,27,530-0001,大阪市北区梅田1-1,06-1234-5678,b@example.jp";
/** C: its e-mail changes after it bought with its link. */
const C = "1310000003,一ツ橋薬局,薬局,東京都,100-0003,千代田区一ツ橋1-1,03-1111-2222,c@example.jp";

const CHANGED = [
  A.replace("a@example.jp", "a-new@example.jp"),
  B.replace("大阪市北区梅田1-1", "大阪市北区梅田2-2"),
  C.replace("c@example.jp", "c-new@example.jp"),
];

function csv(rows: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`${[HEADER, ...rows].join("\r\n")}\r\n`);
}

const actor = () => ({ userId: ministry.user.id, role: "ministry", ip: "127.0.0.1" });

function upload(rows: readonly string[]) {
  return uploadRegistryFile(db, {
    bytes: csv(rows),
    fileName: "医療機関名簿_202612.csv",
    encoding: "auto",
    actor: actor(),
    now: NOW,
  });
}

function applierOf(uploaded: { id: string; previewDigest: string }) {
  return () =>
    applyRegistryUpload(db, {
      id: uploaded.id,
      previewDigest: uploaded.previewDigest,
      actor: actor(),
      now: NOW,
      mailFrom: MAIL_FROM,
    });
}

async function uploadAndApply(rows: readonly string[]) {
  const uploaded = await upload(rows);
  const apply = applierOf(uploaded);
  return { uploaded, applied: await apply(), apply };
}

/** The details of the one audit entry `action` wrote about `targetId`. */
async function auditDetails(action: string, targetId: string) {
  const entry = await db
    .selectFrom("auditLog")
    .select("details")
    .where("action", "=", action)
    .where("targetId", "=", targetId)
    .executeTakeFirstOrThrow();
  return entry.details;
}

async function vendorCaller(now: Date = NOW) {
  return (await callerFor(db, vendor.user, { now: () => now })).caller;
}

const visitor = () => storefrontVisitor(db, { now: () => NOW });

function itemOf(code: string): string {
  const item = batch.items.find((i) => i.institutionCode === code);
  if (item === undefined) throw new Error(`no item for ${code}`);
  return item.id;
}

async function vendorItem(code: string) {
  const view = await (await vendorCaller()).vendorPortal.batch({ batchId: batch.batchId });
  const item = view.items.find((i) => i.institutionCode === code);
  if (item === undefined) throw new Error(`no item for ${code}`);
  return item;
}

/** This test's revocations (the append-only audit log outlives emptyTables). */
async function revokeAudits() {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "actorRole", "targetType", "targetId", "details"])
    .where("action", "=", "purchase_link.revoke")
    .where(
      "targetId",
      "in",
      batch.items.map((i) => i.id),
    )
    .orderBy("id")
    .execute();
}

async function linksOf(code: string) {
  return db
    .selectFrom("purchaseLinks")
    .select(["id", "revokedAt"])
    .where("targetItemId", "=", itemOf(code))
    .orderBy("createdAt")
    .execute();
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  await insertTestPrefectures(db);
  ministry = await createTestUser(db, "ministry");
  vendor = await createTestUser(db, "vendor");
});

afterAll(async () => {
  await tdb.destroy();
});

let tokens: Record<"a" | "b" | "c", string>;

beforeEach(async () => {
  await emptyTables(db);
  await sql`alter sequence order_number_seq restart with 1`.execute(db);
  await importRegistry(db, csv([A, B, C]), { apply: true, now: SENT_AT });
  const institutions = await db
    .selectFrom("institutions")
    .select(["id", "code"])
    .where("code", "in", ["1310000001", "1310000003", "2710000002"])
    .orderBy("code")
    .execute();
  batch = await handOver(
    db,
    ministry.user.id,
    institutions.map((i) => ({ institutionId: i.id, limitSets: 2 })),
  );
  for (const institution of institutions) await registerAsListed(db, institution.id);
  await putProduct(db, { S: 10, M: 10 });
  const run = await (await vendorCaller(SENT_AT)).vendorPortal.sendPurchaseLinks({
    batchId: batch.batchId,
  });
  expect(run).toMatchObject({ sent: 3, skipped: 0 });
  tokens = {
    a: (await latestLinkTo(db, "a@example.jp")).token,
    b: (await latestLinkTo(db, "b@example.jp")).token,
    c: (await latestLinkTo(db, "c@example.jp")).token,
  };
  // C bought with its link before its address changed.
  await visitor().storefront.purchase({
    token: tokens.c,
    lines: [{ size: "S", sets: 1 }],
    delivery: {
      name: "一ツ橋薬局",
      postcode: "100-0003",
      address: "東京都千代田区一ツ橋1-1",
      phone: "03-1111-2222",
    },
    paymentMethod: "bank_transfer",
  });
});

describe("a registry change of e-mail address and the purchase links", () => {
  it("revokes the open link at the old address, with the reason, and the old URL says why", async () => {
    await uploadAndApply(CHANGED);

    const [revokedA] = await linksOf("1310000001");
    expect(revokedA?.revokedAt).toEqual(NOW);
    const audits = await revokeAudits();
    expect(audits).toEqual([
      {
        actorUserId: ministry.user.id,
        actorRole: "ministry",
        targetType: "target_item",
        targetId: itemOf("1310000001"),
        details: expect.objectContaining({
          reason: "registry_email_changed",
          linkId: revokedA?.id,
          batchId: batch.batchId,
          institutionCode: "1310000001",
          oldEmail: "a@example.jp",
          newEmail: "a-new@example.jp",
        }),
      },
    ]);

    for (const call of [
      () => visitor().storefront.purchasePage({ token: tokens.a }),
      () =>
        visitor().storefront.purchase({
          token: tokens.a,
          lines: [{ size: "S", sets: 1 }],
          delivery: {
            name: "東京中央病院",
            postcode: "100-0001",
            address: "東京都千代田区千代田1-1",
            phone: "03-1234-5678",
          },
          paymentMethod: "bank_transfer",
        }),
    ]) {
      const answer = await refusal(call());
      expect(answer.message).toBe(DOMAIN_ERROR_MESSAGES.PURCHASE_LINK_ADDRESS_CHANGED);
      expect(answer.message).toContain("メールアドレスが変更されたため");
      expect(answer.data).toMatchObject({ domainCode: "PURCHASE_LINK_ADDRESS_CHANGED" });
    }
    expect(await db.selectFrom("orders").select("id").execute()).toHaveLength(1);
  });

  it("counts the links at risk in the preview without touching them, then the links revoked", async () => {
    const uploaded = await upload(CHANGED);
    // A's open link; not C's (bought), not B's (only its postal address changes).
    expect(uploaded).toMatchObject({ purchaseLinksAtRisk: 1, purchaseLinksRevoked: null });
    expect(Object.keys(uploaded.counts).sort()).toEqual(
      ["changed", "gone", "new", "returning", "unchanged"].sort(),
    );
    expect((await linksOf("1310000001")).map((l) => l.revokedAt)).toEqual([null]);
    expect(await revokeAudits()).toHaveLength(0);
    const report = await importRegistry(db, csv(CHANGED), { apply: false, now: NOW });
    expect(report).toMatchObject({
      applied: false,
      purchaseLinksAtRisk: 1,
      purchaseLinksRevoked: 0,
    });
    // The operators' preview, a link expired by then counts for nothing.
    const later = await importRegistry(db, csv(CHANGED), {
      apply: false,
      now: new Date("2027-01-31T00:00:00Z"),
    });
    expect(later.purchaseLinksAtRisk).toBe(0);

    const apply = applierOf(uploaded);
    const applied = await apply();
    expect(applied).toMatchObject({ alreadyApplied: false, purchaseLinksRevoked: 1 });
    expect(applied.upload).toMatchObject({ purchaseLinksAtRisk: 1, purchaseLinksRevoked: 1 });
    expect(await getRegistryUpload(db, uploaded.id)).toMatchObject({ purchaseLinksRevoked: 1 });
    expect(await apply()).toMatchObject({ alreadyApplied: true, purchaseLinksRevoked: 0 });
    expect((await getRegistryUpload(db, uploaded.id)).purchaseLinksRevoked).toBe(1);
    expect(await auditDetails("registry.upload", uploaded.id)).toMatchObject({
      purchaseLinksAtRisk: 1,
    });
    expect(await auditDetails("registry.import", uploaded.id)).toMatchObject({
      purchaseLinksRevoked: 1,
    });
  });

  it("a preview whose e-mail changes are of case only puts no link at risk", async () => {
    const uploaded = await upload([A.replace("a@example.jp", "A@Example.jp"), B, C]);
    expect(uploaded.counts.changed).toBe(1);
    expect(uploaded.purchaseLinksAtRisk).toBe(0);
  });

  it("keeps the link of an institution whose postal address changed, and the bought link", async () => {
    await uploadAndApply(CHANGED);

    expect((await linksOf("2710000002")).map((l) => l.revokedAt)).toEqual([null]);
    const pageB = await visitor().storefront.purchasePage({ token: tokens.b });
    expect(pageB.kind).toBe("form");
    expect((await vendorItem("2710000002")).link.state).toBe("live");

    expect((await linksOf("1310000003")).map((l) => l.revokedAt)).toEqual([null]);
    const pageC = await visitor().storefront.purchasePage({ token: tokens.c });
    expect(pageC.kind).toBe("ordered");
    expect((await vendorItem("1310000003")).link.state).toBe("used");
    expect((await revokeAudits()).map((a) => a.targetId)).toEqual([itemOf("1310000001")]);
  });

  it("tells both addresses that the earlier links are void, only where there were any", async () => {
    const { applied } = await uploadAndApply(CHANGED);
    expect(applied.mailsQueued).toBe(5);
    const notices = await db
      .selectFrom("mailOutbox")
      .select(["kind", "toAddress", "textBody"])
      .where("kind", "like", "registry_%")
      .orderBy("toAddress")
      .execute();
    const byAddress = new Map(notices.map((n) => [n.toAddress, n.textBody]));
    const VOID =
      "変更前のアドレスにお送りしていた購入用URL（1件）は、この変更により無効になりました。";
    expect(byAddress.get("a@example.jp")).toContain(VOID);
    expect(byAddress.get("a-new@example.jp")).toContain(VOID);
    expect(byAddress.get("a-new@example.jp")).toContain("新しい購入用URLをお送りします");
    // C's link was spent on its order; B's address change revokes nothing.
    for (const address of ["c@example.jp", "c-new@example.jp", "b@example.jp"]) {
      expect(byAddress.get(address)).toBeDefined();
      expect(byAddress.get(address)).not.toContain("購入用URL（");
    }
  });

  it("shows the vendor the link must go again, and sends it to the registry's new address", async () => {
    await uploadAndApply(CHANGED);
    const before = await vendorItem("1310000001");
    expect(before.link).toMatchObject({
      state: "address_changed",
      label: "メールアドレス変更により無効",
      resendTo: "a-new@example.jp",
    });
    // The comparison's ministry side is the address the reason (email_differs) read.
    expect(before.ministry.email).toBe("a-new@example.jp");
    expect(before.registration?.email).toBe("a@example.jp");
    expect(before.match.reasons.map((r) => r.reason)).toContain("email_differs");
    // Another item keeps the list's address.
    expect((await vendorItem("2710000002")).ministry.email).toBe("b@example.jp");
    const caller = await vendorCaller();
    const filtered = await caller.vendorPortal.batch({
      batchId: batch.batchId,
      linkState: "address_changed",
    });
    expect(filtered.items.map((i) => i.institutionCode)).toEqual(["1310000001"]);

    // A plain reissue would mail the registration's old address: refused as 要確認.
    const plain = await refusal(caller.vendorPortal.reissueLink({ itemId: itemOf("1310000001") }));
    expect(plain.data).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(3);

    const after = await caller.vendorPortal.reissueLink({
      itemId: itemOf("1310000001"),
      toRegistryAddress: true,
    });
    expect(after.link).toMatchObject({ state: "live", resendTo: null, sendCount: 2 });
    const sent = await latestLinkTo(db, "a-new@example.jp");
    expect(sent.mail.textBody).toContain("変更後のアドレス（このメールの宛先）にお送りしています");
    const page = await visitor().storefront.purchasePage({ token: sent.token });
    expect(page.kind).toBe("form");
    expect(await auditDetails("purchase_link.reissue", itemOf("1310000001"))).toMatchObject({
      to: "a-new@example.jp",
      toRegistryAddress: true,
    });
  });

  it("is applied once: a retried apply or the same file again revokes nothing more", async () => {
    const { apply } = await uploadAndApply(CHANGED);
    const caller = await vendorCaller();
    await caller.vendorPortal.reissueLink({
      itemId: itemOf("1310000001"),
      toRegistryAddress: true,
    });
    const newToken = (await latestLinkTo(db, "a-new@example.jp")).token;

    expect((await apply()).alreadyApplied).toBe(true);
    await uploadAndApply(CHANGED);
    await importRegistry(db, csv(CHANGED), { apply: true, mailFrom: MAIL_FROM, now: NOW });

    expect(await revokeAudits()).toHaveLength(1);
    expect((await linksOf("1310000001")).map((l) => l.revokedAt === null)).toEqual([false, true]);
    expect((await visitor().storefront.purchasePage({ token: newToken })).kind).toBe("form");
    expect((await vendorItem("1310000001")).link.state).toBe("live");
  });

  it("revokes from the operators' command too, and a change of case only is the same mailbox", async () => {
    const rows = [A.replace("a@example.jp", "A@Example.jp"), B, C];
    await importRegistry(db, csv(rows), { apply: true, mailFrom: MAIL_FROM, now: NOW });
    // The registry took the new spelling (and told the institution), the link stays.
    expect(await mailsOfKind(db, "registry_email_changed")).toHaveLength(2);
    expect(await revokeAudits()).toHaveLength(0);
    expect((await visitor().storefront.purchasePage({ token: tokens.a })).kind).toBe("form");

    const report = await importRegistry(db, csv(CHANGED), { apply: true, now: NOW });
    expect(report).toMatchObject({ applied: true, purchaseLinksRevoked: 1 });
    const audits = await revokeAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: null, targetId: itemOf("1310000001") });
    const answer = await refusal(visitor().storefront.purchasePage({ token: tokens.a }));
    expect(answer.data).toMatchObject({ domainCode: "PURCHASE_LINK_ADDRESS_CHANGED" });
  });

  it("a send that committed while the apply waited is revoked too", async () => {
    const send = await db.startTransaction().execute();
    let importing: Promise<unknown> | null = null;
    try {
      await sendLinksForItems(send, [itemOf("1310000001")], {
        actor: { userId: vendor.user.id, ip: null },
        now: NOW,
        config: TEST_API_CONFIG,
        resend: true,
        allowMismatched: false,
        allowEmailDiffers: false,
        expiresAt: new Date("2026-12-20T14:59:59.999Z"),
      });
      importing = importRegistry(db, csv(CHANGED), { apply: true, now: NOW });
      await untilSomeoneWaitsOnALock();
      await send.commit().execute();
      await importing;
    } catch (error) {
      if (!send.isCommitted) await send.rollback().execute();
      await importing?.catch(() => undefined);
      throw error;
    }
    const links = await linksOf("1310000001");
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.revokedAt !== null)).toBe(true);
    expect((await vendorItem("1310000001")).link.state).toBe("address_changed");
  });

  it("a send that waited behind the apply reads the new address and sends nothing to the old", async () => {
    const apply = await db.startTransaction().execute();
    let reissuing: Promise<unknown> | null = null;
    try {
      await apply
        .updateTable("institutions")
        .set({ email: "a-new@example.jp" })
        .where("code", "=", "1310000001")
        .execute();
      await revokeLinksForRegistryEmail(
        apply,
        [{ institutionCode: "1310000001", oldEmail: "a@example.jp", newEmail: "a-new@example.jp" }],
        { now: NOW, actor: { userId: ministry.user.id, role: "ministry" }, uploadId: null },
      );
      const caller = await vendorCaller();
      reissuing = refusal(caller.vendorPortal.reissueLink({ itemId: itemOf("1310000001") }));
      await untilSomeoneWaitsOnALock();
      await apply.commit().execute();
      expect(await reissuing).toMatchObject({ data: { code: "PRECONDITION_FAILED" } });
    } catch (error) {
      if (!apply.isCommitted) await apply.rollback().execute();
      await reissuing?.catch(() => undefined);
      throw error;
    }
    // Only the three links of the first send: nothing went to the old address since.
    expect((await mailsOfKind(db, "purchase_link")).map((m) => m.toAddress).sort()).toEqual([
      "a@example.jp",
      "b@example.jp",
      "c@example.jp",
    ]);
  });
});

async function untilSomeoneWaitsOnALock(): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    const waiting = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if ((waiting.rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("nobody waited on a lock");
}

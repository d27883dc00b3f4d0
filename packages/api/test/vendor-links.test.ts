import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiConfig } from "../src/context";
import { createTestContext, createTestUser, signedInContext, type TestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import {
  type Caller,
  createInstitutionWorld,
  type InstitutionWorld,
  jst,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import {
  type HandedOver,
  handOver,
  latestLinkTo,
  mailsOfKind,
  putProduct,
  registerAsListed,
  type SentMail,
  tokenIn,
} from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let extra: TestUser;

const INVALID_LINK =
  "このリンクは無効です。有効期限が切れたか、新しいリンクの発行により無効になった可能性があります。最新のご案内メールに記載されたURLをお使いいただくか、販売業者にお問い合わせください。";

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  extra = await createTestUser(db, "institution", { prefectureCode: 27 });
  await putProduct(db, { S: 100, M: 100, L: 100 });
});

afterAll(async () => {
  await tdb.destroy();
});

interface Scenario {
  batch: HandedOver;
  /** Registered emails by institution. */
  emails: { a: string; b: string; osaka: string };
}

beforeEach(async () => {
  await emptyTables(db);
  clock = testClock("2026-12-04 10:00:00");
});

/**
 * a: matched (confirmed through the mailed link), b: matched (the vendor's imported
 * customer, at the list's address), osaka: mismatched phone, extra: not registered.
 */
async function scenario(): Promise<Scenario> {
  const batch = await handOver(db, world.ministry.user.id, [
    { institutionId: world.a.institutionId, limitSets: 2 },
    { institutionId: world.b.institutionId, limitSets: 3 },
    { institutionId: world.osaka.institutionId, limitSets: 1 },
    { institutionId: extra.user.institutionId as string, limitSets: 5 },
  ]);
  const a = await registerAsListed(db, world.a.institutionId);
  const b = await registerAsListed(db, world.b.institutionId, {
    source: "import",
    confirmedAt: null,
    confirmedVia: null,
  });
  const osaka = await registerAsListed(db, world.osaka.institutionId, { phone: "0661234567" });
  return { batch, emails: { a: a.email, b: b.email, osaka: osaka.email } };
}

async function vendorCaller(config: Partial<ApiConfig> = {}): Promise<Caller> {
  const ctx = await signedInContext(db, world.vendor.user, { now: () => clock.now, config });
  return createTestCaller(ctx);
}

function storefront(): Caller {
  return createTestCaller(createTestContext(db, { now: () => clock.now }));
}

function itemFor(s: Scenario, institutionId: string): string {
  const item = s.batch.items.find((i) => i.institutionId === institutionId);
  if (item === undefined) throw new Error("not on the batch");
  return item.id;
}

describe("vendorPortal.sendPurchaseLinks (⑤)", () => {
  it("mails matched institutions at their registered address, from the vendor, with the URL, the limit and the expiry", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    const runId = randomUUID();
    expect(await vendor.vendorPortal.sendProgress({ runId })).toBeNull();

    const progress = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      runId,
    });
    expect(progress).toMatchObject({
      runId,
      batchId: s.batch.batchId,
      total: 4,
      done: 4,
      sent: 2,
      skipped: 2,
      failed: 0,
      finished: true,
    });
    expect(progress.skippedByReason.map((r) => [r.reason, r.count])).toEqual(
      expect.arrayContaining([
        ["not_registered", 1],
        ["mismatched", 1],
      ]),
    );
    expect(await vendor.vendorPortal.sendProgress({ runId })).toEqual(progress);

    const mails = await mailsOfKind(db, "purchase_link");
    expect(mails.map((m) => m.toAddress).sort()).toEqual([s.emails.a, s.emails.b].sort());
    // the address on the ministry's list, not the sign-in account's
    expect(mails.map((m) => m.toAddress)).not.toContain(world.b.user.email);
    const { mail, token } = await latestLinkTo(db, s.emails.b);
    expect(mail.fromAddress).toBe("shop@vendor.sos-supply.example");
    expect(mail.subject).toBe("【医療用手袋 緊急配布】購入用URLのご案内");
    expect(mail.textBody).toContain(`http://localhost:3000/vendor/purchase/${token}`);
    // the worker drops the body with the live link once the mail is sent
    expect(mail.secret).toBe(true);
    expect(mail.textBody).toContain("3セット（3,000枚）まで");
    // 14 days after 12-04, to the last minute of the day in Tokyo
    expect(mail.textBody).toContain("2026年12月18日（金）23:59まで");

    // 160 random bits, stored only as SHA-256 hex
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const links = await db.selectFrom("purchaseLinks").selectAll().execute();
    expect(links).toHaveLength(2);
    const sha = createHash("sha256").update(token).digest("hex");
    expect(links.map((l) => l.tokenHash)).toContain(sha);
    const dump = JSON.stringify(await sql`select * from purchase_links`.execute(db));
    expect(dump).not.toContain(token);
    expect(links.find((l) => l.tokenHash === sha)?.expiresAt).toEqual(
      new Date(jst("2026-12-18 23:59:59").getTime() + 999),
    );

    const sends = await db.selectFrom("purchaseLinkSends").selectAll().execute();
    expect(sends).toHaveLength(2);
    expect(sends.every((send) => send.sentBy === world.vendor.user.id)).toBe(true);

    const page = await storefront().storefront.purchasePage({ token });
    expect(page).toMatchObject({ kind: "form", limitSets: 3, limitPieces: 3000 });

    const detail = await vendor.vendorPortal.batch({ batchId: s.batch.batchId });
    expect(detail.latestRun).toEqual(progress);
    const b = detail.items.find((i) => i.id === itemFor(s, world.b.institutionId));
    expect(b?.link).toMatchObject({ state: "live", label: "送信済み（有効）", sendCount: 1 });
    expect((await vendor.vendorPortal.batches())[0]).toMatchObject({ linksSent: 2, ordered: 0 });
  });

  it("does not mail anyone twice: a second run skips live links, the same run id resumes without resending", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    const first = await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    const again = await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    expect(again).toMatchObject({ sent: 0, skipped: 4 });
    expect(again.skippedByReason.find((r) => r.reason === "already_sent")?.count).toBe(2);
    const resumed = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      runId: first.runId,
    });
    expect(resumed).toMatchObject({ runId: first.runId, sent: 2, done: 4 });
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(2);
    // a run id belongs to one batch
    const other = await handOver(db, world.ministry.user.id, []);
    const conflict = await refusal(
      vendor.vendorPortal.sendPurchaseLinks({ batchId: other.batchId, runId: first.runId }),
    );
    expect(conflict.data.code).toBe("CONFLICT");
  });

  it("shares the work when the same run is submitted twice at once, and two runs at once mail each item once", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    const runId = randomUUID();
    const [x, y] = await Promise.all([
      vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId, runId }),
      vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId, runId }),
    ]);
    expect(x.sent).toBe(2);
    expect(y.sent).toBe(2);
    const colleague = await createTestCaller(
      await signedInContext(db, (await createTestUser(db, "vendor")).user, {
        now: () => clock.now,
      }),
    );
    await Promise.all([
      vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId, resend: false }),
      colleague.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId, resend: false }),
    ]);
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(2);
    const live = await sql<{ n: number }>`
      select count(*)::int as n from purchase_links where revoked_at is null`.execute(db);
    expect(live.rows[0]?.n).toBe(2);
  });

  it("sends to a mismatched item only when the vendor selected it and confirmed", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    const osakaItem = itemFor(s, world.osaka.institutionId);
    const unconfirmed = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [osakaItem],
    });
    expect(unconfirmed).toMatchObject({ total: 1, sent: 0, skipped: 1 });
    const confirmed = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [osakaItem],
      allowMismatched: true,
    });
    expect(confirmed).toMatchObject({ total: 1, sent: 1 });
    expect((await latestLinkTo(db, s.emails.osaka)).mail.textBody).toContain(
      "1セット（1,000枚）まで",
    );

    const notInBatch = await refusal(
      vendor.vendorPortal.sendPurchaseLinks({
        batchId: s.batch.batchId,
        itemIds: [osakaItem, randomUUID()],
      }),
    );
    expect(notInBatch.data.code).toBe("NOT_FOUND");
  });

  it("records a failing item and goes on with the others", async () => {
    const s = await scenario();
    const failing = itemFor(s, world.a.institutionId);
    await sql`
      create function test_fail_link() returns trigger language plpgsql as $$
        begin
          if new.target_item_id = ${sql.lit(failing)}::uuid then raise exception 'disk full'; end if;
          return new;
        end $$;
      create trigger test_fail_link before insert on purchase_links
        for each row execute function test_fail_link();`.execute(db);
    try {
      const vendor = await vendorCaller();
      const progress = await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
      expect(progress).toMatchObject({ total: 4, sent: 1, skipped: 2, failed: 1, finished: true });
      expect(progress.skippedByReason.find((r) => r.reason === "error")?.label).toContain("エラー");
      // nothing of the failed item was kept: no mail, no send
      expect((await mailsOfKind(db, "purchase_link")).map((m) => m.toAddress)).toEqual([
        s.emails.b,
      ]);
    } finally {
      await sql`drop trigger test_fail_link on purchase_links; drop function test_fail_link();`.execute(
        db,
      );
    }
  });

  it("uses a configured end of sale, and refuses to send links that would already be expired", async () => {
    const s = await scenario();
    const end = jst("2026-12-25 17:00:00");
    const vendor = await vendorCaller({ purchaseLinks: { expiresAt: end } });
    await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    expect((await latestLinkTo(db, s.emails.a)).mail.textBody).toContain(
      "2026年12月25日（金）17:00まで",
    );

    const late = await vendorCaller({ purchaseLinks: { expiresAt: jst("2026-12-01 00:00:00") } });
    const refused = await refusal(
      late.vendorPortal.reissueLink({ itemId: itemFor(s, world.a.institutionId) }),
    );
    expect(refused.data.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("有効期限として設定された日時");
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(2);
  });
});

describe("revoke and reissue", () => {
  it("a reissue revokes the old URL (「このリンクは無効です…」) and mails a new one", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    const old = await latestLinkTo(db, s.emails.a);

    clock.set("2026-12-05 09:00:00");
    const item = await vendor.vendorPortal.reissueLink({
      itemId: itemFor(s, world.a.institutionId),
    });
    expect(item.link).toMatchObject({
      state: "live",
      sendCount: 2,
      lastSentAt: clock.now.toISOString(),
    });
    const fresh = await latestLinkTo(db, s.emails.a);
    expect(fresh.token).not.toBe(old.token);
    expect(fresh.mail.textBody).toContain("購入用URLを再発行しました");

    const dead = await refusal(storefront().storefront.purchasePage({ token: old.token }));
    expect(dead.message).toBe(INVALID_LINK);
    expect(dead.data.code).toBe("NOT_FOUND");
    expect(await storefront().storefront.purchasePage({ token: fresh.token })).toMatchObject({
      kind: "form",
    });

    const live = await db
      .selectFrom("purchaseLinks")
      .select("id")
      .where("targetItemId", "=", itemFor(s, world.a.institutionId))
      .where("revokedAt", "is", null)
      .execute();
    expect(live).toHaveLength(1);
    const audit = await db
      .selectFrom("auditLog")
      .select("action")
      .where("targetId", "=", itemFor(s, world.a.institutionId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["purchase_link.send", "purchase_link.reissue"]);
  });

  it("a resend never creates a second purchase right", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    const first = await latestLinkTo(db, s.emails.a);
    await vendor.vendorPortal.reissueLink({ itemId: itemFor(s, world.a.institutionId) });
    const second = await latestLinkTo(db, s.emails.a);

    const order = await storefront().storefront.purchase({
      token: second.token,
      lines: [{ size: "M", sets: 1 }],
      delivery: {
        name: "テスト病院",
        postcode: "1000001",
        address: "東京都千代田区千代田1-1",
        phone: "0312345678",
      },
      paymentMethod: "invoice",
    });
    expect(order.orderNumber).toMatch(/^SOS-2026-\d{6}$/);

    // the old link stays dead, the used one shows the order, and no new link can be made
    expect(
      (await refusal(storefront().storefront.purchasePage({ token: first.token }))).message,
    ).toBe(INVALID_LINK);
    const refusedOld = await refusal(
      storefront().storefront.purchase({
        token: first.token,
        lines: [{ size: "M", sets: 1 }],
        delivery: {
          name: "テスト病院",
          postcode: "1000001",
          address: "東京都千代田区千代田1-1",
          phone: "0312345678",
        },
        paymentMethod: "invoice",
      }),
    );
    expect(refusedOld.message).toBe(INVALID_LINK);
    const reissue = await refusal(
      vendor.vendorPortal.reissueLink({ itemId: itemFor(s, world.a.institutionId) }),
    );
    expect(reissue.message).toBe(
      "この医療機関は既に購入済みのため、購入リンクを再発行できません。",
    );
    const resend = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [itemFor(s, world.a.institutionId)],
      resend: true,
    });
    expect(resend.skippedByReason).toEqual([{ reason: "ordered", label: "購入済み", count: 1 }]);
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(3);
    const orders = await db.selectFrom("orders").select("id").execute();
    expect(orders).toHaveLength(1);

    const detail = await vendor.vendorPortal.batch({ batchId: s.batch.batchId });
    const a = detail.items.find((i) => i.id === itemFor(s, world.a.institutionId));
    expect(a?.link.state).toBe("used");
    expect(a?.order).toMatchObject({
      orderNumber: order.orderNumber,
      status: "ordered",
      totalSets: 1,
    });
  });

  it("revokes a live link without a replacement", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    await vendor.vendorPortal.sendPurchaseLinks({ batchId: s.batch.batchId });
    const { token } = await latestLinkTo(db, s.emails.b);
    const itemId = itemFor(s, world.b.institutionId);
    const revoked = await vendor.vendorPortal.revokeLink({ itemId });
    expect(revoked.link).toMatchObject({ state: "revoked", label: "取消済み", sendCount: 1 });
    expect((await refusal(storefront().storefront.purchasePage({ token }))).message).toBe(
      INVALID_LINK,
    );
    const twice = await refusal(vendor.vendorPortal.revokeLink({ itemId }));
    expect(twice.message).toBe("取り消す購入リンクがありません。");
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(2);
    // and a later send brings the right back with a new link
    const progress = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [itemId],
    });
    expect(progress.sent).toBe(1);
    const mails = await mailsOfKind(db, "purchase_link");
    expect(mails).toHaveLength(3);
    expect(tokenIn(mails[2] as SentMail)).not.toBe(token);
  });

  it("does not send a link to an institution that is not registered", async () => {
    const s = await scenario();
    const vendor = await vendorCaller();
    const refused = await refusal(
      vendor.vendorPortal.reissueLink({ itemId: itemFor(s, extra.user.institutionId as string) }),
    );
    expect(refused.message).toContain("購入サイトに登録されていない");
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(0);
  });
});

describe("要確認: a registration nobody vouched for, or under another address than the list's", () => {
  it("never mails an unconfirmed registration: not in a run, not by hand, whatever the vendor ticks", async () => {
    const s = await scenario();
    await db
      .updateTable("vendorRegistrations")
      .set({ confirmedAt: null, confirmedVia: null })
      .where("email", "=", s.emails.a)
      .execute();
    const vendor = await vendorCaller();
    const itemId = itemFor(s, world.a.institutionId);
    const run = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [itemId],
      allowMismatched: true,
    });
    expect(run).toMatchObject({ sent: 0, skipped: 1 });
    expect(run.skippedByReason.map((r) => r.reason)).toEqual(["needs_check"]);
    const byHand = await refusal(
      vendor.vendorPortal.reissueLink({ itemId, allowMismatched: true, allowEmailDiffers: true }),
    );
    expect(byHand.data.code).toBe("PRECONDITION_FAILED");
    expect(byHand.message).toContain("要確認のため、購入リンクを送信できません");
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(0);
  });

  it("holds the vendor's customer under another address: skipped in every run, sent only one at a time after the vendor checked it", async () => {
    const s = await scenario();
    await db
      .updateTable("vendorRegistrations")
      .set({ email: "long-time-customer@b.example.jp" })
      .where("email", "=", s.emails.b)
      .execute();
    const vendor = await vendorCaller();
    const itemId = itemFor(s, world.b.institutionId);
    const item = (await vendor.vendorPortal.batch({ batchId: s.batch.batchId })).items.find(
      (i) => i.id === itemId,
    );
    expect(item?.match).toMatchObject({
      status: "needs_check",
      label: "要確認",
      reasons: [{ reason: "email_differs" }],
    });

    const run = await vendor.vendorPortal.sendPurchaseLinks({
      batchId: s.batch.batchId,
      itemIds: [itemId],
      allowMismatched: true,
    });
    expect(run).toMatchObject({ sent: 0, skipped: 1 });
    expect(run.skippedByReason[0]?.label).toContain("一括では送信しません");
    expect(
      (await refusal(vendor.vendorPortal.reissueLink({ itemId, allowMismatched: true }))).data.code,
    ).toBe("PRECONDITION_FAILED");
    expect(await mailsOfKind(db, "purchase_link")).toHaveLength(0);

    const sent = await vendor.vendorPortal.reissueLink({ itemId, allowEmailDiffers: true });
    expect(sent.link.state).toBe("live");
    const mails = await mailsOfKind(db, "purchase_link");
    expect(mails.map((m) => m.toAddress)).toEqual(["long-time-customer@b.example.jp"]);
    const audit = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "details"])
      .where("action", "=", "purchase_link.send")
      .where("targetId", "=", itemId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(world.vendor.user.id);
    expect(audit.details).toMatchObject({
      matchStatus: "needs_check",
      to: "long-time-customer@b.example.jp",
      emailMatchesList: false,
    });
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, createTestUser, type TestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
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
  latestLinkTo,
  mailsOfKind,
  putProduct,
  registerAsListed,
} from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let vendor: Caller;
let c: TestUser;
let batch: HandedOver;
let sizeIds: Record<string, string>;
let productId: string;
const emails: Record<string, string> = {};

const DELIVERY = {
  name: "受取窓口",
  postcode: "1000001",
  address: "東京都千代田区千代田1-1",
  phone: "0312345678",
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  c = await createTestUser(db, "institution", { prefectureCode: 27 });
  clock = testClock("2026-12-04 10:00:00");
  vendor = await callerAs(db, world.vendor.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  clock.set("2026-12-04 10:00:00");
  ({ sizeIds, productId } = await putProduct(db, { S: 50, M: 50, L: 50 }));
  batch = await handOver(db, world.ministry.user.id, [
    { institutionId: world.a.institutionId, limitSets: 3 },
    { institutionId: world.b.institutionId, limitSets: 2 },
    { institutionId: world.osaka.institutionId, limitSets: 4 },
    { institutionId: c.user.institutionId as string, limitSets: 1 },
  ]);
  for (const [key, user] of Object.entries({ a: world.a, b: world.b, osaka: world.osaka })) {
    emails[key] = (await registerAsListed(db, user.user.institutionId as string)).email;
  }
  await vendor.vendorPortal.sendPurchaseLinks({ batchId: batch.batchId });
});

async function buy(key: "a" | "b" | "osaka", lines: { size: "S" | "M" | "L"; sets: number }[]) {
  const { token } = await latestLinkTo(db, emails[key] as string);
  const anonymous = createTestCaller(createTestContext(db, { now: () => clock.now }));
  return anonymous.storefront.purchase({
    token,
    lines,
    delivery: DELIVERY,
    paymentMethod: "invoice",
  });
}

function requestOf(user: TestUser): string {
  const item = batch.items.find((i) => i.institutionId === user.user.institutionId);
  if (item === undefined) throw new Error("not handed over");
  return item.requestId;
}

describe("vendorPortal.orders / pickingTotals (⑦)", () => {
  it("lists orders oldest first with the institution from the list, filtered and paged", async () => {
    const first = await buy("a", [
      { size: "S", sets: 2 },
      { size: "M", sets: 1 },
    ]);
    clock.set("2026-12-04 11:00:00");
    const second = await buy("osaka", [{ size: "M", sets: 4 }]);
    clock.set("2026-12-04 12:00:00");
    await buy("b", [{ size: "L", sets: 1 }]);

    const all = await vendor.vendorPortal.orders();
    expect(all.total).toBe(3);
    expect(all.items.map((o) => o.orderNumber)).toEqual([
      first.orderNumber,
      second.orderNumber,
      expect.stringMatching(/^SOS-2026-/),
    ]);
    expect(all.items[1]).toMatchObject({
      institution: { prefectureCode: 27, prefectureName: "大阪府", batchNumber: batch.number },
      totalSets: 4,
      notifyEmail: emails.osaka,
    });

    const osaka = await vendor.vendorPortal.orders({ prefectureCode: 27 });
    expect(osaka.items.map((o) => o.orderNumber)).toEqual([second.orderNumber]);
    const paged = await vendor.vendorPortal.orders({ page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await vendor.vendorPortal.orders({ search: first.orderNumber })).items).toHaveLength(1);

    await vendor.vendorPortal.markShipped({
      orderId: first.order.id,
      carrier: "ヤマト運輸",
      trackingNumber: "1234-5678-9012",
    });
    expect(
      (await vendor.vendorPortal.orders({ status: "shipped" })).items.map((o) => o.id),
    ).toEqual([first.order.id]);
    expect((await vendor.vendorPortal.orders({ status: "ordered" })).total).toBe(2);
  });

  it("totals the unshipped orders by size and by prefecture", async () => {
    const first = await buy("a", [
      { size: "S", sets: 2 },
      { size: "M", sets: 1 },
    ]);
    await buy("b", [{ size: "M", sets: 2 }]);
    await buy("osaka", [
      { size: "L", sets: 3 },
      { size: "S", sets: 1 },
    ]);
    const totals = await vendor.vendorPortal.pickingTotals();
    expect(totals).toMatchObject({ orders: 3, sets: 9, pieces: 9000 });
    expect(totals.bySize).toEqual([
      { size: "S", label: "Sサイズ", sets: 3, pieces: 3000 },
      { size: "M", label: "Mサイズ", sets: 3, pieces: 3000 },
      { size: "L", label: "Lサイズ", sets: 3, pieces: 3000 },
    ]);
    expect(totals.byPrefecture.map((p) => [p.prefectureName, p.orders, p.sets])).toEqual([
      ["東京都", 2, 5],
      ["大阪府", 1, 4],
    ]);
    expect(totals.byPrefecture[1]?.bySize.map((s) => [s.size, s.sets])).toEqual([
      ["S", 1],
      ["L", 3],
    ]);

    // shipped orders leave the picking list
    await vendor.vendorPortal.markShipped({
      orderId: first.order.id,
      carrier: "佐川急便",
      trackingNumber: "9999",
    });
    const after = await vendor.vendorPortal.pickingTotals();
    expect(after).toMatchObject({ orders: 2, sets: 6 });
    expect(after.byPrefecture.find((p) => p.prefectureCode === 13)?.sets).toBe(2);
  });
});

describe("shipping", () => {
  it("marks an order shipped with carrier and tracking number, mails the institution, then delivered", async () => {
    const { order } = await buy("a", [{ size: "S", sets: 1 }]);
    clock.set("2026-12-05 15:30:00");
    const shipped = await vendor.vendorPortal.markShipped({
      orderId: order.id,
      carrier: "ヤマト運輸",
      trackingNumber: "１２３４－５６７８－９０１２",
    });
    expect(shipped).toMatchObject({
      status: "shipped",
      statusLabel: "出荷済み",
      shipment: {
        carrier: "ヤマト運輸",
        trackingNumber: "1234-5678-9012",
        shippedAt: clock.now.toISOString(),
        deliveredAt: null,
      },
    });
    const [mail] = await mailsOfKind(db, "order_shipped");
    expect(mail).toMatchObject({
      toAddress: emails.a,
      fromAddress: "shop@vendor.sos-supply.example",
      secret: false,
    });
    // a link to the purchase page here would have to make the mail secret
    expect(mail?.textBody).not.toContain("/vendor/purchase/");
    expect(mail?.textBody).toContain("配送業者：ヤマト運輸");
    expect(mail?.textBody).toContain("お問い合わせ伝票番号：1234-5678-9012");
    expect(mail?.textBody).toContain(
      "配送状況の確認：https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012",
    );
    expect(mail?.textBody).toContain(order.orderNumber);

    const twice = await refusal(
      vendor.vendorPortal.markShipped({ orderId: order.id, carrier: "x", trackingNumber: "1" }),
    );
    expect(twice.message).toBe("この注文は既に出荷済みです。");

    clock.set("2026-12-06 10:00:00");
    const delivered = await vendor.vendorPortal.markDelivered({ orderId: order.id });
    expect(delivered).toMatchObject({
      status: "delivered",
      shipment: { deliveredAt: clock.now.toISOString() },
    });
    const audits = await db
      .selectFrom("auditLog")
      .select("action")
      .where("targetId", "=", order.id)
      .orderBy("id")
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["order.place", "order.ship", "order.deliver"]);
  });

  it("refuses delivering before shipping, and unknown orders", async () => {
    const { order } = await buy("b", [{ size: "M", sets: 1 }]);
    const early = await refusal(vendor.vendorPortal.markDelivered({ orderId: order.id }));
    expect(early.message).toBe("出荷済みにしてから配達済みにしてください。");
    const missing = await refusal(vendor.vendorPortal.markDelivered({ orderId: batch.batchId }));
    expect(missing.data.code).toBe("NOT_FOUND");
    const blank = await refusal(
      vendor.vendorPortal.markShipped({ orderId: order.id, carrier: "　", trackingNumber: "1" }),
    );
    expect(blank.data.fieldErrors?.carrier).toEqual(["配送業者を入力してください"]);
  });
});

describe("institutionOrders (the institution's app)", () => {
  it("shows its own request's link state, order and shipping", async () => {
    const a = await callerAs(db, world.a.user, clock);
    const before = await a.institutionOrders.forRequest({ requestId: requestOf(world.a) });
    expect(before).toMatchObject({
      requestId: requestOf(world.a),
      handedOver: true,
      limitSets: 3,
      limitPieces: 3000,
      registeredWithVendor: true,
      link: { state: "sent", label: "購入用URLをメールで送信しました" },
      order: null,
    });
    expect(before.link.expiresAt).not.toBeNull();

    const { order } = await buy("a", [{ size: "S", sets: 3 }]);
    await vendor.vendorPortal.markShipped({
      orderId: order.id,
      carrier: "日本郵便",
      trackingNumber: "EJ123456789JP",
    });
    const after = await a.institutionOrders.forRequest({ requestId: requestOf(world.a) });
    expect(after.link.state).toBe("used");
    expect(after.order).toMatchObject({
      orderNumber: order.orderNumber,
      status: "shipped",
      shipment: { carrier: "日本郵便", trackingNumber: "EJ123456789JP" },
    });
    const mine = await a.institutionOrders.mine();
    expect(mine.map((m) => m.requestId)).toEqual([requestOf(world.a)]);
    expect(mine[0]?.order?.orderNumber).toBe(order.orderNumber);
  });

  it("tells an unregistered institution that no link was sent", async () => {
    const unregistered = await callerAs(db, c.user, clock);
    expect(
      await unregistered.institutionOrders.forRequest({ requestId: requestOf(c) }),
    ).toMatchObject({
      handedOver: true,
      registeredWithVendor: false,
      link: { state: "not_sent", lastSentAt: null, expiresAt: null },
      order: null,
    });
  });

  it("never shows another institution's order", async () => {
    const { order } = await buy("a", [{ size: "S", sets: 1 }]);
    const b = await callerAs(db, world.b.user, clock);
    const refused = await refusal(
      b.institutionOrders.forRequest({ requestId: requestOf(world.a) }),
    );
    expect(refused.data.code).toBe("NOT_FOUND");
    expect(JSON.stringify(refused)).not.toContain(order.orderNumber);
    const mine = await b.institutionOrders.mine();
    expect(mine.map((m) => m.requestId)).toEqual([requestOf(world.b)]);
    expect(JSON.stringify(mine)).not.toContain(order.orderNumber);

    const asVendor = await refusal(vendor.institutionOrders.mine());
    expect(asVendor.data.code).toBe("FORBIDDEN");
    const asPrefecture = await refusal(
      (
        await callerAs(db, world.tokyoOfficers[0]?.user ?? world.osakaOfficer.user, clock)
      ).institutionOrders.forRequest({
        requestId: requestOf(world.a),
      }),
    );
    expect(asPrefecture.data.code).toBe("FORBIDDEN");
  });
});

describe("products and stock", () => {
  it("lists the product with stock and what unshipped orders still need", async () => {
    await buy("a", [{ size: "M", sets: 2 }]);
    const [product] = await vendor.vendorPortal.products();
    expect(product?.id).toBe(productId);
    expect(product?.sizes.map((s) => [s.size, s.stockSets, s.unshippedSets])).toEqual([
      ["S", 50, 0],
      ["M", 48, 2],
      ["L", 50, 0],
    ]);
  });

  it("sets a size's stock, refusing to overwrite a change the screen did not see", async () => {
    const updated = await vendor.vendorPortal.updateStock({
      sizeId: sizeIds.S as string,
      stockSets: 120,
      expectedStockSets: 50,
    });
    expect(updated.sizes.find((s) => s.size === "S")).toMatchObject({
      stockSets: 120,
      stockPieces: 120_000,
    });

    await buy("a", [{ size: "M", sets: 1 }]);
    const stale = await refusal(
      vendor.vendorPortal.updateStock({
        sizeId: sizeIds.M as string,
        stockSets: 80,
        expectedStockSets: 50,
      }),
    );
    expect(stale.data.domainCode).toBe("STALE_VERSION");
    expect(stale.message).toContain("現在 49 セット");

    const negative = await refusal(
      vendor.vendorPortal.updateStock({ sizeId: sizeIds.M as string, stockSets: -1 }),
    );
    expect(negative.data.code).toBe("BAD_REQUEST");
    const audit = await db
      .selectFrom("auditLog")
      .select("details")
      .where("action", "=", "product.update_stock")
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ size: "S", from: 50, to: 120 });
  });

  it("adds a size once, and keeps a single product on sale", async () => {
    const added = await vendor.vendorPortal.addSize({ productId, size: "LL", stockSets: 5 });
    expect(added.sizes.map((s) => s.size)).toEqual(["S", "M", "L", "LL"]);
    const twice = await refusal(
      vendor.vendorPortal.addSize({ productId, size: "LL", stockSets: 5 }),
    );
    expect(twice.message).toBe(
      "LLサイズは既に登録されています。在庫数の変更は在庫の更新から行ってください。",
    );
    const second = await refusal(vendor.vendorPortal.createProduct({ name: "別の手袋" }));
    expect(second.message).toBe(
      "販売中の商品が既にあります。サイズと在庫はその商品に追加してください。",
    );

    const { token } = await latestLinkTo(db, emails.b as string);
    const page = await createTestCaller(
      createTestContext(db, { now: () => clock.now }),
    ).storefront.purchasePage({ token });
    if (page.kind !== "form") throw new Error("expected the form");
    expect(page.product?.sizes.map((s) => s.size)).toEqual(["S", "M", "L", "LL"]);
  });
});

import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerAs, refusal, rejection } from "./fixtures/institution-world";
import { createOrderWorld, type OrderWorld } from "./fixtures/order-world";
import { mailsOfKind } from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let orders: OrderWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  orders = await createOrderWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await orders.reset();
});

/**
 * 一括出荷 (issue 16 #5): several orders marked shipped at once, each with a carrier
 * from the list and its own tracking number; each order's outcome is its own.
 */

async function statusOf(orderId: string): Promise<string> {
  const row = await db
    .selectFrom("orders")
    .select("status")
    .where("id", "=", orderId)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe("vendorPortal.shipOrders", () => {
  it("ships each order with its own carrier and tracking number, mailing each institution", async () => {
    const { order: first } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    const { order: second } = await orders.buy("osaka", [{ size: "M", sets: 2 }]);
    orders.clock.set("2026-12-05 15:30:00");
    const result = await orders.vendor.vendorPortal.shipOrders({
      items: [
        {
          orderId: first.id,
          carrier: "ヤマト運輸",
          trackingNumber: "１２３４－５６７８－９０１２",
        },
        { orderId: second.id, carrier: "佐川急便", trackingNumber: "4000 1111 2222" },
      ],
    });
    expect(result).toMatchObject({ shipped: 2, refused: 0 });
    expect(result.results.map((r) => [r.orderId, r.outcome, r.message])).toEqual([
      [first.id, "shipped", null],
      [second.id, "shipped", null],
    ]);
    expect(result.results[0]?.order?.shipment).toMatchObject({
      carrier: "ヤマト運輸",
      trackingNumber: "1234-5678-9012",
      shippedAt: orders.clock.now.toISOString(),
    });
    expect(result.results[1]?.order?.shipment).toMatchObject({
      carrier: "佐川急便",
      trackingNumber: "400011112222",
    });
    const mails = await mailsOfKind(db, "order_shipped");
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(
      [orders.emails.a, orders.emails.osaka].sort(),
    );
    const toOsaka = mails.find((mail) => mail.toAddress === orders.emails.osaka);
    expect(toOsaka?.textBody).toContain("配送業者：佐川急便");
    expect(toOsaka?.textBody).toContain(second.orderNumber);
    const audits = await db
      .selectFrom("auditLog")
      .select(["targetId", "actorRole"])
      .where("action", "=", "order.ship")
      .execute();
    expect(audits.map((a) => a.targetId).sort()).toEqual([first.id, second.id].sort());
  });

  it("reports each order's outcome: one already shipped or unknown is refused, the rest ship", async () => {
    const { order: shipped } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    const { order: fresh } = await orders.buy("b", [{ size: "L", sets: 1 }]);
    await orders.vendor.vendorPortal.markShipped({
      orderId: shipped.id,
      carrier: "日本郵便",
      trackingNumber: "123456789012",
    });
    const result = await orders.vendor.vendorPortal.shipOrders({
      items: [
        { orderId: shipped.id, carrier: "ヤマト運輸", trackingNumber: "111122223333" },
        { orderId: orders.batch().batchId, carrier: "ヤマト運輸", trackingNumber: "111122224444" },
        { orderId: fresh.id, carrier: "西濃運輸", trackingNumber: "5555666677" },
      ],
    });
    expect(result).toMatchObject({ shipped: 1, refused: 2 });
    expect(result.results.map((r) => [r.orderId, r.outcome, r.message])).toEqual([
      [shipped.id, "refused", "この注文は既に出荷済みです。"],
      [orders.batch().batchId, "refused", expect.stringContaining("見つかりません")],
      [fresh.id, "shipped", null],
    ]);
    // The refused one keeps its first shipment.
    const kept = await db
      .selectFrom("shipments")
      .select(["carrier", "trackingNumber"])
      .where("orderId", "=", shipped.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ carrier: "日本郵便", trackingNumber: "123456789012" });
    expect(await statusOf(fresh.id)).toBe("shipped");
  });

  it("takes carriers only from the list, each order once, and ships nothing on such input", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    const unknown = await refusal(
      orders.vendor.vendorPortal.shipOrders({
        items: [{ orderId: order.id, carrier: "自社便", trackingNumber: "1234" }],
      }),
    );
    expect(unknown.data.code).toBe("BAD_REQUEST");
    expect(unknown.data.fieldErrors?.["items.0.carrier"]).toEqual([
      "配送業者を一覧から選択してください",
    ]);
    const twice = await refusal(
      orders.vendor.vendorPortal.shipOrders({
        items: [
          { orderId: order.id, carrier: "ヤマト運輸", trackingNumber: "1234" },
          { orderId: order.id, carrier: "ヤマト運輸", trackingNumber: "5678" },
        ],
      }),
    );
    expect(twice.data.fieldErrors?.items).toEqual(["同じ注文が複数回選択されています"]);
    const blank = await refusal(
      orders.vendor.vendorPortal.shipOrders({
        items: [{ orderId: order.id, carrier: "ヤマト運輸", trackingNumber: "　" }],
      }),
    );
    expect(blank.data.fieldErrors?.["items.0.trackingNumber"]).toEqual([
      "お問い合わせ伝票番号を入力してください",
    ]);
    expect(await statusOf(order.id)).toBe("ordered");
  });

  it("is refused to institutions, prefectures and the ministry (FORBIDDEN), shipping nothing", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    for (const user of [orders.world.a, orders.world.tokyoOfficers[0], orders.world.ministry]) {
      if (!user) throw new Error("fixture");
      const caller = await callerAs(db, user.user, orders.clock);
      const error = await rejection(
        caller.vendorPortal.shipOrders({
          items: [{ orderId: order.id, carrier: "ヤマト運輸", trackingNumber: "1234" }],
        }),
      );
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await statusOf(order.id)).toBe("ordered");
    expect(await mailsOfKind(db, "order_shipped")).toEqual([]);
  });
});

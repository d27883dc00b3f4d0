import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerAs, refusal, rejection } from "./fixtures/institution-world";
import { createOrderWorld, type OrderWorld } from "./fixtures/order-world";

/**
 * 受領確認 (issue 16 #5): the institution confirms a shipped order arrived; the
 * vendor's list and the review console's request page show it.
 */

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

async function ship(orderId: string) {
  await orders.vendor.vendorPortal.markShipped({
    orderId,
    carrier: "ヤマト運輸",
    trackingNumber: "123456789012",
  });
}

const caller = (key: "a" | "b" | "osaka") => callerAs(db, orders.world[key].user, orders.clock);

describe("institutionOrders.confirmReceipt", () => {
  it("records who confirmed and when, once shipped; the vendor and the review console see it", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    orders.clock.set("2026-12-05 15:30:00");
    await ship(order.id);
    orders.clock.set("2026-12-07 09:15:00");
    const a = await caller("a");
    const view = await a.institutionOrders.confirmReceipt({ orderId: order.id });
    expect(view.shipment).toMatchObject({
      shippedAt: "2026-12-05T06:30:00.000Z",
      receivedAt: "2026-12-07T00:15:00.000Z",
    });
    const stored = await db
      .selectFrom("shipments")
      .select(["receivedAt", "receivedBy"])
      .where("orderId", "=", order.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      receivedAt: new Date("2026-12-07T00:15:00.000Z"),
      receivedBy: orders.world.a.user.id,
    });
    const audit = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "actorRole", "details"])
      .where("action", "=", "order.receive")
      .where("targetId", "=", order.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actorUserId: orders.world.a.user.id,
      actorRole: "institution",
      details: { orderNumber: order.orderNumber, status: "shipped" },
    });

    // The institution's own page, the vendor's list, the review console.
    const mine = await a.institutionOrders.mine();
    expect(mine[0]?.order?.shipment?.receivedAt).toBe("2026-12-07T00:15:00.000Z");
    const listed = await orders.vendor.vendorPortal.orders({ status: "shipped" });
    expect(listed.items.find((o) => o.id === order.id)?.shipment?.receivedAt).toBe(
      "2026-12-07T00:15:00.000Z",
    );
    const requestId = orders
      .batch()
      .items.find((item) => item.institutionId === orders.world.a.institutionId)?.requestId;
    if (requestId === undefined) throw new Error("fixture");
    const ministry = await callerAs(db, orders.world.ministry.user, orders.clock);
    const detail = await ministry.review.get({ id: requestId });
    expect(detail.order).toEqual({
      orderNumber: order.orderNumber,
      status: "shipped",
      statusLabel: "出荷済み",
      orderedAt: "2026-12-04T01:00:00.000Z",
      totalSets: 1,
      shippedAt: "2026-12-05T06:30:00.000Z",
      deliveredAt: null,
      receivedAt: "2026-12-07T00:15:00.000Z",
    });
  });

  it("is refused before shipping and a second time, in words that say why", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    const a = await caller("a");
    const early = await refusal(a.institutionOrders.confirmReceipt({ orderId: order.id }));
    expect(early.data.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toBe(
      "出荷前の注文は受領確認できません。出荷のお知らせが届いてから確認してください。",
    );
    await ship(order.id);
    await orders.vendor.vendorPortal.markDelivered({ orderId: order.id });
    const done = await a.institutionOrders.confirmReceipt({ orderId: order.id });
    expect(done.status).toBe("delivered");
    const again = await refusal(a.institutionOrders.confirmReceipt({ orderId: order.id }));
    expect(again.message).toBe("この注文は既に受領確認済みです。");
  });

  it("another institution's order is NOT_FOUND (audited), and stays unconfirmed", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    await ship(order.id);
    for (const key of ["b", "osaka"] as const) {
      const other = await caller(key);
      const refused = await refusal(other.institutionOrders.confirmReceipt({ orderId: order.id }));
      expect(refused.data.code).toBe("NOT_FOUND");
    }
    const denials = await db
      .selectFrom("auditLog")
      .select(["targetType", "details"])
      .where("action", "=", "access.denied")
      .where("targetId", "=", order.id)
      .execute();
    expect(denials).toHaveLength(2);
    expect(denials[0]).toMatchObject({
      targetType: "order",
      details: { procedure: "institutionOrders.confirmReceipt", reason: "out_of_scope" },
    });
    const stored = await db
      .selectFrom("shipments")
      .select("receivedAt")
      .where("orderId", "=", order.id)
      .executeTakeFirstOrThrow();
    expect(stored.receivedAt).toBeNull();
  });

  it("is refused to the vendor, prefectures and the ministry (FORBIDDEN)", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    await ship(order.id);
    const { world } = orders;
    for (const user of [world.vendor, world.tokyoOfficers[0], world.ministry]) {
      if (!user) throw new Error("fixture");
      const other = await callerAs(db, user.user, orders.clock);
      const error = await rejection(other.institutionOrders.confirmReceipt({ orderId: order.id }));
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it("the database refuses a receipt without its user, or before the shipment left", async () => {
    const { order } = await orders.buy("a", [{ size: "S", sets: 1 }]);
    orders.clock.set("2026-12-05 15:30:00");
    await ship(order.id);
    await expect(
      db
        .updateTable("shipments")
        .set({ receivedAt: new Date("2026-12-06T00:00:00Z") })
        .where("orderId", "=", order.id)
        .execute(),
    ).rejects.toThrow(/shipments_received_by_someone/);
    await expect(
      db
        .updateTable("shipments")
        .set({
          receivedAt: new Date("2026-12-01T00:00:00Z"),
          receivedBy: orders.world.a.user.id,
        })
        .where("orderId", "=", order.id)
        .execute(),
    ).rejects.toThrow(/shipments_received_after_shipped/);
  });
});

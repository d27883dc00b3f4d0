import type { Db } from "@sos/db";
import type { ApiConfig } from "../../context";
import { isDomainError } from "../../errors";
import type { ShipOrdersOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { markShipped } from "./orders";

export interface ShipItem {
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

/**
 * 一括出荷: the vendor records several parcels that left the warehouse. Each order
 * is shipped as on its own (its own transaction: shipment, status, mail, audit),
 * so one order cancelled or shipped meanwhile does not hold back the parcels that
 * did leave; each order's outcome is reported, with the reason for a refusal.
 */
export async function shipOrders(
  db: Db,
  {
    items,
    actor,
    now,
    config,
  }: { items: readonly ShipItem[]; actor: VendorActor; now: Date; config: ApiConfig },
): Promise<ShipOrdersOutput> {
  const results: ShipOrdersOutput["results"] = [];
  for (const item of items) {
    try {
      const order = await markShipped(db, { ...item, actor, now, config });
      results.push({ orderId: item.orderId, outcome: "shipped", message: null, order });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results.push({
        orderId: item.orderId,
        outcome: "refused",
        message: error.messageJa,
        order: null,
      });
    }
  }
  return {
    shipped: results.filter((result) => result.outcome === "shipped").length,
    refused: results.filter((result) => result.outcome === "refused").length,
    results,
  };
}

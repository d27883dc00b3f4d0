import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * The product on sale (products) and its stock per size (product_sizes). Stock
 * only ever changes by one statement that keeps it at or above zero (a check
 * constraint backs this up).
 */

/** The sizes of the active product, in the vendor's order. */
export async function saleSizes(db: Db) {
  return db
    .selectFrom("productSizes as ps")
    .innerJoin("products as p", "p.id", "ps.productId")
    .select(["ps.id", "ps.size", "ps.stockSets", "ps.sortOrder", "p.name as productName"])
    .where("p.active", "=", true)
    .orderBy("ps.sortOrder")
    .orderBy("ps.size")
    .execute();
}

/** Takes `sets` from the size's stock if it holds that many; false (and nothing taken) if not. */
export async function takeStock(trx: Db, sizeId: string, sets: number): Promise<boolean> {
  const taken = await sql`
    update product_sizes set stock_sets = stock_sets - ${sets}
    where id = ${sizeId} and stock_sets >= ${sets}`.execute(trx);
  return Number(taken.numAffectedRows ?? 0n) > 0;
}

export async function stockSetsOf(db: Db, sizeId: string): Promise<number> {
  const row = await db
    .selectFrom("productSizes")
    .select("stockSets")
    .where("id", "=", sizeId)
    .executeTakeFirstOrThrow();
  return row.stockSets;
}

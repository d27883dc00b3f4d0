import { type Insertable, sql } from "kysely";
import type { Db } from "../connect";
import type { ProductSizesTable } from "../schema";

/**
 * The product on sale (products) and its stock per size (product_sizes). Stock
 * only ever changes by one statement that keeps it at or above zero (a check
 * constraint backs this up).
 */

/** The sizes of the active product, in the vendor's order, with their free stock. */
export async function saleSizes(db: Db) {
  return (
    db
      .selectFrom("productSizes as ps")
      .innerJoin("products as p", "p.id", "ps.productId")
      // What a buyer without an allocation may take: stock not reserved (0018).
      .select([
        "ps.id",
        "ps.size",
        sql<number>`ps.stock_sets - ps.reserved_sets`.as("stockSets"),
        "ps.sortOrder",
        "p.name as productName",
      ])
      .where("p.active", "=", true)
      .orderBy("ps.sortOrder")
      .orderBy("ps.size")
      .execute()
  );
}

/**
 * Takes `sets` from the size's free stock (stock not reserved for an
 * allocation, 0018) if it holds that many; false (and nothing taken) if not.
 */
export async function takeStock(trx: Db, sizeId: string, sets: number): Promise<boolean> {
  const taken = await sql`
    update product_sizes set stock_sets = stock_sets - ${sets}
    where id = ${sizeId} and stock_sets - reserved_sets >= ${sets}`.execute(trx);
  return Number(taken.numAffectedRows ?? 0n) > 0;
}

/** The size's free stock: sets not reserved for an allocation. */
export async function stockSetsOf(db: Db, sizeId: string): Promise<number> {
  const row = await db
    .selectFrom("productSizes")
    .select(sql<number>`stock_sets - reserved_sets`.as("free"))
    .where("id", "=", sizeId)
    .executeTakeFirstOrThrow();
  return row.free;
}

/** Every product, the one on sale first. */
export async function listProductRows(db: Db) {
  return db
    .selectFrom("products")
    .select(["id", "name", "active", "piecesPerSet"])
    .orderBy("active", "desc")
    .orderBy("name")
    .execute();
}

/** Every size of every product with the sets ordered and not shipped yet. */
export async function listSizeRows(db: Db) {
  return db
    .selectFrom("productSizes as ps")
    .select([
      "ps.id",
      "ps.productId",
      "ps.size",
      "ps.stockSets",
      "ps.sortOrder",
      sql<number>`coalesce((
        select sum(ol.sets) from order_lines ol join orders o on o.id = ol.order_id
        where ol.product_size_id = ps.id and o.status = 'ordered'
      ), 0)::int`.as("unshippedSets"),
    ])
    .orderBy("ps.sortOrder")
    .orderBy("ps.size")
    .execute();
}

export async function insertProduct(trx: Db, name: string): Promise<string> {
  const row = await trx
    .insertInto("products")
    .values({ name })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function productExists(db: Db, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom("products")
    .select("id")
    .where("id", "=", productId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertProductSize(
  trx: Db,
  size: Insertable<ProductSizesTable>,
): Promise<string> {
  const row = await trx
    .insertInto("productSizes")
    .values(size)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The size, locked until the transaction ends. */
export async function lockProductSize(trx: Db, sizeId: string) {
  return trx
    .selectFrom("productSizes")
    .select(["productId", "size", "stockSets"])
    .where("id", "=", sizeId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setStock(trx: Db, sizeId: string, stockSets: number): Promise<void> {
  await trx.updateTable("productSizes").set({ stockSets }).where("id", "=", sizeId).execute();
}

import { appendAudit, type Db } from "@sos/db";
import {
  insertProduct,
  insertProductSize,
  listProductRows,
  listSizeRows,
  lockProductSize,
  productExists,
  setStock,
} from "@sos/db/repositories/product";
import { GLOVE_SIZE_LABELS, GLOVE_SIZES, type GloveSize } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { DomainError } from "../../errors";
import type { ProductOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { isUniqueViolation } from "./pg-errors";

/**
 * The product on sale (medical gloves, in sets of 1,000) and its stock per
 * size, which the vendor maintains. Stock only ever changes by one statement
 * that keeps it at or above zero (a check constraint backs this up).
 */

export type ProductView = ProductOutput;

export async function listProducts(db: Db): Promise<ProductView[]> {
  const products = await listProductRows(db);
  const sizes = await listSizeRows(db);
  return products.map((product) => ({
    ...product,
    sizes: sizes
      .filter((size) => size.productId === product.id)
      .map(({ productId: _productId, ...size }) => ({
        ...size,
        label: GLOVE_SIZE_LABELS.ja[size.size],
        stockPieces: size.stockSets * PIECES_PER_SET,
      })),
  }));
}

/** The one product on sale, with its sizes; null before the vendor has set one up. */
export async function activeProduct(db: Db): Promise<ProductView | null> {
  const products = await listProducts(db);
  return products.find((product) => product.active) ?? null;
}

export async function createProduct(
  db: Db,
  { name, actor }: { name: string; actor: VendorActor },
): Promise<ProductView> {
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertProduct(trx, name).catch((error: unknown) => {
      if (isUniqueViolation(error, "products_one_active")) {
        throw new DomainError("INVALID_STATE", {
          messageJa: "販売中の商品が既にあります。サイズと在庫はその商品に追加してください。",
        });
      }
      if (isUniqueViolation(error)) {
        throw new DomainError("CONFLICT", { messageJa: "同じ名前の商品が既にあります。" });
      }
      throw error;
    });
    await appendAudit(trx, {
      action: "product.create",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "product",
      targetId: id,
      ip: actor.ip,
      details: { name },
    });
    return id;
  });
  return findProduct(db, id);
}

async function findProduct(db: Db, productId: string): Promise<ProductView> {
  const product = (await listProducts(db)).find((p) => p.id === productId);
  if (product === undefined) throw new DomainError("NOT_FOUND");
  return product;
}

export async function addSize(
  db: Db,
  {
    productId,
    size,
    stockSets,
    sortOrder,
    actor,
  }: {
    productId: string;
    size: GloveSize;
    stockSets: number;
    sortOrder: number | null;
    actor: VendorActor;
  },
): Promise<ProductView> {
  await db.transaction().execute(async (trx) => {
    if (!(await productExists(trx, productId))) throw new DomainError("NOT_FOUND");
    const sizeId = await insertProductSize(trx, {
      productId,
      size,
      stockSets,
      // The usual SS < S < M < L < LL order unless the vendor says otherwise.
      sortOrder: sortOrder ?? GLOVE_SIZES.indexOf(size) + 1,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw new DomainError("CONFLICT", {
          messageJa: `${GLOVE_SIZE_LABELS.ja[size]}は既に登録されています。在庫数の変更は在庫の更新から行ってください。`,
        });
      }
      throw error;
    });
    await appendAudit(trx, {
      action: "product.add_size",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "product_size",
      targetId: sizeId,
      ip: actor.ip,
      details: { productId, size, stockSets },
    });
  });
  return findProduct(db, productId);
}

/**
 * Sets a size's stock to what the warehouse counted. With `expectedStockSets`
 * (what the screen showed) it is a compare-and-set: a purchase that took sets
 * in between is not silently overwritten, the vendor is told instead.
 */
export async function updateStock(
  db: Db,
  {
    sizeId,
    stockSets,
    expectedStockSets,
    actor,
  }: { sizeId: string; stockSets: number; expectedStockSets: number | null; actor: VendorActor },
): Promise<ProductView> {
  const productId = await db.transaction().execute(async (trx) => {
    const current = await lockProductSize(trx, sizeId);
    if (current === undefined) throw new DomainError("NOT_FOUND");
    if (expectedStockSets !== null && current.stockSets !== expectedStockSets) {
      throw new DomainError("STALE_VERSION", {
        messageJa: `${GLOVE_SIZE_LABELS.ja[current.size]}の在庫数は、表示後に注文などで変わっています（現在 ${current.stockSets.toLocaleString("ja-JP")} セット）。最新の在庫数を確認して入力し直してください。`,
      });
    }
    await setStock(trx, sizeId, stockSets);
    await appendAudit(trx, {
      action: "product.update_stock",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "product_size",
      targetId: sizeId,
      ip: actor.ip,
      details: { size: current.size, from: current.stockSets, to: stockSets },
    });
    return current.productId;
  });
  return findProduct(db, productId);
}

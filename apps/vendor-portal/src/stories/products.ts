import type { Product, ProductSize } from "../api-types";

export const PRODUCT_ID = "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2901";

function size(
  code: ProductSize["size"],
  stockSets: number,
  unshippedSets: number,
  sortOrder: number,
): ProductSize {
  return {
    id: `7e6d5c4b-3a29-4180-8f7e-00000000000${sortOrder}`,
    size: code,
    label: `${code}サイズ`,
    stockSets,
    stockPieces: stockSets * 1000,
    sortOrder,
    unshippedSets,
  };
}

/** The nitrile gloves on sale: SS sold out, S plentiful, L nearly gone; LL not offered yet. */
export const PRODUCT: Product = {
  id: PRODUCT_ID,
  name: "ニトリル手袋（パウダーフリー）100枚入×10箱",
  active: true,
  piecesPerSet: 1000,
  sizes: [
    size("SS", 0, 0, 1),
    size("S", 1250, 906, 2),
    size("M", 480, 1068, 3),
    size("L", 12, 0, 4),
  ],
};

export function withStock(product: Product, code: ProductSize["size"], stockSets: number): Product {
  return {
    ...product,
    sizes: product.sizes.map((each) =>
      each.size === code ? { ...each, stockSets, stockPieces: stockSets * 1000 } : each,
    ),
  };
}

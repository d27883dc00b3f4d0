import { PIECES_PER_SET } from "@sos/rules";
import { z } from "#zod";
import { GloveSize } from "../glove-size";
import { Id } from "./common";

/** Sold in sets of PIECES_PER_SET (1,000 pieces, 10 boxes), the smallest unit. */
export const Product = z.object({
  id: Id,
  name: z.string().check(z.minLength(1)),
  piecesPerSet: z.literal(PIECES_PER_SET),
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const ProductSize = z.object({
  id: Id,
  productId: Id,
  size: GloveSize,
  stockSets: z.number().check(z.int(), z.gte(0)),
  sortOrder: z.number().check(z.int()),
});
export type ProductSize = z.infer<typeof ProductSize>;

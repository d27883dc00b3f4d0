import { z } from "zod";
import {
  AddSizeInput,
  CreateProductInput,
  ProductOutput,
  UpdateStockInput,
} from "../../schemas/vendor-portal";
import {
  addSize,
  createProduct,
  listProducts,
  updateStock,
  vendorActor,
} from "../../services/vendor-portal";
import { vendorProcedure } from "../../trpc";

/** The product on sale and its stock per size. */
export const productProcedures = {
  products: vendorProcedure.output(z.array(ProductOutput)).query(({ ctx }) => listProducts(ctx.db)),

  createProduct: vendorProcedure
    .input(CreateProductInput)
    .output(ProductOutput)
    .mutation(({ ctx, input }) =>
      createProduct(ctx.db, { name: input.name, actor: vendorActor(ctx) }),
    ),

  addSize: vendorProcedure
    .input(AddSizeInput)
    .output(ProductOutput)
    .mutation(({ ctx, input }) => addSize(ctx.db, { ...input, actor: vendorActor(ctx) })),

  updateStock: vendorProcedure
    .input(UpdateStockInput)
    .output(ProductOutput)
    .mutation(({ ctx, input }) => updateStock(ctx.db, { ...input, actor: vendorActor(ctx) })),
};

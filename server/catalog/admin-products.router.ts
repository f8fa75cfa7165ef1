import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { ListAdminProductsInput, ProductIdInput, ProductInput, UpdateProductInput } from "./admin-schemas";
import { archiveProduct } from "./archive-product";
import { createProduct } from "./create-product";
import { getAdminProduct } from "./get-admin-product";
import { listAdminProducts } from "./list-admin-products";
import { updateProduct } from "./update-product";

export const adminProductsRouter = createTRPCRouter({
  list: adminProcedure.input(ListAdminProductsInput).query(({ ctx, input }) => listAdminProducts(toServiceCtx(ctx), input)),
  get: adminProcedure.input(ProductIdInput).query(({ ctx, input }) => getAdminProduct(toServiceCtx(ctx), input)),
  create: adminProcedure.input(ProductInput).mutation(({ ctx, input }) => createProduct(toServiceCtx(ctx), input)),
  update: adminProcedure.input(UpdateProductInput).mutation(({ ctx, input }) => updateProduct(toServiceCtx(ctx), input)),
  archive: adminProcedure.input(ProductIdInput).mutation(({ ctx, input }) => archiveProduct(toServiceCtx(ctx), input)),
});

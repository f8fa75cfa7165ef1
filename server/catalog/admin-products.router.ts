import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import {
  ImageAltInput,
  ImageIdInput,
  ListAdminProductsInput,
  ProductIdInput,
  ProductInput,
  ReorderImagesInput,
  SetProductsStatusInput,
  UpdateProductInput,
  VariantImageInput,
} from "./admin-schemas";
import { archiveProduct } from "./archive-product";
import { createProduct } from "./create-product";
import { getAdminProduct } from "./get-admin-product";
import { listAdminProducts } from "./list-admin-products";
import { removeProductImage } from "./remove-product-image";
import { reorderProductImages } from "./reorder-product-images";
import { setImageAlt } from "./set-image-alt";
import { setProductsStatus } from "./set-products-status";
import { setVariantImage } from "./set-variant-image";
import { updateProduct } from "./update-product";

// Images are uploaded through POST /api/admin/products/<id>/images (a byte stream, not JSON); the rest is here.
export const adminProductsRouter = createTRPCRouter({
  list: adminProcedure.input(ListAdminProductsInput).query(({ ctx, input }) => listAdminProducts(toServiceCtx(ctx), input)),
  get: adminProcedure.input(ProductIdInput).query(({ ctx, input }) => getAdminProduct(toServiceCtx(ctx), input)),
  create: adminProcedure.input(ProductInput).mutation(({ ctx, input }) => createProduct(toServiceCtx(ctx), input)),
  update: adminProcedure.input(UpdateProductInput).mutation(({ ctx, input }) => updateProduct(toServiceCtx(ctx), input)),
  archive: adminProcedure.input(ProductIdInput).mutation(({ ctx, input }) => archiveProduct(toServiceCtx(ctx), input)),
  setStatus: adminProcedure.input(SetProductsStatusInput).mutation(({ ctx, input }) => setProductsStatus(toServiceCtx(ctx), input)),
  setImageAlt: adminProcedure.input(ImageAltInput).mutation(({ ctx, input }) => setImageAlt(toServiceCtx(ctx), input)),
  reorderImages: adminProcedure.input(ReorderImagesInput).mutation(({ ctx, input }) => reorderProductImages(toServiceCtx(ctx), input)),
  // callsOut: the verb deletes the stored file after its own commit, which it cannot do inside the audit's transaction.
  removeImage: adminProcedure.meta({ callsOut: true }).input(ImageIdInput).mutation(({ ctx, input }) => removeProductImage(toServiceCtx(ctx), input)),
  setVariantImage: adminProcedure.input(VariantImageInput).mutation(({ ctx, input }) => setVariantImage(toServiceCtx(ctx), input)),
});
